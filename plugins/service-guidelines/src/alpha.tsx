import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import RoomServiceIcon from '@material-ui/icons/RoomService';
import { SERVICE_GUIDELINES_PLUGIN_ID } from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesApiRef } from './api/ServiceGuidelinesApi';
import { ServiceGuidelinesClient } from './api/ServiceGuidelinesClient';
import { rootRouteRef } from './routes';

/** @alpha */
export const serviceGuidelinesApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: serviceGuidelinesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new ServiceGuidelinesClient(deps),
    }),
});

const routes = convertLegacyRouteRefs({ root: rootRouteRef });

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
      import('./components/ServiceGuidelinesPage').then(m => (
        <m.ServiceGuidelinesPage />
      )),
  },
});

/**
 * The service-guidelines plugin for apps on Backstage's new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: SERVICE_GUIDELINES_PLUGIN_ID,
  extensions: [serviceGuidelinesApi, serviceGuidelinesStartPage],
  routes,
});

export { serviceGuidelinesTranslationRef } from './translation';
