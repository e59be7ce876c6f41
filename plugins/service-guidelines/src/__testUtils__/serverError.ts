import { ResponseError } from '@backstage/errors';

/** A ResponseError as the client throws it for the given Backstage error body. */
export function serverError(
  status: number,
  error: Record<string, unknown>,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error, response: { statusCode: status } }), {
      status,
      statusText: String(status),
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}
