import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../api/ServiceGuidelinesApi';

/** Asks the backend once whether it answers, and with which version and database. */
export function useBackendHealth() {
  const api = useApi(serviceGuidelinesApiRef);
  return useAsync(() => api.getHealth(), [api]);
}
