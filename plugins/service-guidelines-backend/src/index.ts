/**
 * The service-guidelines backend plugin.
 *
 * @packageDocumentation
 */
export { serviceGuidelinesPlugin as default } from './plugin';
