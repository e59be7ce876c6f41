/**
 * The service-guidelines frontend plugin: "Service och tillgänglighet" in the portal.
 *
 * The legacy frontend system is served from this entry point; the new frontend system from
 * `@service-guidelines/plugin-service-guidelines/alpha`.
 *
 * @packageDocumentation
 */
export { serviceGuidelinesPlugin, ServiceGuidelinesPage } from './plugin';
export { rootRouteRef } from './routes';
export {
  serviceGuidelinesApiRef,
  type ServiceGuidelinesApi,
} from './api/ServiceGuidelinesApi';
export { ServiceGuidelinesClient } from './api/ServiceGuidelinesClient';
export { serviceGuidelinesTranslationRef } from './translation';
