import { useApi } from '@backstage/core-plugin-api';
import { appLanguageApiRef } from '@backstage/core-plugin-api/alpha';
import { DateTime } from 'luxon';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';

const TIME_ZONE = 'Europe/Stockholm';

/** Dates, times and numbers in the format of the portal's current language (Swedish by default). */
export interface Formatters {
  /** `2026-11-24T08:15:00Z` → "24 nov. 2026 09:15" in Swedish. */
  dateTime(iso: string): string;
  /** `2026-11-24` → "24 nov. 2026" in Swedish. */
  date(isoDate: string): string;
  number(value: number): string;
}

/** The BCP 47 locale for a portal language: Swedish means Swedish as written in Sweden. */
export function localeFor(language: string): string {
  return language === 'sv' ? 'sv-SE' : language;
}

export function createFormatters(language: string): Formatters {
  const locale = localeFor(language);
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    dateTime: iso =>
      DateTime.fromISO(iso, { zone: TIME_ZONE })
        .setLocale(locale)
        .toLocaleString(DateTime.DATETIME_MED),
    date: isoDate =>
      DateTime.fromISO(isoDate, { zone: TIME_ZONE })
        .setLocale(locale)
        .toLocaleString(DateTime.DATE_MED),
    number: value => numberFormat.format(value),
  };
}

/** Formatters that follow the language the person has chosen in the portal. */
export function useFormatters(): Formatters {
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  return useMemo(() => createFormatters(language), [language]);
}
