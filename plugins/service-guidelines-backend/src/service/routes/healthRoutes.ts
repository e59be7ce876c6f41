import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  HealthStatus,
  SERVICE_GUIDELINES_PLUGIN_ID,
} from '@service-guidelines/plugin-service-guidelines-common';
import Router from 'express-promise-router';
import { PluginMetadataStore } from '../../database';

/**
 * `GET /health`: proves to a signed-in person (and to the portal page) that this backend answers,
 * which version of the plugin it runs and on which database.
 */
export function createHealthRoutes(options: {
  httpAuth: HttpAuthService;
  metadata: PluginMetadataStore;
  version: string;
}) {
  const { httpAuth, metadata, version } = options;
  const router = Router();

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    const body: HealthStatus = {
      status: 'ok',
      plugin: { id: SERVICE_GUIDELINES_PLUGIN_ID, version },
      database: await metadata.status(),
    };
    res.json(body);
  });

  return router;
}
