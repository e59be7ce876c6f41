import { easterSunday } from './easter';

describe('easterSunday', () => {
  it.each([
    [2024, '03-31'],
    [2025, '04-20'],
    [2026, '04-05'],
    [2027, '03-28'],
    [2028, '04-16'],
    [2029, '04-01'],
    [2030, '04-21'],
    [2031, '04-13'],
    [2032, '03-28'],
    [2033, '04-17'],
    [2034, '04-09'],
    [2035, '03-25'],
    // The extremes: the earliest possible date (22 March) and the latest (25 April).
    [2008, '03-23'],
    [2285, '03-22'],
    [2038, '04-25'],
    [1943, '04-25'],
  ])('in %i is on %s', (year, monthAndDay) => {
    const { month, day } = easterSunday(year);
    expect(
      `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ).toBe(monthAndDay);
  });
});
