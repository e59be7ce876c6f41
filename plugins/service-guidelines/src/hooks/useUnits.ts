import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A unit of the organisation, as a picker shows it. */
export interface UnitOption {
  ref: string;
  title: string;
  type: string;
  parentRef?: string;
}

/**
 * The catalog Groups a synpunkt can concern (types from the registry settings), sorted by name
 * the Swedish way.
 */
export function useUnits(types: readonly string[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = types.join(',');
  return useAsync(async (): Promise<UnitOption[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group', 'spec.type': [...types] },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.type',
        'spec.parent',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const spec = (entity.spec ?? {}) as {
          type?: string;
          parent?: string;
          profile?: { displayName?: string };
        };
        return {
          ref: stringifyEntityRef(entity),
          title:
            spec.profile?.displayName ??
            entity.metadata.title ??
            entity.metadata.name,
          type: spec.type ?? '',
          parentRef: spec.parent,
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  }, [catalogApi, key]);
}
