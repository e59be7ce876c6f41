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
 * The longest entity ref accepted: a kind, and a namespace and a name of at most 63 characters
 * each as the catalog allows, with room to spare.
 *
 * @public
 */
export const ENTITY_REF_MAX_LENGTH = 255;

/**
 * The message of a string over its limit, naming the limit (the field is named by its path).
 *
 * @public
 */
export function tooLongMessage(max: number): string {
  return `must be at most ${max} characters`;
}

/**
 * Text without the NUL character (U+0000): PostgreSQL cannot store it in a text column, so it is
 * refused with a message instead of failing in the database.
 *
 * @public
 */
export function hasNoNulCharacter(text: string): boolean {
  return !text.includes('\u0000');
}

/** @public */
export const NUL_CHARACTER_MESSAGE =
  'must not contain the NUL character (U+0000); remove it and send the text again';

/**
 * The highest version number of a record: the database keeps versions as 32-bit integers, and no
 * record is changed two thousand million times, so a larger number was never given out.
 *
 * @public
 */
export const MAX_VERSION = 2_147_483_647;

/** @public */
export const UNKNOWN_VERSION_MESSAGE = `is not a version this API gave out (at most ${MAX_VERSION}); reload and use the version you read`;

/**
 * A catalog entity ref of the given kind, e.g. `group:default/kontaktcenter`.
 *
 * @public
 */
export function entityRefSchema(kind: 'group' | 'user') {
  return z
    .string()
    .trim()
    .max(ENTITY_REF_MAX_LENGTH, tooLongMessage(ENTITY_REF_MAX_LENGTH))
    .toLowerCase()
    .regex(
      new RegExp(`^${kind}:[a-z0-9-_.]+/[a-z0-9-_.]+$`),
      `must be a ${kind} entity ref such as ${kind}:default/name`,
    );
}
