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

// Colour marks urgency only as a shape beside the words (graphics need 3:1, which these
// foregrounds have on the card); the words themselves stay in the text colour, bold, since
// Backstage UI's danger and warning foregrounds are too light for small text (about 4:1).
const DUE_COLOURS: Record<string, string | undefined> = {
  late: 'var(--bui-fg-negative, #d32f2f)',
  today: 'var(--bui-fg-warning, #b26a00)',
  soon: 'var(--bui-fg-warning, #b26a00)',
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
                {DUE_COLOURS[due.state] && (
                  <span
                    aria-hidden="true"
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: '50%',
                      marginRight: 6,
                      background: DUE_COLOURS[due.state],
                    }}
                  />
                )}
                <Text
                  as="span"
                  weight={DUE_COLOURS[due.state] ? 'bold' : 'regular'}
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
