/**
 * The service-guidelines frontend plugin: "Service och tillgänglighet" in the portal.
 *
 * The legacy frontend system is served from this entry point; the new frontend system from
 * `@service-guidelines/plugin-service-guidelines/alpha`.
 *
 * @packageDocumentation
 */
export {
  serviceGuidelinesPlugin,
  ServiceGuidelinesPage,
  FortroendevaldaPage,
  ReportsPage,
  FollowUpPage,
} from './plugin';
export {
  rootRouteRef,
  directoryRouteRef,
  fortroendevaldRouteRef,
  directoryImportRouteRef,
  registerRouteRef,
  synpunkterRouteRef,
  synpunktRouteRef,
  reportsRouteRef,
  followUpRouteRef,
} from './routes';
export {
  serviceGuidelinesApiRef,
  type ServiceGuidelinesApi,
  type SynpunktAction,
} from './api/ServiceGuidelinesApi';
export { ServiceGuidelinesClient } from './api/ServiceGuidelinesClient';
export { serviceGuidelinesTranslationRef } from './translation';
export {
  fortroendevaldaApiRef,
  type FortroendevaldaApi,
} from './api/FortroendevaldaApi';
export { FortroendevaldaClient } from './api/FortroendevaldaClient';
export {
  reportsApiRef,
  type ReportsApi,
  type ReportRequest,
  type ReportDownload,
} from './api/ReportsApi';
export { ReportsClient } from './api/ReportsClient';
