import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

export const DECISION_CACHE_TTL_KEY =
  'serviceGuidelines.permissions.decisionCacheTtl';

/**
 * Short enough that a changed role takes effect about as soon as the user reloads a page, long
 * enough that one page's burst of requests (and a busy registrar's) asks the policy once.
 */
export const DEFAULT_DECISION_CACHE_TTL: HumanDuration = { seconds: 10 };

/**
 * How long a caller's permission decisions and user info are reused, in milliseconds; 0 turns
 * the cache off. Default {@link DEFAULT_DECISION_CACHE_TTL} when the key is absent.
 */
export function readDecisionCacheTtlMs(config: Config): number {
  const ttl = config.has(DECISION_CACHE_TTL_KEY)
    ? readDurationFromConfig(config, { key: DECISION_CACHE_TTL_KEY })
    : DEFAULT_DECISION_CACHE_TTL;
  const ms = durationToMilliseconds(ttl);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new InputError(
      `${DECISION_CACHE_TTL_KEY}: must be a duration of 0 or more, e.g. '10s' or { seconds: 10 }; '0s' turns the cache off`,
    );
  }
  return ms;
}
