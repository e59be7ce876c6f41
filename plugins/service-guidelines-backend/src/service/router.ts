import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PluginMetadataStore } from '../database';
import { createHealthRoutes } from './routes/healthRoutes';

/** Everything the HTTP layer needs; built once in the plugin's init. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  metadata: PluginMetadataStore;
  version: string;
}

/** The plugin's HTTP API: one sub-router per area, mounted under `/api/service-guidelines`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: '256kb' }));
  router.use(createHealthRoutes(options));
  return router;
}
