import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  ButtonLink,
  Container,
  Flex,
  Header,
  Text,
} from '@backstage/ui';
import {
  TERM_FILTERS,
  TermFilter,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import {
  useCanManageDirectory,
  useDirectoryFacets,
  useFortroendevaldaList,
} from '../../hooks/useFortroendevalda';
import { directoryImportRouteRef, fortroendevaldRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { PersonDialog } from '../DirectoryAdmin/PersonDialog';
import { errorText } from '../shared/errorText';
import { DirectoryFilters, DirectoryFilterValues } from './DirectoryFilters';
import { DirectoryPagination, DirectoryTable } from './DirectoryTable';

export const PAGE_SIZE = 25;

function filtersOf(params: URLSearchParams): DirectoryFilterValues & {
  offset: number;
} {
  const term = params.get('term') as TermFilter | null;
  return {
    q: params.get('q') ?? '',
    organ: params.get('organ') ?? undefined,
    party: params.get('party') ?? undefined,
    role: params.get('role') ?? undefined,
    term: term && TERM_FILTERS.includes(term) ? term : 'current',
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

/**
 * "Förtroendevalda": search the directory by name, filter by organ, party, role and term. The
 * filters live in the URL, so that a person's page and back again keeps them.
 */
export function DirectoryPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const canManage = useCanManageDirectory();
  const importLink = useRouteRef(directoryImportRouteRef);
  const personLink = useRouteRef(fortroendevaldRouteRef);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [searchText, setSearchText] = useState(filters.q);
  const [adding, setAdding] = useState(false);

  const update = (
    change: Partial<DirectoryFilterValues & { offset: number }>,
  ) => {
    const next = { ...filters, offset: 0, ...change };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      const isDefault =
        (key === 'term' && value === 'current') ||
        (key === 'offset' && value === 0);
      if (value !== undefined && value !== '' && !isDefault) {
        search.set(key, String(value));
      }
    }
    setParams(search, { replace: true });
  };

  // Typing searches after a pause, not on every key.
  useDebounce(
    () => {
      if (searchText !== filters.q) {
        update({ q: searchText });
      }
    },
    300,
    [searchText],
  );
  // A search changed elsewhere (back button) shows in the field.
  useEffect(() => setSearchText(filters.q), [filters.q]);

  const list = useFortroendevaldaList({
    q: filters.q || undefined,
    organ: filters.organ,
    party: filters.party,
    role: filters.role,
    term: filters.term,
    limit: PAGE_SIZE,
    offset: filters.offset,
  });
  const facets = useDirectoryFacets();

  return (
    <>
      <Header
        title={t('directory.title')}
        description={t('directory.description')}
        customActions={
          canManage ? (
            <Flex gap="2">
              <ButtonLink variant="secondary" href={importLink()}>
                {t('directory.admin.import')}
              </ButtonLink>
              <Button variant="primary" onPress={() => setAdding(true)}>
                {t('directory.admin.add')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Container>
        <Flex direction="column" gap="4">
          <Text color="secondary">{t('directory.aboutSynpunkter')}</Text>
          <DirectoryFilters
            values={{ ...filters, q: searchText }}
            facets={facets.value}
            onSearchChange={setSearchText}
            onChange={update}
          />
          <Text as="p" aria-live="polite" data-testid="sg-directory-count">
            {list.loading
              ? t('directory.loading')
              : list.value &&
                t('directory.count', { count: list.value.totalCount })}
          </Text>
          {list.error ? (
            <Alert
              status="danger"
              title={t('directory.loadError')}
              description={errorText(list.error)}
            />
          ) : (
            <>
              <DirectoryTable
                items={list.value?.items ?? []}
                term={filters.term}
                isPending={list.loading}
              />
              {list.value && (
                <DirectoryPagination
                  offset={filters.offset}
                  pageSize={PAGE_SIZE}
                  totalCount={list.value.totalCount}
                  onOffsetChange={offset => update({ ...filters, offset })}
                />
              )}
            </>
          )}
        </Flex>
      </Container>
      {canManage && (
        <PersonDialog
          isOpen={adding}
          onClose={() => setAdding(false)}
          onSaved={person => navigate(personLink({ id: person.id }))}
        />
      )}
    </>
  );
}
