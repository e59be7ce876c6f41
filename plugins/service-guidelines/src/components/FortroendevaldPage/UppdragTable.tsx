import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
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
import { Uppdrag } from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from '../DirectoryPage/uppdragText';

/**
 * Where an organ's catalog page is, or undefined in an app without the catalog: the directory
 * must work without it.
 */
function useOrganLink(): ((ref: string) => string) | undefined {
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- always called; only its throw is caught
    return useEntityRefLink();
  } catch {
    return undefined;
  }
}

/** What an administrator can do to one uppdrag. */
export type UppdragAction = 'change' | 'end' | 'remove';

/**
 * A person's uppdrag: organ (linked to its catalog Group where there is one), role, term and
 * status; with the administrator's actions when `onAction` is given.
 */
export function UppdragTable(props: {
  label: string;
  uppdrag: Uppdrag[];
  emptyText: string;
  onAction?: (action: UppdragAction, uppdrag: Uppdrag) => void;
}) {
  const { label, uppdrag, emptyText, onAction } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const organLink = useOrganLink();
  const columns = [
    { id: 'organ', label: t('directory.person.organ'), isRowHeader: true },
    { id: 'role', label: t('directory.person.role') },
    { id: 'term', label: t('directory.person.term') },
    { id: 'status', label: t('directory.person.status') },
    ...(onAction
      ? [{ id: 'actions', label: t('directory.person.actions') }]
      : []),
  ];

  return (
    <TableRoot aria-label={label}>
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody
        items={uppdrag}
        renderEmptyState={() => (
          <Text as="p" style={{ padding: 'var(--bui-space-3, 12px)' }}>
            {emptyText}
          </Text>
        )}
      >
        {u => (
          <Row id={u.id} columns={columns}>
            {column => {
              switch (column.id) {
                case 'organ':
                  return u.organRef && organLink ? (
                    <Cell>
                      <Link href={organLink(u.organRef)}>{u.organ}</Link>
                    </Cell>
                  ) : (
                    <CellText title={u.organ} />
                  );
                case 'role':
                  return <CellText title={text.role(u.role)} />;
                case 'term':
                  return <CellText title={text.term(u)} />;
                case 'status':
                  return <CellText title={text.status(u.status)} />;
                default:
                  return (
                    <Cell>
                      <Flex gap="2">
                        <Button
                          size="small"
                          variant="secondary"
                          aria-label={`${t(
                            'directory.admin.changeUppdrag',
                          )} ${text.line(u)}`}
                          onPress={() => onAction?.('change', u)}
                        >
                          {t('directory.admin.changeUppdrag')}
                        </Button>
                        {u.status !== 'past' && (
                          <Button
                            size="small"
                            variant="secondary"
                            aria-label={`${t(
                              'directory.admin.endUppdrag',
                            )} ${text.line(u)}`}
                            onPress={() => onAction?.('end', u)}
                          >
                            {t('directory.admin.endUppdrag')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          variant="tertiary"
                          destructive
                          aria-label={`${t(
                            'directory.admin.removeUppdrag',
                          )} ${text.line(u)}`}
                          onPress={() => onAction?.('remove', u)}
                        >
                          {t('directory.admin.removeUppdrag')}
                        </Button>
                      </Flex>
                    </Cell>
                  );
              }
            }}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
