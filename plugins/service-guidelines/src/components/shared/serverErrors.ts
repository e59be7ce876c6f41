import { ResponseError } from '@backstage/errors';
import { FieldError } from '@service-guidelines/plugin-service-guidelines-common';

/** What the server said about a failed request, in the form a form needs. */
export interface ServerProblem {
  message: string;
  /** Per field, when the server named fields (400). */
  fields: Record<string, string>;
  /** The current state of the resource, when the server answered 409. */
  current?: unknown;
  status?: number;
}

/** Reads the server's message, field errors and (for 409) current state out of an error. */
export function serverProblemOf(error: unknown): ServerProblem {
  if (
    error instanceof ResponseError ||
    (error as Error)?.name === 'ResponseError'
  ) {
    const response = error as ResponseError;
    const body = response.body?.error as
      | { message?: string; fields?: FieldError[]; current?: unknown }
      | undefined;
    const fields: Record<string, string> = {};
    for (const f of body?.fields ?? []) {
      fields[f.field] = f.message;
    }
    return {
      message: body?.message ?? response.message,
      fields,
      current: body?.current,
      status: response.statusCode,
    };
  }
  return { message: (error as Error)?.message ?? String(error), fields: {} };
}
