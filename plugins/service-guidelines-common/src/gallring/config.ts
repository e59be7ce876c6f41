import { z } from 'zod';
import { parseConfigSection, settingsSchema } from '../config/configIssues';
import { SYNPUNKT_TYPES, SynpunktType } from '../synpunkt/model';
import { parseRetention, Retention, RETENTION_HELP } from './retention';

/**
 * Where the gallring settings live in app-config.
 *
 * @public
 */
export const GALLRING_CONFIG_KEY = 'serviceGuidelines.gallring';

/** @public */
export const DEFAULT_GALLRING_BATCH_SIZE = 500;

const retentionSchema = z
  .string({
    error: issue =>
      issue.input === undefined
        ? `is required: the dokumenthanteringsplan decides every type; write ${RETENTION_HELP.replace(
            /^must be /,
            '',
          )}`
        : RETENTION_HELP,
  })
  .transform((value, ctx) => {
    const retention = parseRetention(value);
    if (typeof retention === 'string') {
      ctx.addIssue({ code: 'custom', message: retention, input: value });
      return z.NEVER;
    }
    return retention;
  });

function perTypeSchema(required: boolean) {
  const shape = Object.fromEntries(
    SYNPUNKT_TYPES.map(type => [
      type,
      required ? retentionSchema : retentionSchema.optional(),
    ]),
  ) as { [T in SynpunktType]: typeof retentionSchema };
  return settingsSchema(shape, {
    notAMapping: `must map each synpunkt type (${SYNPUNKT_TYPES.join(
      ', ',
    )}) to a retention`,
    unknownKey: `is not a synpunkt type; use one of ${SYNPUNKT_TYPES.join(
      ', ',
    )}`,
  });
}

/**
 * The schema of `serviceGuidelines.gallring`. `areaIds` are the configured areas: a rule for an
 * area that does not exist would never apply, so it is refused.
 *
 * @public
 */
export function gallringConfigSchema(areaIds: readonly string[]) {
  const perArea = settingsSchema(
    Object.fromEntries(
      areaIds.map(id => [id, perTypeSchema(false).optional()]),
    ) as Record<string, z.ZodOptional<ReturnType<typeof perTypeSchema>>>,
    {
      notAMapping: 'must map area ids to retentions per synpunkt type',
      unknownKey: `is not a configured area (serviceGuidelines.synpunkter.areas); use one of ${areaIds.join(
        ', ',
      )}`,
    },
  );
  return settingsSchema(
    {
      perType: perTypeSchema(true),
      perArea: perArea.optional(),
      batchSize: z
        .number({ error: 'must be a number of synpunkter' })
        .int('must be a whole number of synpunkter')
        .min(1, 'must be at least 1')
        .max(5000, 'must be at most 5000, so that one transaction stays short')
        .optional(),
      // Read by the backend with Backstage's own schedule reader, which names its own errors.
      schedule: z.unknown().optional(),
    },
    {
      notAMapping:
        'must be a mapping with perType, perArea, batchSize, schedule',
      unknownKey:
        'is not a gallring setting; use perType, perArea, batchSize or schedule',
    },
  );
}

/**
 * One rule of the dokumenthanteringsplan: how long closed synpunkter of a type (in an area, when
 * given) keep their free texts and contact details.
 *
 * @public
 */
export interface GallringRule {
  /** The app-config key the rule is written at; the gallringslogg names the rule by it. */
  key: string;
  type: SynpunktType;
  /** The area the rule is for; absent for the rule of the type in every other area. */
  area?: string;
  retention: Retention;
}

/**
 * `serviceGuidelines.gallring` checked and resolved.
 *
 * @public
 */
export interface ResolvedGallringConfig {
  /** One rule per type, then the rules of areas, which take precedence for their area. */
  rules: GallringRule[];
  batchSize: number;
}

/**
 * Checks the raw value of `serviceGuidelines.gallring`. Returns undefined when it is not set (no
 * gallring at all: nothing is removed that the municipality has not decided on). Throws an Error
 * naming every bad key, what is wrong and what to write, so that the backend does not start on
 * a retention nobody decided.
 *
 * @param raw - the config subtree as read, e.g. `config.getOptional('serviceGuidelines.gallring')`
 * @param areaIds - the ids of the configured areas
 * @public
 */
export function resolveGallringConfig(
  raw: unknown,
  areaIds: readonly string[],
  configKey: string = GALLRING_CONFIG_KEY,
): ResolvedGallringConfig | undefined {
  if (raw === undefined || raw === null) {
    return undefined;
  }
  const config = parseConfigSection(gallringConfigSchema(areaIds), raw, {
    configKey,
    what: 'gallring',
  });
  const rules: GallringRule[] = SYNPUNKT_TYPES.map(type => ({
    key: `${configKey}.perType.${type}`,
    type,
    retention: config.perType[type],
  }));
  for (const area of areaIds) {
    const perType: Partial<Record<SynpunktType, Retention>> =
      config.perArea?.[area] ?? {};
    for (const type of SYNPUNKT_TYPES) {
      const retention = perType[type];
      if (retention) {
        rules.push({
          key: `${configKey}.perArea.${area}.${type}`,
          type,
          area,
          retention,
        });
      }
    }
  }
  return {
    rules,
    batchSize: config.batchSize ?? DEFAULT_GALLRING_BATCH_SIZE,
  };
}

/**
 * The rule a synpunkt of the type and area is gallrad under: its area's own rule for the type,
 * else the type's.
 *
 * @public
 */
export function gallringRuleFor(
  rules: readonly GallringRule[],
  type: string,
  area: string,
): GallringRule | undefined {
  return (
    rules.find(r => r.type === type && r.area === area) ??
    rules.find(r => r.type === type && r.area === undefined)
  );
}
