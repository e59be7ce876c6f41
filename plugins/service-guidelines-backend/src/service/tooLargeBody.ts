import { CustomErrorBase } from '@backstage/errors';
import { TEXT_LIMITS } from '@service-guidelines/plugin-service-guidelines-common';
import { ErrorRequestHandler } from 'express';

/** A request body over the route's limit; answered with 413 Payload Too Large. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  readonly statusCode = 413;
}

/** What body-parser throws when a body is over its limit. */
interface BodyParserTooLarge {
  type: 'entity.too.large';
  limit?: number;
  length?: number;
}

function isTooLarge(error: unknown): error is BodyParserTooLarge {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.too.large'
  );
}

/**
 * Turns body-parser's bare "request entity too large" into a message that says how large the body
 * was, what the route accepts and what to do; every other error passes unchanged.
 */
export const explainTooLargeBody: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (!isTooLarge(error)) {
    next(error);
    return;
  }
  const size = error.length === undefined ? '' : ` (${error.length} bytes)`;
  const limit =
    error.limit === undefined ? '' : ` of ${Math.floor(error.limit / 1024)} kB`;
  next(
    new PayloadTooLargeError(
      `The request body${size} is over this route's limit${limit}; shorten the texts (a description holds at most ${TEXT_LIMITS.description} characters) or split the file`,
    ),
  );
};
