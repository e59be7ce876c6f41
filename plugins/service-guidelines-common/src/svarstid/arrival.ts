import { Instant, IsoDate, isIsoDate, WorkingDayCalendar } from '../calendar';
import { stockholmWallClockOf } from '../calendar/stockholm';

/**
 * The end of the working day by default: a matter that arrives at 16:00 or later counts from the
 * next arbetsdag.
 *
 * @public
 */
export const DEFAULT_END_OF_WORKING_DAY = '16:00';

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a time written `HH:MM`. */
export function minutesOfTimeOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) {
    throw new RangeError(
      `"${time}" is not a time of day written HH:MM, such as 16:00`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The arrival day of a matter received at an instant: its date in Stockholm, or the next arbetsdag
 * when that date is not an arbetsdag or the matter came at or after the end of the working day.
 * A bare date (a date stamp on a letter) has no time of day to compare, so only the first rule
 * applies to it.
 *
 * @param endOfWorkingDay - `HH:MM` in Stockholm; {@link DEFAULT_END_OF_WORKING_DAY} when left out
 * @public
 */
export function arrivalDateOf(
  calendar: WorkingDayCalendar,
  receivedAt: Instant | IsoDate,
  endOfWorkingDay: string = DEFAULT_END_OF_WORKING_DAY,
): IsoDate {
  const endMinutes = minutesOfTimeOfDay(endOfWorkingDay);
  if (typeof receivedAt === 'string' && isIsoDate(receivedAt)) {
    return calendar.workingDayOnOrAfter(receivedAt);
  }
  const { date, minutesOfDay } = stockholmWallClockOf(receivedAt);
  return minutesOfDay >= endMinutes
    ? calendar.nextWorkingDay(date)
    : calendar.workingDayOnOrAfter(date);
}
