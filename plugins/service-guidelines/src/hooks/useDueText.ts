import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  stockholmDateOf,
  Synpunkt,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesTranslationRef } from '../translation';
import { useFormatters } from './useFormatters';

/** How urgent a synpunkt's återkoppling is, for highlighting. */
export type DueState =
  | 'none'
  | 'done'
  | 'paused'
  | 'late'
  | 'today'
  | 'soon'
  | 'later';

/** Arbetsdagar until återkoppling is due: negative when late. */
export function dueStateOf(
  synpunkt: Synpunkt,
  rules: SvarstidRules,
  today: string,
  soonWithin = 2,
): { state: DueState; days?: number } {
  if (!synpunkt.aterkopplingDue) return { state: 'none' };
  if (synpunkt.aterkoppling || synpunkt.status === 'avslutad')
    return { state: 'done' };
  if (synpunkt.pauses.some(p => !p.to)) return { state: 'paused' };
  const days = rules.calendar.workingDaysBetween(
    today,
    synpunkt.aterkopplingDue,
  );
  if (days < 0) return { state: 'late', days: -days };
  if (days === 0) return { state: 'today', days };
  return { state: days <= soonWithin ? 'soon' : 'later', days };
}

/** "om 2 arbetsdagar", "3 arbetsdagar försenad", … in the portal's language. */
export function useDueText(rules: SvarstidRules) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  const today = stockholmDateOf(new Date());
  return (synpunkt: Synpunkt) => {
    const due = dueStateOf(synpunkt, rules, today);
    switch (due.state) {
      case 'none':
        return { ...due, text: t('synpunkt.due.none') };
      case 'done':
        return {
          ...due,
          text: t('synpunkt.due.done', {
            date: synpunkt.aterkoppling
              ? format.date(synpunkt.aterkoppling.date)
              : '',
          }),
        };
      case 'paused':
        return { ...due, text: t('synpunkt.due.paused') };
      case 'late':
        return {
          ...due,
          text: t('synpunkt.due.late', { count: due.days ?? 0 }),
        };
      case 'today':
        return { ...due, text: t('synpunkt.due.today') };
      default:
        return { ...due, text: t('synpunkt.due.in', { count: due.days ?? 0 }) };
    }
  };
}
