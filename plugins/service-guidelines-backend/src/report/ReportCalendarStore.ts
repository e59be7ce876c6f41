import {
  IsoDate,
  SUPPORTED_DATE_RANGE,
  WorkingDayCalendar,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { ReportFactsKeeper } from './ReportFactsKeeper';

interface CalendarRow {
  day: IsoDate;
  working: boolean;
  ordinal: number;
}

/** Every date of the calendar's range with its arbetsdag flag and running count. */
export function calendarRows(calendar: WorkingDayCalendar): CalendarRow[] {
  const rows: CalendarRow[] = [];
  let ordinal = 0;
  let date = DateTime.fromISO(SUPPORTED_DATE_RANGE.first, { zone: 'UTC' });
  const last = SUPPORTED_DATE_RANGE.last;
  for (;;) {
    const day = date.toISODate()!;
    if (day > last) break;
    const working = calendar.isWorkingDay(day);
    if (working) ordinal += 1;
    rows.push({ day, working, ordinal });
    date = date.plus({ days: 1 });
  }
  return rows;
}

/**
 * Keeps `report_calendar` equal to the configured working-day calendar. Run at start-up: the
 * table is written only where it differs (the first start, or a changed calendar in config), and
 * the upsert makes instances that start together agree. Kept report facts count arbetsdagar by
 * this calendar, so a change marks every kept synpunkt pending.
 */
export async function syncReportCalendar(
  db: Knex,
  calendar: WorkingDayCalendar,
): Promise<{ written: number }> {
  const wanted = calendarRows(calendar);
  const stored = new Map<string, { working: boolean; ordinal: number }>();
  const rows = await db('report_calendar').select<
    Array<{ day: string; working: boolean | number; ordinal: number | string }>
  >('day', 'working', 'ordinal');
  for (const row of rows) {
    stored.set(row.day, {
      working: Boolean(row.working),
      ordinal: Number(row.ordinal),
    });
  }
  const changed = wanted.filter(row => {
    const existing = stored.get(row.day);
    return (
      !existing ||
      existing.working !== row.working ||
      existing.ordinal !== row.ordinal
    );
  });
  // 500 rows of 3 values stay far below SQLite's limit of bound parameters.
  for (let i = 0; i < changed.length; i += 500) {
    await db('report_calendar')
      .insert(changed.slice(i, i + 500))
      .onConflict('day')
      .merge();
  }
  if (changed.length > 0) {
    await new ReportFactsKeeper(db).markAllPending();
  }
  return { written: changed.length };
}
