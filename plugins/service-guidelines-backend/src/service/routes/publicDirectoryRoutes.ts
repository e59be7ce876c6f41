import Router from 'express-promise-router';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { FortroendevaldService } from '../fortroendevalda/FortroendevaldService';

/** How long browsers and the website's own cache may keep the list: five minutes. */
const MAX_AGE_SECONDS = 300;

/**
 * `GET /public/fortroendevalda`: the current directory for the municipality's external website,
 * without sign-in (the plugin allows `/public` unauthenticated). Only published fields: name,
 * party, the municipality's e-mail address and current uppdrag; never phone, photo or ids.
 *
 * Cached for five minutes with an ETag, open to any origin for GET, and limited per client
 * address. The limiter keeps, in memory only and for one window, a keyed hash of the address (the
 * key is random per process), so no address is stored anywhere, in clear or otherwise linkable.
 */
export function createPublicDirectoryRoutes(options: {
  fortroendevalda: FortroendevaldService;
  requestsPerMinute: number;
}) {
  const { fortroendevalda, requestsPerMinute } = options;
  const router = Router();
  const addressKey = randomBytes(32);

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // IPv6 addresses are grouped by /56 (one household or site), as express-rate-limit advises.
    keyGenerator: req =>
      createHmac('sha256', addressKey)
        .update(ipKeyGenerator(req.ip ?? 'unknown'))
        .digest('base64url'),
    // The body has the shape of every Backstage error, so that clients read it the same way.
    message: {
      error: {
        name: 'TooManyRequestsError',
        message: `At most ${requestsPerMinute} requests a minute; the list changes seldom, so cache it (it may be kept for ${MAX_AGE_SECONDS} seconds)`,
      },
      response: { statusCode: 429 },
    },
  });

  router.get('/public/fortroendevalda', limiter, async (_req, res) => {
    const body = JSON.stringify(await fortroendevalda.publicDirectory());
    const etag = `"${createHash('sha256')
      .update(body)
      .digest('base64url')
      .slice(0, 27)}"`;
    // Readable from any website's scripts; no credentials are involved.
    res.set('Access-Control-Allow-Origin', '*');
    res.removeHeader('Access-Control-Allow-Credentials');
    res.set('Access-Control-Expose-Headers', 'ETag');
    res.set('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
    res.set('ETag', etag);
    // Express answers 304 Not Modified itself when If-None-Match names this ETag.
    res.type('application/json').send(body);
  });

  return router;
}
