import { Config } from '@backstage/config';
import {
  parseSvarstidConfig,
  SVARSTID_CONFIG_KEY,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';

/**
 * The municipality's svarstid rules from app-config (Värmdö's where a key is left out). A bad
 * value throws, naming the key, so the backend does not start with wrong deadlines.
 */
export function readSvarstidRules(config: Config): SvarstidRules {
  return parseSvarstidConfig(config.getOptional(SVARSTID_CONFIG_KEY));
}
