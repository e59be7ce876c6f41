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
import { fortroendevaldaApiRef } from './api/FortroendevaldaApi';
import { FortroendevaldaClient } from './api/FortroendevaldaClient';
import {
  directoryImportRouteRef,
  directoryRouteRef,
  fortroendevaldRouteRef,
  registerRouteRef,
  rootRouteRef,
  synpunktRouteRef,
  synpunkterRouteRef,
} from './routes';

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
    createApiFactory({
      api: fortroendevaldaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new FortroendevaldaClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
    directory: directoryRouteRef,
    fortroendevald: fortroendevaldRouteRef,
    directoryImport: directoryImportRouteRef,
    register: registerRouteRef,
    synpunkter: synpunkterRouteRef,
    synpunkt: synpunktRouteRef,
  },
});

/**
 * The synpunkt pages (start page, registration, list, one synpunkt) for a route in a legacy
 * app: `<Route path="/service-guidelines" element={<ServiceGuidelinesPage />} />`.
 *
 * @public
 */
export const ServiceGuidelinesPage = serviceGuidelinesPlugin.provide(
  createRoutableExtension({
    name: 'ServiceGuidelinesPage',
    component: () =>
      import('./components/Router').then(m => m.ServiceGuidelinesRouter),
    mountPoint: rootRouteRef,
  }),
);

/**
 * "Förtroendevalda": the directory of elected officials (list, person, import) for a route in a
 * legacy app: `<Route path="/fortroendevalda" element={<FortroendevaldaPage />} />`.
 *
 * @public
 */
export const FortroendevaldaPage = serviceGuidelinesPlugin.provide(
  createRoutableExtension({
    name: 'FortroendevaldaPage',
    component: () =>
      import('./components/DirectoryPage').then(m => m.DirectoryRouter),
    mountPoint: directoryRouteRef,
  }),
);
