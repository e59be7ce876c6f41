import { dayOfYear, isoWeekday } from './civilDate';
import { easterSunday } from './easter';

/**
 * The eves that are not public holidays by law but on which municipalities close, like most
 * employers (lag 1930:173 2 § and semesterlagen 3 a § treat them as holidays). A municipality can
 * declare any of them an arbetsdag in its configuration.
 *
 * @public
 */
export const SWEDISH_EVES = [
  'midsommarafton',
  'julafton',
  'nyarsafton',
] as const;

/** @public */
export type SwedishEve = (typeof SWEDISH_EVES)[number];

/** A day a rule of the Swedish calendar names, within one year. */
export interface RuleDay {
  dayOfYear: number;
  name: string;
  /** Set for the eves, which configuration can turn into arbetsdagar. */
  eve?: SwedishEve;
}

const FRIDAY = 5;
const SATURDAY = 6;

/** The zero-based day of the year of the first given weekday on or after a month and day. */
function firstWeekdayOnOrAfter(
  year: number,
  month: number,
  day: number,
  weekday: number,
): number {
  const offset = (weekday - isoWeekday(year, month, day) + 7) % 7;
  return dayOfYear(year, month, day) + offset;
}

/**
 * The allmänna helgdagar of lag (1989:253), in the form in force since 2005, and the three eves, of
 * one year. Sundays are helgdagar too but carry no name, so they are left to the weekday rule.
 */
export function swedishRuleDaysOf(year: number): RuleDay[] {
  const easter = easterSunday(year);
  const easterDay = dayOfYear(year, easter.month, easter.day);
  const fixed = (month: number, day: number, name: string): RuleDay => ({
    dayOfYear: dayOfYear(year, month, day),
    name,
  });
  return [
    fixed(1, 1, 'nyårsdagen'),
    fixed(1, 6, 'trettondedag jul'),
    { dayOfYear: easterDay - 2, name: 'långfredagen' },
    { dayOfYear: easterDay, name: 'påskdagen' },
    { dayOfYear: easterDay + 1, name: 'annandag påsk' },
    fixed(5, 1, 'första maj'),
    { dayOfYear: easterDay + 39, name: 'Kristi himmelsfärdsdag' },
    { dayOfYear: easterDay + 49, name: 'pingstdagen' },
    fixed(6, 6, 'nationaldagen'),
    {
      dayOfYear: firstWeekdayOnOrAfter(year, 6, 19, FRIDAY),
      name: 'midsommarafton',
      eve: 'midsommarafton',
    },
    {
      dayOfYear: firstWeekdayOnOrAfter(year, 6, 20, SATURDAY),
      name: 'midsommardagen',
    },
    {
      dayOfYear: firstWeekdayOnOrAfter(year, 10, 31, SATURDAY),
      name: 'alla helgons dag',
    },
    { ...fixed(12, 24, 'julafton'), eve: 'julafton' },
    fixed(12, 25, 'juldagen'),
    fixed(12, 26, 'annandag jul'),
    { ...fixed(12, 31, 'nyårsafton'), eve: 'nyarsafton' },
  ];
}
