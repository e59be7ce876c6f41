/**
 * Shared domain of the service-guidelines plugins: types, permissions, validation schemas, the
 * Swedish working-day calendar and the svarstid rules. Isomorphic: used by the backend and the
 * frontend alike, so that a rule lives in exactly one place.
 *
 * @packageDocumentation
 */

/**
 * The id of the service-guidelines plugin, frontend and backend.
 *
 * @public
 */
export const SERVICE_GUIDELINES_PLUGIN_ID = 'service-guidelines';

export type { DatabaseStatus, HealthStatus } from './health';
export * from './permissions';
export * from './synpunkt';
export * from './validation';
export * from './calendar';
export * from './svarstid';
export * from './fortroendevalda';
export * from './report';
export * from './gallring';
export * from './uppfoljning';
