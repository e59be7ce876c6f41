import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SERVICE_GUIDELINES_PLUGIN_ID } from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesApiRef } from './api/ServiceGuidelinesApi';
import { ServiceGuidelinesClient } from './api/ServiceGuidelinesClient';
import { rootRouteRef } from './routes';

/**
 * The service-guidelines plugin for apps on Backstage's legacy frontend system.
 *
 * @public
 */
export const serviceGuidelinesPlugin = createPlugin({
  id: SERVICE_GUIDELINES_PLUGIN_ID,
  apis: [
    createApiFactory({
      api: serviceGuidelinesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ServiceGuidelinesClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The start page, "Service och tillgänglighet", for a route in a legacy app.
 *
 * @public
 */
export const ServiceGuidelinesPage = serviceGuidelinesPlugin.provide(
  createRoutableExtension({
    name: 'ServiceGuidelinesPage',
    component: () =>
      import('./components/ServiceGuidelinesPage').then(
        m => m.ServiceGuidelinesPage,
      ),
    mountPoint: rootRouteRef,
  }),
);
