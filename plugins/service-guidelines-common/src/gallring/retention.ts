import { DateTime } from 'luxon';

/**
 * How long a closed synpunkt keeps its free texts and contact details, as the municipality's
 * dokumenthanteringsplan decides: a period after closing, or kept for good.
 *
 * @public
 */
export type Retention =
  | { kind: 'bevaras' }
  | {
      kind: 'period';
      /** The period in ISO 8601, normalised (`P2Y`, `P1Y6M`, `P30D`): how the log names it. */
      iso: string;
      years: number;
      months: number;
      days: number;
    };

/** @public */
export const RETENTION_HELP =
  "must be a period after closing written in ISO 8601 (P2Y, P6M, P1Y6M, P30D) or in words ('2 år', '6 månader', '30 dagar'), or bevaras to keep them";

/** More than this is surely a typo for bevaras. */
const MAX_YEARS = 100;

const ISO_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const WORDS = /^(\d+)\s*(år|månad|månader|vecka|veckor|dag|dagar)$/;

function periodOf(years: number, months: number, days: number): Retention {
  const iso = `P${years ? `${years}Y` : ''}${months ? `${months}M` : ''}${
    days ? `${days}D` : ''
  }`;
  return { kind: 'period', iso, years, months, days };
}

function fromWords(count: number, unit: string): Retention {
  switch (unit) {
    case 'år':
      return periodOf(count, 0, 0);
    case 'månad':
    case 'månader':
      return periodOf(0, count, 0);
    case 'vecka':
    case 'veckor':
      return periodOf(0, 0, count * 7);
    default:
      return periodOf(0, 0, count);
  }
}

/**
 * Reads a retention as written in app-config: `bevaras`, an ISO 8601 period of years, months,
 * weeks and days (`P2Y`, `P1Y6M`), or one number and a Swedish unit (`2 år`, `6 månader`,
 * `3 veckor`, `30 dagar`). Returns what is wrong, as a message, when it is none of those.
 *
 * @public
 */
export function parseRetention(written: string): Retention | string {
  const value = written.trim().toLocaleLowerCase('sv');
  if (value === 'bevaras') {
    return { kind: 'bevaras' };
  }
  let retention: Retention | undefined;
  const iso = ISO_PERIOD.exec(value.toUpperCase());
  if (iso && value.length > 1) {
    const [years, months, weeks, days] = iso.slice(1).map(n => Number(n ?? 0));
    retention = periodOf(years, months, weeks * 7 + days);
  }
  const words = WORDS.exec(value);
  if (words) {
    retention = fromWords(Number(words[1]), words[2]);
  }
  if (!retention || retention.kind !== 'period') {
    return RETENTION_HELP;
  }
  const { years, months, days } = retention;
  if (years + months + days === 0) {
    return 'must be longer than zero; write bevaras to keep them';
  }
  if (years + months / 12 + days / 365 > MAX_YEARS) {
    return `must be at most ${MAX_YEARS} years; write bevaras to keep them for good`;
  }
  return retention;
}

/**
 * The last closing date whose retention has passed on `today` (both `YYYY-MM-DD`): a synpunkt
 * closed on or before it is due for gallring. Months are calendar months (a month before
 * 31 March is 28 or 29 February).
 *
 * @public
 */
export function retentionCutoff(
  retention: Extract<Retention, { kind: 'period' }>,
  today: string,
): string {
  return DateTime.fromISO(today, { zone: 'UTC' })
    .minus({
      years: retention.years,
      months: retention.months,
      days: retention.days,
    })
    .toISODate()!;
}
