import { Config } from '@backstage/config';
import { DEFAULT_ORGAN_TYPES } from './OrganDirectory';

const KEY = 'serviceGuidelines.fortroendevalda';

/** The directory's configuration, with defaults. */
export interface FortroendevaldaSettings {
  organTypes: string[];
  seedFile?: string;
  publicRequestsPerMinute: number;
}

/**
 * Reads `serviceGuidelines.fortroendevalda`. A wrong value stops the backend at start-up with
 * the key named, rather than serving a directory that behaves unexpectedly.
 */
export function readFortroendevaldaSettings(
  config: Config,
): FortroendevaldaSettings {
  const section = config.getOptionalConfig(KEY);
  const organTypes =
    section?.getOptionalStringArray('organTypes') ?? DEFAULT_ORGAN_TYPES;
  if (organTypes.length === 0) {
    throw new Error(
      `${KEY}.organTypes: must name at least one Group spec.type, e.g. nämnd`,
    );
  }
  const publicRequestsPerMinute =
    section?.getOptionalNumber('publicApi.requestsPerMinute') ?? 60;
  if (
    !Number.isInteger(publicRequestsPerMinute) ||
    publicRequestsPerMinute < 1
  ) {
    throw new Error(
      `${KEY}.publicApi.requestsPerMinute: '${publicRequestsPerMinute}' must be a whole number of at least 1`,
    );
  }
  return {
    organTypes,
    seedFile: section?.getOptionalString('seedFile'),
    publicRequestsPerMinute,
  };
}
