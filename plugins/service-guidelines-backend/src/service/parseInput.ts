import { InputError } from '@backstage/errors';
import {
  describeFieldErrors,
  fieldErrorsOf,
} from '@service-guidelines/plugin-service-guidelines-common';
import { z } from 'zod';

/**
 * Validates a request body or query against its schema. A failure becomes a 400 whose message
 * names every bad field and what to fix, and whose `fields` carry the same per field for a form
 * to show beside each input.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what = 'request',
): z.output<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    return result.data;
  }
  const fields = fieldErrorsOf(result.error);
  const error = new InputError(
    `Invalid ${what}: ${describeFieldErrors(fields)}`,
  );
  Object.assign(error, { fields });
  throw error;
}
