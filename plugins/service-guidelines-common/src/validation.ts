import { z } from 'zod';

/**
 * One problem with one field of a request, e.g. `{ field: 'contact.email', message: '…' }`.
 *
 * @public
 */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The problems of a failed zod parse, one per field, with dotted paths (`contact.email`). Both
 * the backend (400 answers) and the frontend (messages beside the fields) use it.
 *
 * @public
 */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map(issue => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

/**
 * A one-line summary naming every bad field, for an error message.
 *
 * @public
 */
export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map(e => `${e.field}: ${e.message}`).join('; ');
}

/**
 * `YYYY-MM-DD`, a real calendar date.
 *
 * @public
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(value => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return (
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d
    );
  }, 'is not a date that exists');

/**
 * A catalog entity ref of the given kind, e.g. `group:default/kontaktcenter`.
 *
 * @public
 */
export function entityRefSchema(kind: 'group' | 'user') {
  return z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      new RegExp(`^${kind}:[a-z0-9-_.]+/[a-z0-9-_.]+$`),
      `must be a ${kind} entity ref such as ${kind}:default/name`,
    );
}
