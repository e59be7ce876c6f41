import { NotSynpunktCategory } from './model';

/**
 * An area of the municipality's services. `legalDuty` marks areas with a legal duty to receive
 * and investigate complaints: their klagomål need a recorded utredning before closing.
 *
 * @public
 */
export interface ServiceArea {
  id: string;
  title: string;
  legalDuty: boolean;
}

/**
 * Värmdö kommun's areas; utbildning and socialtjänst carry a legal complaint duty.
 *
 * @public
 */
export const DEFAULT_AREAS: ReadonlyArray<ServiceArea> = [
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

/**
 * Where matters that are not synpunkter go, in the words an employee can read to a customer.
 *
 * @public
 */
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
