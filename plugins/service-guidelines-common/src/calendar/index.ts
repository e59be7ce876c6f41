/*
 * The Swedish working-day calendar: which dates are arbetsdagar, and arithmetic on them.
 */

export type { IsoDate } from './isoDate';
export { isIsoDate, SUPPORTED_DATE_RANGE, SUPPORTED_YEARS } from './isoDate';
export type { SwedishEve } from './swedishHolidays';
export { SWEDISH_EVES } from './swedishHolidays';
export type { NonWorkingDay, NonWorkingDayKind } from './yearTable';
export type {
  ExtraNonWorkingDay,
  WorkingDayCalendar,
  WorkingDayCalendarOptions,
} from './workingDayCalendar';
export { createWorkingDayCalendar } from './workingDayCalendar';
export type { Instant } from './stockholm';
export { STOCKHOLM_TIME_ZONE, stockholmDateOf } from './stockholm';
