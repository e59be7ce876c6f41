import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { Navigate } from 'react-router-dom';
import { SidebarContent } from './Sidebar';

/** The portal's landing page is "Service och tillgänglighet". */
const landingRedirect = PageBlueprint.make({
  name: 'landing',
  params: {
    path: '/',
    loader: async () => <Navigate to="/service-guidelines" replace />,
  },
});

export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent, landingRedirect],
});
