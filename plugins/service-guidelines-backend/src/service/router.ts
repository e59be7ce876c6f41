import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { PluginMetadataStore } from '../database';
import { OrganisationStore } from '../database/OrganisationStore';
import { buildOpenApiDocument } from '../schema/openapi';
import { createHealthRoutes } from './routes/healthRoutes';
import { CallerResolver } from './routes/callerAccess';
import { createSvarsmallRoutes } from './routes/svarsmallRoutes';
import { createSynpunktRoutes } from './routes/synpunktRoutes';
import { createFortroendevaldaRoutes } from './routes/fortroendevaldaRoutes';
import { createPublicDirectoryRoutes } from './routes/publicDirectoryRoutes';
import { createReportRoutes } from './routes/reportRoutes';
import { createGallringRoutes } from './routes/gallringRoutes';
import { createUppfoljningRoutes } from './routes/uppfoljningRoutes';
import { FollowUpService } from './uppfoljning/FollowUpService';
import { Gallring } from '../tasks/gallring';
import { explainTooLargeBody } from './tooLargeBody';
import { refuseNulInPath } from './refuseNulInPath';
import { ReportReachResolver, ReportService } from '../report';
import { FortroendevaldService } from './fortroendevalda/FortroendevaldService';
import { SvarstidRules } from '@service-guidelines/plugin-service-guidelines-common';
import { SvarsmallService } from './synpunkter/SvarsmallService';
import { SynpunktService } from './synpunkter/SynpunktService';

/** Everything the HTTP layer needs; built once in the plugin's init. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  metadata: PluginMetadataStore;
  version: string;
  callers: CallerResolver;
  organisation: OrganisationStore;
  rules: SvarstidRules;
  clock: () => Date;
  synpunkter: SynpunktService;
  svarsmallar: SvarsmallService;
  auditor: AuditorService;
  fortroendevalda: FortroendevaldService;
  /** Requests a minute per client address to the public directory. */
  publicRequestsPerMinute: number;
  reports: ReportService;
  reportReach: ReportReachResolver;
  gallring: Gallring;
  followUp: FollowUpService;
}

/** The plugin's HTTP API: one sub-router per area, mounted under `/api/service-guidelines`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  // Bodies over this are refused with 413 before any handler runs; the largest legitimate body
  // (a synpunkt with a 10 000-character description) is far below it.
  const json = express.json({ limit: '256kb' });
  // The import routes read their file themselves, JSON too, with their own larger limit.
  router.use((req, res, next) =>
    req.path.startsWith('/fortroendevalda/import/')
      ? next()
      : json(req, res, next),
  );
  router.use(refuseNulInPath);
  router.use(createHealthRoutes(options));
  const openApi = buildOpenApiDocument(options.version);
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  router.use(createSynpunktRoutes(options));
  router.use(createSvarsmallRoutes(options));
  router.use(createFortroendevaldaRoutes(options));
  router.use(createReportRoutes(options));
  router.use(createGallringRoutes(options));
  router.use(createUppfoljningRoutes(options));
  // Reachable without sign-in: the plugin's auth policy allows /public unauthenticated.
  router.use(
    createPublicDirectoryRoutes({
      fortroendevalda: options.fortroendevalda,
      requestsPerMinute: options.publicRequestsPerMinute,
    }),
  );
  // Last: it sees the errors of every route above, including the import's own body limit.
  router.use(explainTooLargeBody);
  return router;
}
