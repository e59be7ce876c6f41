import { Config } from '@backstage/config';
import { DEFAULT_AREAS, DEFAULT_GUIDANCE, ServiceArea } from './defaults';
import { NOT_SYNPUNKT_CATEGORIES, NotSynpunktCategory } from './model';

/**
 * Settings of the synpunkt registry that are configuration, with Värmdö's values as defaults.
 *
 * @public
 */
export interface RegistrySettings {
  /** Registration number prefix, e.g. `SYN` → `SYN-2026-00042`. */
  numberPrefix: string;
  /** Areas of service, and which carry a legal complaint duty (utredning before closing). */
  areas: ReadonlyArray<ServiceArea>;
  /** Where each matter that is not a synpunkt goes instead. */
  guidance: Record<NotSynpunktCategory, string>;
  /** Group `spec.type` values a synpunkt may be registered on. */
  registrableUnitTypes: string[];
}

const DEFAULT_REGISTRABLE_UNIT_TYPES = ['nämnd', 'förvaltning', 'enhet'];

const KEY = 'serviceGuidelines.synpunkter';

/**
 * Reads the registry's configuration, with Värmdö's values as defaults, in the backend and in
 * the browser alike (the frontend's ConfigApi is a Config). Invalid values throw, naming the key:
 * a silent fallback would put wrong rules into a legal process.
 *
 * @public
 */
export function readRegistrySettings(config: Config): RegistrySettings {
  const section = config.getOptionalConfig(KEY);
  const numberPrefix = section?.getOptionalString('numberPrefix') ?? 'SYN';
  if (!/^[A-ZÅÄÖ0-9]{1,10}$/.test(numberPrefix)) {
    throw new Error(
      `${KEY}.numberPrefix: '${numberPrefix}' must be 1–10 capital letters or digits, e.g. SYN`,
    );
  }
  const areasConfig = section?.getOptionalConfigArray('areas');
  const areas = areasConfig
    ? areasConfig.map((area, index) => {
        const id = area.getString('id');
        if (!/^[a-z0-9-]{1,100}$/.test(id)) {
          throw new Error(
            `${KEY}.areas[${index}].id: '${id}' must be lower-case letters, digits or '-'`,
          );
        }
        return {
          id,
          title: area.getString('title'),
          legalDuty: area.getOptionalBoolean('legalDuty') ?? false,
        };
      })
    : DEFAULT_AREAS;
  const ids = areas.map(a => a.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new Error(`${KEY}.areas: the id '${duplicate}' is used twice`);
  }
  if (areas.length === 0) {
    throw new Error(`${KEY}.areas: must list at least one area`);
  }
  const guidanceConfig = section?.getOptionalConfig('guidance');
  const guidance = Object.fromEntries(
    NOT_SYNPUNKT_CATEGORIES.map(category => [
      category,
      guidanceConfig?.getOptionalString(category) ?? DEFAULT_GUIDANCE[category],
    ]),
  ) as Record<NotSynpunktCategory, string>;
  const registrableUnitTypes =
    section?.getOptionalStringArray('registrableUnitTypes') ??
    DEFAULT_REGISTRABLE_UNIT_TYPES;
  return { numberPrefix, areas, guidance, registrableUnitTypes };
}
