import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Link, Text } from '@backstage/ui';
import {
  Synpunkt,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useDueText } from '../../hooks/useDueText';
import { useFormatters } from '../../hooks/useFormatters';
import { synpunktRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';

const DUE_COLOURS: Record<string, string | undefined> = {
  late: 'var(--bui-fg-negative, #b3261e)',
  today: 'var(--bui-fg-warning, #8a5300)',
  soon: 'var(--bui-fg-warning, #8a5300)',
};

/**
 * Synpunkter as a table a screen reader can navigate, with overdue and due-soon återkoppling
 * highlighted in words as well as colour.
 */
export function SynpunktTable(props: {
  items: Synpunkt[];
  rules: SvarstidRules;
  caption: string;
}) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  const dueText = useDueText(props.rules);
  const synpunktLink = useRouteRef(synpunktRouteRef);
  const cell = {
    padding: '8px 12px',
    textAlign: 'left' as const,
    verticalAlign: 'top' as const,
  };

  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <caption
        style={{ textAlign: 'left', position: 'absolute', left: -10000 }}
      >
        {props.caption}
      </caption>
      <thead>
        <tr style={{ borderBottom: '2px solid var(--bui-border-2, #ccc)' }}>
          <th scope="col" style={cell}>
            {t('list.columns.number')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.received')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.type')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.unit')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.status')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.due')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.items.map(s => {
          const due = dueText(s);
          return (
            <tr
              key={s.id}
              style={{ borderBottom: '1px solid var(--bui-border-1, #ddd)' }}
            >
              <th scope="row" style={cell}>
                <Link href={synpunktLink({ id: s.id })}>
                  {s.registrationNumber}
                </Link>
              </th>
              <td style={cell}>{format.date(s.receivedDate)}</td>
              <td style={cell}>{t(`synpunkt.types.${s.type}`)}</td>
              <td style={cell}>
                <EntityDisplayName entityRef={s.unitRef} hideIcon />
              </td>
              <td style={cell}>{t(`synpunkt.statuses.${s.status}`)}</td>
              <td style={cell} data-due={due.state}>
                {s.aterkopplingDue && due.state !== 'done' && (
                  <Text as="span">{format.date(s.aterkopplingDue)} · </Text>
                )}
                <Text
                  as="span"
                  weight={DUE_COLOURS[due.state] ? 'bold' : 'regular'}
                  style={{ color: DUE_COLOURS[due.state] }}
                >
                  {due.text}
                </Text>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
