import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  TermStatus,
  Uppdrag,
  UppdragRole,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useMemo } from 'react';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';

/** How an uppdrag reads in the portal's language: role, "role, organ", its term and status. */
export interface UppdragText {
  role(role: UppdragRole): string;
  line(uppdrag: Pick<Uppdrag, 'role' | 'organ'>): string;
  term(uppdrag: Pick<Uppdrag, 'from' | 'to'>): string;
  status(status: TermStatus): string;
}

export function useUppdragText(): UppdragText {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  return useMemo(() => {
    const role = (id: UppdragRole) => t(`directory.roles.${id}`);
    return {
      role,
      line: uppdrag =>
        t('directory.uppdragLine', {
          role: role(uppdrag.role),
          organ: uppdrag.organ,
        }),
      term: uppdrag =>
        t('directory.term.fromTo', {
          from: format.date(uppdrag.from),
          to: uppdrag.to
            ? format.date(uppdrag.to)
            : t('directory.term.untilFurtherNotice'),
        }),
      status: status => t(`directory.term.statuses.${status}`),
    };
  }, [t, format]);
}
