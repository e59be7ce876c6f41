import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import RoomServiceIcon from '@material-ui/icons/RoomService';
import PeopleIcon from '@material-ui/icons/People';
import AssessmentIcon from '@material-ui/icons/Assessment';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
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

/** @alpha */
export const serviceGuidelinesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: serviceGuidelinesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ServiceGuidelinesClient(deps),
    }),
});

/** @alpha */
export const fortroendevaldaApi = ApiBlueprint.make({
  name: 'fortroendevalda',
  params: defineParams =>
    defineParams({
      api: fortroendevaldaApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new FortroendevaldaClient(deps),
    }),
});

const routes = convertLegacyRouteRefs({
  root: rootRouteRef,
  directory: directoryRouteRef,
  fortroendevald: fortroendevaldRouteRef,
  directoryImport: directoryImportRouteRef,
  register: registerRouteRef,
  synpunkter: synpunkterRouteRef,
  synpunkt: synpunktRouteRef,
  reports: reportsRouteRef,
  followUp: followUpRouteRef,
});

/** @alpha */
export const serviceGuidelinesStartPage = PageBlueprint.make({
  params: {
    path: '/service-guidelines',
    routeRef: routes.root,
    // The nav title is a plain string in this blueprint; Swedish is the portal's default.
    title: 'Service och tillgänglighet',
    icon: <RoomServiceIcon />,
    noHeader: true,
    loader: () =>
      import('./components/Router').then(m => <m.ServiceGuidelinesRouter />),
  },
});

/** @alpha */
export const fortroendevaldaPage = PageBlueprint.make({
  name: 'fortroendevalda',
  params: {
    path: '/fortroendevalda',
    routeRef: routes.directory,
    // The nav title is a plain string in this blueprint; Swedish is the portal's default.
    title: 'Förtroendevalda',
    icon: <PeopleIcon />,
    noHeader: true,
    loader: () =>
      import('./components/DirectoryPage').then(m => <m.DirectoryRouter />),
  },
});

/** @alpha */
export const reportsApi = ApiBlueprint.make({
  name: 'reports',
  params: defineParams =>
    defineParams({
      api: reportsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ReportsClient(deps),
    }),
});

/** @alpha */
export const reportsPage = PageBlueprint.make({
  name: 'reports',
  params: {
    path: '/service-guidelines/rapporter',
    routeRef: routes.reports,
    // The nav title is a plain string in this blueprint; Swedish is the portal's default.
    title: 'Rapporter',
    icon: <AssessmentIcon />,
    noHeader: true,
    loader: () =>
      import('./components/ReportsPage').then(m => <m.ReportsPage />),
  },
});

/** @alpha */
export const followUpPage = PageBlueprint.make({
  name: 'uppfoljning',
  params: {
    path: '/service-guidelines/uppfoljning',
    routeRef: routes.followUp,
    // The nav title is a plain string in this blueprint; Swedish is the portal's default.
    title: 'Min uppföljning',
    icon: <AssignmentTurnedInIcon />,
    noHeader: true,
    loader: () =>
      import('./components/FollowUpPage').then(m => <m.FollowUpRouter />),
  },
});

/**
 * The service-guidelines plugin for apps on Backstage's new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: SERVICE_GUIDELINES_PLUGIN_ID,
  extensions: [
    serviceGuidelinesApi,
    serviceGuidelinesStartPage,
    fortroendevaldaApi,
    fortroendevaldaPage,
    reportsApi,
    reportsPage,
    followUpPage,
  ],
  routes,
});

export { serviceGuidelinesTranslationRef } from './translation';
