import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Cell,
  CellText,
  Column,
  Flex,
  Link,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  Text,
} from '@backstage/ui';
import {
  Fortroendevald,
  KNOWN_PARTIES,
  TermFilter,
} from '@service-guidelines/plugin-service-guidelines-common';
import { fortroendevaldRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from './uppdragText';

const listStyle = { margin: 0, paddingLeft: 0, listStyle: 'none' } as const;

/** One page of förtroendevalda: name (a link to the person), party, uppdrag, e-mail. */
export function DirectoryTable(props: {
  items: Fortroendevald[];
  term: TermFilter;
  isPending: boolean;
}) {
  const { items, term, isPending } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const personLink = useRouteRef(fortroendevaldRouteRef);
  const columns = [
    { id: 'name', label: t('directory.table.name'), isRowHeader: true },
    { id: 'party', label: t('directory.table.party') },
    { id: 'uppdrag', label: t('directory.table.uppdrag') },
    { id: 'email', label: t('directory.table.email') },
  ];

  return (
    <TableRoot aria-label={t('directory.table.label')} aria-busy={isPending}>
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody
        items={items}
        renderEmptyState={() => (
          <Text as="p" style={{ padding: 'var(--bui-space-4, 16px)' }}>
            {isPending ? t('directory.loading') : t('directory.empty')}
          </Text>
        )}
      >
        {person => {
          // The uppdrag the term filter asks about, so that "past" shows the past ones.
          const shown = person.uppdrag.filter(
            u => term === 'all' || u.status === term,
          );
          const party = KNOWN_PARTIES.find(
            p => p.abbreviation === person.party,
          );
          return (
            <Row id={person.id}>
              <CellText
                title={person.name}
                href={personLink({ id: person.id })}
              />
              <CellText title={person.party} description={party?.name} />
              <Cell>
                <ul style={listStyle}>
                  {shown.map(u => (
                    <li key={u.id}>
                      {text.line(u)}
                      {term !== 'current' && (
                        <Text color="secondary"> ({text.term(u)})</Text>
                      )}
                    </li>
                  ))}
                </ul>
              </Cell>
              <Cell>
                <Link href={`mailto:${person.email}`}>{person.email}</Link>
              </Cell>
            </Row>
          );
        }}
      </TableBody>
    </TableRoot>
  );
}

/** Previous and next page, with where in the list this page is. */
export function DirectoryPagination(props: {
  offset: number;
  pageSize: number;
  totalCount: number;
  onOffsetChange(offset: number): void;
}) {
  const { offset, pageSize, totalCount, onOffsetChange } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  if (totalCount <= pageSize) {
    return null;
  }
  return (
    <nav aria-label={t('directory.pagination.label')}>
      <Flex gap="3" align="center" justify="end">
        <Text>
          {t('directory.pagination.range', {
            from: String(offset + 1),
            to: String(Math.min(offset + pageSize, totalCount)),
            total: String(totalCount),
          })}
        </Text>
        <Button
          variant="secondary"
          size="small"
          isDisabled={offset === 0}
          onPress={() => onOffsetChange(Math.max(0, offset - pageSize))}
        >
          {t('directory.pagination.previous')}
        </Button>
        <Button
          variant="secondary"
          size="small"
          isDisabled={offset + pageSize >= totalCount}
          onPress={() => onOffsetChange(offset + pageSize)}
        >
          {t('directory.pagination.next')}
        </Button>
      </Flex>
    </nav>
  );
}
