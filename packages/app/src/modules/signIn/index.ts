import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const demoSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./DemoSignInPage')).DemoSignInPage,
  },
});

/** The demo portal's sign-in page (development only: the backend's demo provider refuses elsewhere). */
export const demoSignInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [demoSignInPage],
});
