import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  NOT_SYNPUNKT_CATEGORIES,
  NotSynpunktCategory,
} from '@service-guidelines/plugin-service-guidelines-common';
import { RegistrySettings } from '../service/synpunkter/ports';

/** Värmdö kommun's areas; utbildning and socialtjänst carry a legal complaint duty. */
export const DEFAULT_AREAS: RegistrySettings['areas'] = [
  { id: 'utbildning', title: 'Förskola och skola', legalDuty: true },
  { id: 'socialtjanst', title: 'Socialtjänst och omsorg', legalDuty: true },
  { id: 'bygg-miljo', title: 'Bygg, miljö och hälsoskydd', legalDuty: false },
  { id: 'kultur-fritid', title: 'Kultur och fritid', legalDuty: false },
  { id: 'gator-trafik', title: 'Gator, parker och trafik', legalDuty: false },
  { id: 'vatten-avfall', title: 'Vatten, avlopp och avfall', legalDuty: false },
  {
    id: 'bemotande',
    title: 'Bemötande, tillgänglighet och service',
    legalDuty: false,
  },
  { id: 'ovrigt', title: 'Övrigt', legalDuty: false },
];

/** Where matters that are not synpunkter go, in the words an employee can read to a customer. */
export const DEFAULT_GUIDANCE: Record<NotSynpunktCategory, string> = {
  fraga:
    'En fråga är inte en synpunkt. Besvara den direkt om du kan. Annars: ta reda på vem som kan svara och berätta för kunden vem som svarar och när svar kan väntas. Frågor ska alltid besvaras.',
  felanmalan:
    'En felanmälan (till exempel trasig belysning, hål i gatan, vattenläcka) görs i kommunens felanmälan på webben eller via kontaktcenter, där den går direkt till den som åtgärdar felet.',
  skadeanssprak:
    'Ett skadeanspråk (ersättning för skada som kommunen kan ha orsakat) är ett skadeståndsärende. Hänvisa kunden till kommunens skadeanmälan; handläggningen sker där.',
  overklagande:
    'En synpunkt ersätter inte ett överklagande. Den som vill ändra ett myndighetsbeslut ska överklaga det enligt överklagandehänvisningen i beslutet, inom tidsfristen som står där.',
  fortroendevald:
    'Synpunkter som riktar sig till en förtroendevald hanteras inte enligt riktlinjerna. Kunden kan vända sig direkt till den förtroendevalda: kontaktuppgifterna finns i förteckningen över förtroendevalda.',
};

export const DEFAULT_UNIT_TYPES = [
  'kommun',
  'fullmäktige',
  'nämnd',
  'förvaltning',
  'enhet',
];

const DEFAULT_REGISTRABLE_UNIT_TYPES = ['nämnd', 'förvaltning', 'enhet'];

const KEY = 'serviceGuidelines.synpunkter';

/**
 * Reads the registry's configuration, with Värmdö's values as defaults. Invalid values stop the
 * backend at start-up with a message naming the key: a silent fallback would put wrong rules
 * into a legal process.
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
