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
import { reportsApiRef } from './api/ReportsApi';
import { ReportsClient } from './api/ReportsClient';
import {
  directoryImportRouteRef,
  directoryRouteRef,
  followUpRouteRef,
  fortroendevaldRouteRef,
  registerRouteRef,
  reportsRouteRef,
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
    createApiFactory({
      api: reportsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReportsClient(deps),
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
    reports: reportsRouteRef,
    followUp: followUpRouteRef,
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

/**
 * "Rapporter": the reports for kommunstyrelsen and the nämnder, for a route in a legacy app:
 * `<Route path="/service-guidelines/rapporter" element={<ReportsPage />} />`.
 *
 * @public
 */
export const ReportsPage = serviceGuidelinesPlugin.provide(
  createRoutableExtension({
    name: 'ReportsPage',
    component: () =>
      import('./components/ReportsPage').then(m => m.ReportsPage),
    mountPoint: reportsRouteRef,
  }),
);

/**
 * "Min uppföljning", for a route in a legacy app:
 * `<Route path="/service-guidelines/uppfoljning" element={<FollowUpPage />} />`.
 *
 * @public
 */
export const FollowUpPage = serviceGuidelinesPlugin.provide(
  createRoutableExtension({
    name: 'FollowUpPage',
    component: () =>
      import('./components/FollowUpPage').then(m => m.FollowUpRouter),
    mountPoint: followUpRouteRef,
  }),
);
