/**
 * The service-guidelines backend plugin.
 *
 * @packageDocumentation
 */
export { serviceGuidelinesPlugin as default } from './plugin';
export {
  synpunktConditions,
  createSynpunktConditionalDecision,
} from './permissions/conditionExports';
export {
  synpunktPermissionResourceRef,
  type SynpunktFilter,
  type SynpunktPermissionResource,
} from './permissions/resource';
export { synpunktRules } from './permissions/rules';
export {
  ServiceGuidelinesPolicy,
  type RoleGroups,
} from './permissions/ServiceGuidelinesPolicy';
