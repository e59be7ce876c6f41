import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

export { readRegistrySettings } from '@service-guidelines/plugin-service-guidelines-common';

export const DEFAULT_UNIT_TYPES = [
  'kommun',
  'fullmäktige',
  'nämnd',
  'förvaltning',
  'enhet',
];

/** The Group `spec.type` values that make a unit of the organisation tree. */
export function readUnitTypes(config: Config): string[] {
  return (
    config.getOptionalStringArray('serviceGuidelines.organisation.unitTypes') ??
    DEFAULT_UNIT_TYPES
  );
}

/** How often the organisation tree is mirrored from the catalog; default every 5 minutes. */
export function readOrganisationRefreshInterval(config: Config): HumanDuration {
  const key = 'serviceGuidelines.organisation.refreshInterval';
  return config.has(key)
    ? readDurationFromConfig(config, { key })
    : { minutes: 5 };
}
