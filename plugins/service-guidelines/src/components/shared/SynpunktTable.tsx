import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Link, Text } from '@backstage/ui';
import {
  Synpunkt,
  SynpunktSort,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ReactNode } from 'react';
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

type SortColumn = 'registered' | 'received' | 'due';

/** The order a column sorts in when first chosen: newest first, but the nearest deadline first. */
const FIRST_ORDER: Record<SortColumn, SynpunktSort> = {
  registered: '-registered',
  received: '-received',
  due: 'due',
};

function nextSort(column: SortColumn, current: SynpunktSort): SynpunktSort {
  if (current === column) return `-${column}` as SynpunktSort;
  if (current === `-${column}`) return column;
  return FIRST_ORDER[column];
}

function ariaSortOf(column: SortColumn, current?: SynpunktSort) {
  if (current === column) return 'ascending';
  if (current === `-${column}`) return 'descending';
  return undefined;
}

/**
 * A column header that, when the table is sortable, is a button that sorts by it; the order is
 * told to assistive technology by `aria-sort` on the header and shown by an arrow.
 */
function ColumnHeader(props: {
  column?: SortColumn;
  sort?: { current: SynpunktSort; onChange: (sort: SynpunktSort) => void };
  style: React.CSSProperties;
  children: ReactNode;
}) {
  const { column, sort } = props;
  if (!column || !sort) {
    return (
      <th scope="col" style={props.style}>
        {props.children}
      </th>
    );
  }
  const ariaSort = ariaSortOf(column, sort.current);
  return (
    <th scope="col" style={props.style} aria-sort={ariaSort}>
      <button
        type="button"
        onClick={() => sort.onChange(nextSort(column, sort.current))}
        style={{
          font: 'inherit',
          fontWeight: 'bold',
          color: 'inherit',
          background: 'none',
          border: 'none',
          padding: 0,
          cursor: 'pointer',
          textDecoration: 'underline',
        }}
      >
        {props.children}
        <span aria-hidden="true">
          {ariaSort === 'ascending' && ' ▲'}
          {ariaSort === 'descending' && ' ▼'}
        </span>
      </button>
    </th>
  );
}

/**
 * Synpunkter as a table a screen reader can navigate, with overdue and due-soon återkoppling
 * highlighted in words as well as colour; sortable by number, receipt and deadline when the page
 * gives it a sort.
 */
export function SynpunktTable(props: {
  items: Synpunkt[];
  rules: SvarstidRules;
  caption: string;
  sort?: { current: SynpunktSort; onChange: (sort: SynpunktSort) => void };
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
          <ColumnHeader column="registered" sort={props.sort} style={cell}>
            {t('list.columns.number')}
          </ColumnHeader>
          <ColumnHeader column="received" sort={props.sort} style={cell}>
            {t('list.columns.received')}
          </ColumnHeader>
          <th scope="col" style={cell}>
            {t('list.columns.type')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.unit')}
          </th>
          <th scope="col" style={cell}>
            {t('list.columns.status')}
          </th>
          <ColumnHeader column="due" sort={props.sort} style={cell}>
            {t('list.columns.due')}
          </ColumnHeader>
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
