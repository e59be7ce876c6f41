/**
 * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
 * The Church of Sweden dates Easter by the Gregorian ecclesiastical rules, not by the astronomical
 * full moon; libraries that compute the moon get years such as 2038 and 2049 wrong.
 */
export function easterSunday(year: number): { month: number; day: number } {
  const goldenNumber = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const skippedLeapYears = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const moonOrbitCorrection = Math.floor((century - moonCorrection + 1) / 3);
  const epact =
    (19 * goldenNumber +
      century -
      skippedLeapYears -
      moonOrbitCorrection +
      15) %
    30;
  const leapYearsOfCentury = Math.floor(yearOfCentury / 4);
  const yearOfCenturyRemainder = yearOfCentury % 4;
  const daysToSunday =
    (32 +
      2 * centuryRemainder +
      2 * leapYearsOfCentury -
      epact -
      yearOfCenturyRemainder) %
    7;
  const lateCorrection = Math.floor(
    (goldenNumber + 11 * epact + 22 * daysToSunday) / 451,
  );
  const daysFromMarch22 = epact + daysToSunday - 7 * lateCorrection;
  const month = Math.floor((daysFromMarch22 + 114) / 31);
  const day = ((daysFromMarch22 + 114) % 31) + 1;
  return { month, day };
}
