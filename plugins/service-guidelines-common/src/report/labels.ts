import { DateTime } from 'luxon';
import { Channel, SynpunktType } from '../synpunkt/model';
import { BilingualText, ReportDimension } from './model';

/**
 * The names of the synpunkt types, as reports and exports write them.
 *
 * @public
 */
export const SYNPUNKT_TYPE_LABELS: Record<SynpunktType, BilingualText> = {
  berom: { sv: 'Beröm', en: 'Praise' },
  klagomal: { sv: 'Klagomål', en: 'Complaint' },
  forslag: { sv: 'Förslag', en: 'Suggestion' },
};

/**
 * The names of the channels, as reports and exports write them.
 *
 * @public
 */
export const CHANNEL_LABELS: Record<Channel, BilingualText> = {
  muntligt: { sv: 'Muntligt/besök', en: 'In person' },
  telefon: { sv: 'Telefon', en: 'Telephone' },
  sms: { sv: 'SMS', en: 'Text message' },
  epost: { sv: 'E-post', en: 'E-mail' },
  brev: { sv: 'Brev', en: 'Letter' },
  webb: { sv: 'Webb/e-tjänst', en: 'Web/e-service' },
  sociala_medier: { sv: 'Sociala medier', en: 'Social media' },
};

/**
 * The label of a breakdown row in a language: types, channels and months by their key, areas
 * and units by the title the report carries (`label`).
 *
 * @public
 */
export function reportKeyLabel(
  dimension: ReportDimension,
  row: { key: string; label: string },
  language: 'sv' | 'en',
): string {
  if (dimension === 'type') {
    return SYNPUNKT_TYPE_LABELS[row.key as SynpunktType]?.[language] ?? row.key;
  }
  if (dimension === 'channel') {
    return CHANNEL_LABELS[row.key as Channel]?.[language] ?? row.key;
  }
  if (dimension === 'month') {
    const month = DateTime.fromISO(`${row.key}-01`, { zone: 'UTC' });
    return month.isValid
      ? month
          .setLocale(language === 'sv' ? 'sv-SE' : 'en-GB')
          .toFormat('LLLL yyyy')
      : row.key;
  }
  return row.label;
}
