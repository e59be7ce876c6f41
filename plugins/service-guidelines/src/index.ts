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
} from './plugin';
export {
  rootRouteRef,
  directoryRouteRef,
  fortroendevaldRouteRef,
  directoryImportRouteRef,
  registerRouteRef,
  synpunkterRouteRef,
  synpunktRouteRef,
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
