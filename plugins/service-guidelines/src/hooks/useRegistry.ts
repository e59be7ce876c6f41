import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  parseSvarstidConfig,
  readRegistrySettings,
  RegistrySettings,
  SVARSTID_CONFIG_KEY,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useMemo } from 'react';

/**
 * The registry's settings (areas, guidance, unit types) and svarstid rules, read from the
 * portal's config with the very functions the backend uses, so both sides show the same rules.
 */
export function useRegistry(): {
  settings: RegistrySettings;
  rules: SvarstidRules;
} {
  const config = useApi(configApiRef);
  return useMemo(
    () => ({
      settings: readRegistrySettings(config),
      rules: parseSvarstidConfig(config.getOptional(SVARSTID_CONFIG_KEY)),
    }),
    [config],
  );
}
