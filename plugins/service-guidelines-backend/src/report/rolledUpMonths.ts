import { DateTime } from 'luxon';
import { PeriodBounds } from './reportSql';

/** A range of months, `YYYY-MM`, both ends included. */
export interface MonthRange {
  from: string;
  to: string;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' });
const isLastOfMonth = (date: DateTime) => date.day === date.daysInMonth;

/**
 * The months a report reads from the roll-ups (see the `report_rollups` migration) rather than
 * from their kept facts: the whole months of the period whose rolled-up facts have all settled by
 * its deadline cutoff. A fact is rolled up when it settled by the end of the month after its
 * month of receipt, so that month must have ended by the cutoff. Undefined when there are none.
 */
export function rolledUpMonths(
  bounds: Pick<PeriodBounds, 'from' | 'to' | 'cutoff'>,
): MonthRange | undefined {
  const from = day(bounds.from);
  const first = from.day === 1 ? from : from.plus({ months: 1 });
  const to = day(bounds.to);
  const lastInPeriod = isLastOfMonth(to) ? to : to.minus({ months: 1 });
  const cutoff = day(bounds.cutoff);
  const lastSettled = cutoff.minus({ months: isLastOfMonth(cutoff) ? 1 : 2 });
  const last = DateTime.min(lastInPeriod, lastSettled)!;
  const month = (date: DateTime) => date.toFormat('yyyy-MM');
  return month(first) <= month(last)
    ? { from: month(first), to: month(last) }
    : undefined;
}
