import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Flex, SearchField, Select } from '@backstage/ui';
import {
  DirectoryFacets,
  KNOWN_PARTIES,
  TERM_FILTERS,
  TermFilter,
  UPPDRAG_ROLE_IDS,
} from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from './uppdragText';

/** The directory's filters as the URL keeps them, so that back from a person restores them. */
export interface DirectoryFilterValues {
  q: string;
  organ?: string;
  party?: string;
  role?: string;
  term: TermFilter;
}

// The Select needs an id for "no filter"; no organ, party or role is called this.
const ANY = '__any__';

/** Search by name, and filters by organ, party, role and term. */
export function DirectoryFilters(props: {
  values: DirectoryFilterValues;
  facets?: DirectoryFacets;
  onSearchChange(text: string): void;
  onChange(change: Partial<DirectoryFilterValues>): void;
}) {
  const { values, facets, onSearchChange, onChange } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const any = { id: ANY, label: t('directory.filters.any') };
  const partyName = (party: string) =>
    KNOWN_PARTIES.find(p => p.abbreviation === party)?.name;
  const choose = (field: 'organ' | 'party' | 'role') => (key: unknown) =>
    onChange({
      [field]: key === ANY || key === null ? undefined : String(key),
    });

  return (
    <Flex
      role="search"
      aria-label={t('directory.filters.label')}
      gap="3"
      align="end"
      style={{ flexWrap: 'wrap' }}
    >
      <SearchField
        label={t('directory.search.label')}
        placeholder={t('directory.search.placeholder')}
        value={values.q}
        onChange={onSearchChange}
        style={{ minWidth: 240 }}
      />
      <Select
        label={t('directory.filters.organ')}
        placeholder={t('directory.filters.any')}
        value={values.organ ?? ANY}
        onChange={choose('organ')}
        options={[
          any,
          ...(facets?.organs ?? []).map(o => ({ id: o.name, label: o.name })),
        ]}
      />
      <Select
        label={t('directory.filters.party')}
        placeholder={t('directory.filters.any')}
        value={values.party ?? ANY}
        onChange={choose('party')}
        options={[
          any,
          ...(facets?.parties ?? []).map(party => ({
            id: party,
            label: partyName(party) ? `${party} (${partyName(party)})` : party,
          })),
        ]}
      />
      <Select
        label={t('directory.filters.role')}
        placeholder={t('directory.filters.any')}
        value={values.role ?? ANY}
        onChange={choose('role')}
        options={[
          any,
          // In the order of rank, not the order the database found them in.
          ...UPPDRAG_ROLE_IDS.filter(role => facets?.roles.includes(role)).map(
            role => ({
              id: role,
              label: text.role(role),
            }),
          ),
        ]}
      />
      <Select
        label={t('directory.filters.term')}
        value={values.term}
        onChange={key => onChange({ term: String(key) as TermFilter })}
        options={TERM_FILTERS.map(term => ({
          id: term,
          label: t(`directory.filters.terms.${term}`),
        }))}
      />
    </Flex>
  );
}
