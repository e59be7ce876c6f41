import { z } from 'zod';

/*
 * How configuration read with zod is checked: every key is named in full in the message, with
 * what to write instead, so that a backend refuses to start on a bad app-config and the operator
 * knows which line to fix.
 */

/**
 * A mapping with the given keys only: a misspelt key is an error, since ignoring it would
 * silently keep the default the writer meant to change.
 */
export function settingsSchema<Shape extends z.ZodRawShape>(
  shape: Shape,
  messages: { notAMapping: string; unknownKey: string },
) {
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'unrecognized_keys'
        ? messages.unknownKey
        : messages.notAMapping,
  });
}

type IssuePath = ReadonlyArray<PropertyKey>;

function configKeyOf(root: string, path: IssuePath): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : `${key}.${String(part)}`,
    root,
  );
}

function valueAt(raw: unknown, path: IssuePath): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  root: string,
  unmatchedUnion: string,
): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      key => `${configKeyOf(root, [...issue.path, key])} ${issue.message}`,
    );
  }
  const key = configKeyOf(root, issue.path);
  if (issue.code === 'invalid_union') {
    // Report the alternative the writer evidently meant: the one whose shape the value has.
    const meant = issue.errors.find(
      alternative =>
        !alternative.some(
          inner => inner.code === 'invalid_type' && !inner.path.length,
        ),
    );
    if (meant) {
      return meant.flatMap(inner =>
        describeIssue(
          { ...inner, path: [...issue.path, ...inner.path] },
          raw,
          root,
          unmatchedUnion,
        ),
      );
    }
    return [`${key} ${unmatchedUnion}`];
  }
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  return [`${key} ${issue.message}${got}`];
}

/**
 * Parses a config subtree with the schema, or throws one Error that names every bad key in full
 * (`serviceGuidelines.x.y`), what is wrong with it and the value found.
 *
 * @param options.what - what the settings are, to begin the message ("svarstid")
 * @param options.unmatchedUnion - said of a value that fits none of a union's alternatives
 */
export function parseConfigSection<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
  options: { configKey: string; what: string; unmatchedUnion?: string },
): z.output<Schema> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap(issue =>
      describeIssue(
        issue,
        raw,
        options.configKey,
        options.unmatchedUnion ?? 'has a form that is not accepted here',
      ),
    );
    throw new Error(
      `Invalid ${options.what} configuration: ${problems.join('; ')}`,
    );
  }
  return parsed.data;
}
