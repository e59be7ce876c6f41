import {
  IsoDate,
  ReportPeriod,
  ReportPeriodKind,
} from '@service-guidelines/plugin-service-guidelines-common';
import { DateTime } from 'luxon';
import { ReportSettings } from './settings';

/** The period of a report and the period it is compared with. */
export interface ResolvedPeriods {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
}

const day = (iso: IsoDate) => DateTime.fromISO(iso, { zone: 'UTC' });
const iso = (date: DateTime) => date.toISODate()!;

function withState(
  kind: ReportPeriodKind,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  year?: number,
): ReportPeriod {
  return {
    kind,
    from,
    to,
    ...(year === undefined ? {} : { year }),
    stateDate: to < today ? to : today,
  };
}

/**
 * The period a report covers, and its previous period (MEASURES.md): for a delår or helår the same
 * dates one year earlier; for any other range the range of equal length that ends the day before
 * it begins. The query has been validated (a year for delår and helår, from ≤ to for a range).
 */
export function resolvePeriods(
  query: {
    period: ReportPeriodKind;
    year?: number;
    from?: IsoDate;
    to?: IsoDate;
  },
  settings: Pick<ReportSettings, 'delar'>,
  today: IsoDate,
): ResolvedPeriods {
  if (query.period === 'range') {
    const from = query.from!;
    const to = query.to!;
    const lengthInDays = day(to).diff(day(from), 'days').days + 1;
    const previousTo = day(from).minus({ days: 1 });
    const previousFrom = previousTo.minus({ days: lengthInDays - 1 });
    return {
      period: withState('range', from, to, today),
      previousPeriod: withState(
        'range',
        iso(previousFrom),
        iso(previousTo),
        today,
      ),
    };
  }
  const year = query.year!;
  const [fromMonthDay, toMonthDay] =
    query.period === 'delar'
      ? [settings.delar.from, settings.delar.to]
      : ['01-01', '12-31'];
  const of = (y: number) =>
    withState(
      query.period,
      `${y}-${fromMonthDay}`,
      `${y}-${toMonthDay}`,
      today,
      y,
    );
  return { period: of(year), previousPeriod: of(year - 1) };
}

/**
 * The instant the state of a period is read at: the start of the day after its state date, in
 * Stockholm, as the UTC ISO string that the history's `at` column holds.
 */
export function endInstantOf(stateDate: IsoDate): string {
  return DateTime.fromISO(stateDate, { zone: 'Europe/Stockholm' })
    .plus({ days: 1 })
    .startOf('day')
    .toJSDate()
    .toISOString();
}

/**
 * The last day whose end has passed at the state of the period: its last day when it has ended,
 * otherwise yesterday. A deadline on this day or before it has passed.
 */
export function deadlineCutoffOf(
  period: Pick<ReportPeriod, 'to'>,
  today: IsoDate,
): IsoDate {
  return period.to < today ? period.to : iso(day(today).minus({ days: 1 }));
}

/** The months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(period: { from: IsoDate; to: IsoDate }): string[] {
  const months: string[] = [];
  let month = day(period.from).startOf('month');
  const last = day(period.to).startOf('month');
  while (month <= last) {
    months.push(month.toFormat('yyyy-MM'));
    month = month.plus({ months: 1 });
  }
  return months;
}
