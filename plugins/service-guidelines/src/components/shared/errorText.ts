import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in the server's own words where it gave any: a ResponseError's message only
 * names the status, while its cause carries the message the backend wrote.
 */
export function errorText(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const cause = (error as ResponseError).cause;
    if (cause?.message && cause.message !== error.message) {
      return `${error.message}: ${cause.message}`;
    }
  }
  return error.message;
}
