import { createApiRef } from '@backstage/core-plugin-api';
import { HealthStatus } from '@service-guidelines/plugin-service-guidelines-common';

/**
 * The frontend's view of the service-guidelines backend.
 *
 * @public
 */
export interface ServiceGuidelinesApi {
  /** Which version the backend runs and on which database; rejects when it does not answer. */
  getHealth(): Promise<HealthStatus>;
}

/**
 * @public
 */
export const serviceGuidelinesApiRef = createApiRef<ServiceGuidelinesApi>({
  id: 'plugin.service-guidelines.api',
});
