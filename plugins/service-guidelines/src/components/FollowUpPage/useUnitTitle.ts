import { useEntityPresentation } from '@backstage/plugin-catalog-react';

/** The unit's display name from the catalog, or its ref while that is unknown. */
export function useUnitTitle(unitRef: string): string {
  return useEntityPresentation(unitRef).primaryTitle;
}
