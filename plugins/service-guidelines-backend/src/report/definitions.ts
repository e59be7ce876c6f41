import {
  BilingualText,
  MeasureDefinition,
  MeasureId,
} from '@service-guidelines/plugin-service-guidelines-common';

const define = (
  id: MeasureId,
  name: BilingualText,
  definition: BilingualText,
): MeasureDefinition => ({ id, name, definition });

/**
 * The definition of every measure, as in MEASURES.md, in Swedish and English. Each report carries
 * them, the page shows them beside the figures, and every export writes them out.
 */
export const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = [
  define(
    'urval',
    { sv: 'Urval', en: 'Selection' },
    {
      sv: 'Rapporten har en period (första och sista dag, båda inräknade) och en nod i organisationsträdet (kommun, nämnd, förvaltning eller enhet) med alla enheter under den. En synpunkt hör till perioden genom sitt mottagningsdatum (Europe/Stockholm). Alla siffror för en period beskriver synpunkterna som togs emot under den, så som de stod vid slutet av periodens sista dag: händelser daterade efter perioden räknas inte. En synpunkt som återöppnats räknas som avslutad vid periodens slut om den senaste avslutningen eller återöppningen före dess var en avslutning.',
      en: 'A report has a period (first and last date, inclusive) and a node of the organisation tree (kommun, nämnd, förvaltning or enhet) with every unit below it. A synpunkt belongs to the period by its received date (Europe/Stockholm). All figures of a period describe the synpunkter received in it as they stood at the end of the last day of the period: events dated after the period do not count. A reopened synpunkt counts as closed at the end of the period when its last closing or reopening before then was a closing.',
    },
  ),
  define(
    'period',
    { sv: 'Period', en: 'Period' },
    {
      sv: 'Delår är 1 januari–31 augusti om inget annat är inställt; helår är kalenderåret; därutöver valfritt intervall. Har perioden inte tagit slut beskriver siffrorna läget i dag.',
      en: 'Delår (interim period) is 1 January to 31 August unless configured otherwise; helår is the calendar year; or any range. For a period that has not ended, the figures describe the state today.',
    },
  ),
  define(
    'tidigarePeriod',
    { sv: 'Föregående period', en: 'Previous period' },
    {
      sv: 'För delår och helår samma datum ett år tidigare; för annat intervall det lika långa intervall som slutar dagen före.',
      en: 'For a delår or helår the same dates one year earlier; for any other range the range of equal length that ends the day before.',
    },
  ),
  define(
    'antal',
    { sv: 'Antal', en: 'Number' },
    {
      sv: 'Synpunkter i urvalet; även per typ (beröm, klagomål, förslag), kanal, område, mottagningsmånad och enhet. Per enhet räknas enhetens egna synpunkter och alla enheters under den.',
      en: 'Synpunkter in the selection; also by type (praise, complaint, suggestion), channel, area, month of receipt and unit. Per unit, the synpunkter of the unit and of every unit below it.',
    },
  ),
  define(
    'anonyma',
    { sv: 'Anonyma', en: 'Anonymous' },
    {
      sv: 'Synpunkter i urvalet som lämnats anonymt.',
      en: 'Synpunkter in the selection given anonymously.',
    },
  ),
  define(
    'andelAnonyma',
    { sv: 'Andel anonyma', en: 'Share anonymous' },
    { sv: 'Anonyma ÷ antal.', en: 'Anonymous ÷ number.' },
  ),
  define(
    'ankomstdag',
    { sv: 'Ankomstdag', en: 'Arrival day' },
    {
      sv: 'Mottagningsdagen, eller nästa arbetsdag när synpunkten togs emot en dag som inte är arbetsdag eller efter arbetsdagens inställda slut. Arbetsdag: måndag–fredag utom allmänna helgdagar enligt lag (1989:253), midsommarafton, julafton och nyårsafton samt kommunens egna lediga dagar.',
      en: 'The received date, or the next arbetsdag when it was received on a non-working day or after the configured end of the working day. Arbetsdag: Monday to Friday except the public holidays of lag (1989:253), midsommarafton, julafton and nyårsafton, and the municipality’s own days off.',
    },
  ),
  define(
    'arbetsdagarTill',
    { sv: 'Arbetsdagar till X', en: 'Working days to X' },
    {
      sv: 'Antalet arbetsdagar efter ankomstdagen till och med dagen för X, minus de arbetsdagar då klockan var pausad; 0 när X skedde på ankomstdagen.',
      en: 'The number of arbetsdagar after the arrival day up to and including the date of X, less the arbetsdagar during which the clock was paused; 0 when X happened on the arrival day.',
    },
  ),
  define(
    'percentil',
    { sv: 'Median och percentil', en: 'Median and percentile' },
    {
      sv: 'Närmaste rang: sortera de n värdena; p:e percentilen är värdet på plats ⌈p/100 · n⌉ (räknat från 1). Medianen är 50:e percentilen.',
      en: 'Nearest rank: sort the n values; the p-th percentile is the value at position ⌈p/100 · n⌉ (1-based). The median is the 50th percentile.',
    },
  ),
  define(
    'forstaSvar',
    { sv: 'Första svar', en: 'First answer' },
    {
      sv: 'Att kunden fått veta att ärendet tagits emot, vem som handlägger det och när återkoppling kan väntas, inom den inställda svarstiden per kanal. Räknas över synpunkterna med kontaktuppgifter.',
      en: 'That the customer was told the matter was received, who handles it and when to expect återkoppling, within the configured svarstid per channel. Counted over the synpunkter with contact details.',
    },
  ),
  define(
    'aterkoppling',
    { sv: 'Återkoppling', en: 'Återkoppling (reply)' },
    {
      sv: 'Svaret i sak till den som lämnade synpunkten, inom den inställda svarstiden; pausad tid flyttar tidsgränsen. Räknas över synpunkterna med kontaktuppgifter. En synpunkt som fått återkoppling flera gånger (efter återöppning) räknas med sin första återkoppling.',
      en: 'The reply on the substance to the person who gave the synpunkt, within the configured svarstid; paused time moves the deadline. Counted over the synpunkter with contact details. A synpunkt given återkoppling more than once (after reopening) counts with its first.',
    },
  ),
  define(
    'iTid',
    { sv: 'I tid', en: 'On time' },
    {
      sv: 'Händelsen skedde på eller före sin tidsgräns.',
      en: 'The event happened on or before its deadline.',
    },
  ),
  define(
    'sent',
    { sv: 'Sent', en: 'Late' },
    {
      sv: 'Händelsen skedde efter sin tidsgräns, eller har inte skett och tidsgränsen har passerats vid periodens slut (en tidsgräns på periodens sista dag har passerats när dagen är slut).',
      en: 'The event happened after its deadline, or has not happened and its deadline has passed by the end of the period (a deadline on the last day of the period has passed when that day is over).',
    },
  ),
  define(
    'pagaende',
    { sv: 'Pågående', en: 'Pending' },
    {
      sv: 'Händelsen har inte skett och tidsgränsen har inte passerats vid periodens slut. Redovisas som antal bredvid andelen, inte i den.',
      en: 'The event has not happened and its deadline has not passed by the end of the period. Reported as a count beside the share, not in it.',
    },
  ),
  define(
    'andelITid',
    { sv: 'Andel i tid', en: 'Share on time' },
    {
      sv: 'I tid ÷ (i tid + sent).',
      en: 'On time ÷ (on time + late).',
    },
  ),
  define(
    'medianArbetsdagar',
    {
      sv: 'Median arbetsdagar till återkoppling',
      en: 'Median working days to återkoppling',
    },
    {
      sv: 'Medianen (närmaste rang) av arbetsdagar till återkoppling, över synpunkterna i urvalet som fått återkoppling senast vid periodens slut.',
      en: 'The median (nearest rank) of working days to återkoppling, over the synpunkter in the selection given återkoppling by the end of the period.',
    },
  ),
  define(
    'p90Arbetsdagar',
    {
      sv: '90:e percentil arbetsdagar till återkoppling',
      en: '90th percentile working days to återkoppling',
    },
    {
      sv: '90:e percentilen (närmaste rang) av arbetsdagar till återkoppling, över samma synpunkter som medianen.',
      en: 'The 90th percentile (nearest rank) of working days to återkoppling, over the same synpunkter as the median.',
    },
  ),
  define(
    'oppnaVidPeriodensSlut',
    { sv: 'Öppna vid periodens slut', en: 'Open at the end of the period' },
    {
      sv: 'Synpunkter i urvalet som inte var avslutade vid periodens slut.',
      en: 'Synpunkter in the selection not closed by the end of the period.',
    },
  ),
  define(
    'varavForsenade',
    { sv: 'Varav försenade', en: 'Of which overdue' },
    {
      sv: 'Av de öppna: ingen återkoppling given vid periodens slut och tidsgränsen passerad. Anonyma har ingen tidsgräns för återkoppling och är aldrig försenade.',
      en: 'Of the open ones: no återkoppling given by the end of the period and its deadline passed. Anonymous ones have no återkoppling deadline and are never overdue.',
    },
  ),
  define(
    'forbattringar',
    { sv: 'Förbättringar', en: 'Improvements' },
    {
      sv: 'Synpunkter i urvalet som var avslutade vid periodens slut med ”ledde till förbättring”, listade med enhet och beskrivning. Beskrivningen är skriven av personalen; inga personuppgifter om kunden.',
      en: 'Synpunkter in the selection closed by the end of the period with “led to an improvement”, listed with unit and description. The description is written by staff; no personal data of the customer.',
    },
  ),
  define(
    'andelEnheterUppfoljda',
    { sv: 'Andel enheter uppföljda', en: 'Share of units followed up' },
    {
      sv: 'Enheter i urvalet med minst en uppföljning daterad under perioden ÷ enheter i urvalet.',
      en: 'Enheter in the scope with at least one uppföljning dated in the period ÷ enheter in the scope.',
    },
  ),
  define(
    'forandring',
    { sv: 'Förändring', en: 'Change' },
    {
      sv: 'Periodens värde minus föregående periods; för andelar i procentenheter.',
      en: 'The value of the period less that of the previous period; for shares in percentage points.',
    },
  ),
];

/** Said in place of "Andel enheter uppföljda" while there are no uppföljning records. */
export const UPPFOLJNING_NOT_AVAILABLE: BilingualText = {
  sv: 'Inte tillgänglig ännu: uppföljningar registreras inte i systemet än.',
  en: 'Not available yet: uppföljningar are not recorded in the system yet.',
};
