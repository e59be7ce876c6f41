import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  fortroendevaldaManagePermission,
  ListFortroendevaldaQuery,
} from '@service-guidelines/plugin-service-guidelines-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { fortroendevaldaApiRef } from '../api/FortroendevaldaApi';

/** One page of the directory for the given filters; asks again whenever they change. */
export function useFortroendevaldaList(query: ListFortroendevaldaQuery) {
  const api = useApi(fortroendevaldaApiRef);
  const key = JSON.stringify(query);
  // The query object is rebuilt on every render; its content is what matters.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useAsyncRetry(() => api.list(query), [api, key]);
}

/** One förtroendevald with every uppdrag; `retry` reloads after a change. */
export function useFortroendevald(id: string) {
  const api = useApi(fortroendevaldaApiRef);
  return useAsyncRetry(() => api.get(id), [api, id]);
}

/** The organs, parties and roles in the directory, for the filters. */
export function useDirectoryFacets() {
  const api = useApi(fortroendevaldaApiRef);
  return useAsync(() => api.facets(), [api]);
}

/** Every organ an uppdrag can be in, for the administrator's form. */
export function useKnownOrgans() {
  const api = useApi(fortroendevaldaApiRef);
  return useAsync(() => api.knownOrgans(), [api]);
}

/**
 * Whether the signed-in person may change the directory. Only hides buttons: the backend checks
 * the same permission on every write.
 */
export function useCanManageDirectory(): boolean {
  const { allowed } = usePermission({
    permission: fortroendevaldaManagePermission,
  });
  return allowed;
}
