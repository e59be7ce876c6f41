import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Checkbox,
  Container,
  Flex,
  Header,
  SearchField,
  Select,
  Text,
} from '@backstage/ui';
import {
  DEFAULT_SYNPUNKT_SORT,
  ListSynpunkterQuery,
  SYNPUNKT_SORTS,
  SynpunktSort,
  SYNPUNKT_STATUSES,
  SYNPUNKT_TYPES,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useRegistry } from '../../hooks/useRegistry';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { LoadingOrFailure } from '../shared/LoadingOrFailure';
import { SynpunktTable } from '../shared/SynpunktTable';

const FILTER_KEYS = [
  'q',
  'status',
  'type',
  'unit',
  'area',
  'open',
  'overdue',
  'mine',
  'dueWithinDays',
  'sort',
  'cursor',
] as const;

function sortOf(value: string | null): SynpunktSort {
  return (SYNPUNKT_SORTS as readonly string[]).includes(value ?? '')
    ? (value as SynpunktSort)
    : DEFAULT_SYNPUNKT_SORT;
}

/**
 * "Synpunkter": the list with the backend's filters. The filters live in the URL, so a list can
 * be shared as a link and the browser's back button works.
 */
export function SynpunktListPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const { rules } = useRegistry();
  const [params, setParams] = useSearchParams();

  const query: ListSynpunkterQuery = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) (query as Record<string, string>)[key] = value;
  }
  const queryKey = params.toString();
  const page = useAsync(() => api.listSynpunkter(query), [api, queryKey]);

  const setFilter = (key: (typeof FILTER_KEYS)[number], value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // Any change of filter starts again from the first page.
    if (key !== 'cursor') next.delete('cursor');
    setParams(next);
  };
  const toggle = (key: 'open' | 'overdue' | 'mine') => (selected: boolean) =>
    setFilter(key, selected ? 'true' : undefined);

  return (
    <>
      <Header title={t('list.title')} />
      <Container>
        <Flex direction="column" gap="4">
          <section aria-label={t('list.filters')}>
            <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
              <SearchField
                label={t('list.search')}
                defaultValue={params.get('q') ?? ''}
                onSubmit={value => setFilter('q', value)}
                onClear={() => setFilter('q')}
              />
              <Select
                label={t('list.status')}
                options={[
                  { id: '', label: t('list.all') },
                  ...SYNPUNKT_STATUSES.map(s => ({
                    id: s,
                    label: t(`synpunkt.statuses.${s}`),
                  })),
                ]}
                value={params.get('status') ?? ''}
                onChange={value => setFilter('status', String(value ?? ''))}
              />
              <Select
                label={t('list.type')}
                options={[
                  { id: '', label: t('list.all') },
                  ...SYNPUNKT_TYPES.map(s => ({
                    id: s,
                    label: t(`synpunkt.types.${s}`),
                  })),
                ]}
                value={params.get('type') ?? ''}
                onChange={value => setFilter('type', String(value ?? ''))}
              />
              <Checkbox
                isSelected={params.get('open') === 'true'}
                onChange={toggle('open')}
              >
                {t('list.onlyOpen')}
              </Checkbox>
              <Checkbox
                isSelected={params.get('overdue') === 'true'}
                onChange={toggle('overdue')}
              >
                {t('list.onlyOverdue')}
              </Checkbox>
              <Checkbox
                isSelected={params.get('mine') === 'true'}
                onChange={toggle('mine')}
              >
                {t('list.onlyMine')}
              </Checkbox>
            </Flex>
          </section>

          <LoadingOrFailure
            loading={page.loading}
            error={page.error}
            failedTitle={t('list.loadFailed')}
          />
          {page.value && page.value.items.length === 0 && (
            <Text as="p">{t('list.empty')}</Text>
          )}
          {page.value && page.value.items.length > 0 && (
            <SynpunktTable
              items={page.value.items}
              rules={rules}
              caption={t('list.title')}
              sort={{
                current: sortOf(params.get('sort')),
                onChange: sort =>
                  setFilter(
                    'sort',
                    sort === DEFAULT_SYNPUNKT_SORT ? undefined : sort,
                  ),
              }}
            />
          )}
          <Flex gap="3">
            {params.get('cursor') && (
              <Button variant="secondary" onPress={() => setFilter('cursor')}>
                {t('list.first')}
              </Button>
            )}
            {page.value?.nextCursor && (
              <Button
                variant="secondary"
                onPress={() => setFilter('cursor', page.value?.nextCursor)}
              >
                {t('list.next')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Container>
    </>
  );
}
