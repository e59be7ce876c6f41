import { CSSProperties, useState } from 'react';
import { ServerProblem, serverProblemOf } from '../shared/serverErrors';

/**
 * The state of an administrator's form: the values as typed, and what the server said about the
 * last save. A failed save keeps every value; each field's message stays until that field is
 * edited.
 */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [problem, setProblem] = useState<ServerProblem>();
  const [saving, setSaving] = useState(false);

  return {
    values,
    problem,
    saving,
    /** Starts over with these values (when a dialog opens). */
    reset(next: T) {
      setValues(next);
      setProblem(undefined);
      setSaving(false);
    },
    set<K extends keyof T>(field: K, value: T[K]) {
      setValues(current => ({ ...current, [field]: value }));
      setProblem(current => {
        if (!current?.fields[field as string]) {
          return current;
        }
        const { [field as string]: _edited, ...fields } = current.fields;
        return { ...current, fields };
      });
    },
    /** The server's message for a field, for the field's `validate`. */
    errorOf(field: string): string | undefined {
      return problem?.fields[field];
    },
    /** Runs a save; a failure is kept as the problem and nothing typed is lost. */
    async submit<R>(save: () => Promise<R>): Promise<R | undefined> {
      setSaving(true);
      setProblem(undefined);
      try {
        return await save();
      } catch (error) {
        setProblem(serverProblemOf(error));
        return undefined;
      } finally {
        setSaving(false);
      }
    },
  };
}

/**
 * Props that show the server's message for a field beside it, the way react-aria does: as the
 * field's validation error (marked invalid, the message linked as its description). Not
 * `isInvalid`, which would mark the field without the message.
 */
export function fieldErrorProps(message: string | undefined) {
  return {
    validationBehavior: 'aria' as const,
    validate: () => message ?? null,
  };
}

/** Empty optional text is "none" to the API. */
export const optional = (value: string) => value.trim() || undefined;

/**
 * Field messages in a colour that meets WCAG AA on the dialog's background: Backstage UI's
 * danger foreground (#ec3b18 on white, 4.0:1) is too light for 12 px text, its "on background"
 * variant is dark enough (and light enough in the dark theme).
 */
export const readableFieldErrors = {
  // Backstage UI 0.18's FieldError still reads these tokens, deprecated as they are.
  // eslint-disable-next-line @backstage/no-deprecated-bui-tokens
  '--bui-fg-danger': 'var(--bui-fg-danger-on-bg)',
} as CSSProperties;
