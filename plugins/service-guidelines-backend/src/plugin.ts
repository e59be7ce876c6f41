import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { SERVICE_GUIDELINES_PLUGIN_ID } from '@service-guidelines/plugin-service-guidelines-common';
import { KnexPluginMetadataStore } from './database';
import { createRouter } from './service/router';
import { readPluginVersion } from './version';

/**
 * The service-guidelines backend plugin: synpunkter, förtroendevalda, uppföljningar and reports
 * for a municipality's service policy.
 *
 * @public
 */
export const serviceGuidelinesPlugin = createBackendPlugin({
  pluginId: SERVICE_GUIDELINES_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ database, httpAuth, httpRouter }) {
        const metadata = await KnexPluginMetadataStore.create({ database });
        httpRouter.use(
          await createRouter({
            httpAuth,
            metadata,
            version: readPluginVersion(),
          }),
        );
      },
    });
  },
});
