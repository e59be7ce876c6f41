import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { isAllOf, isAnyOf, isNot } from './filterToKnex';
import { SynpunktFilter, SynpunktPermissionResource } from './resource';
import { synpunktRules } from './rules';

type Criteria = PermissionCriteria<SynpunktFilter>;

/**
 * Whether criteria can be checked on synpunkter already loaded with exactly the answer their SQL
 * (`applyPermissionCriteria`) gives. Not with `not`: in SQL a synpunkt without handläggare is
 * unknown to "handläggare in (…)", and NOT unknown leaves the row out, where in memory it would
 * be let in. Not with an empty allOf or anyOf either, which knex leaves out of the query.
 */
export function checkableInMemory(criteria: Criteria): boolean {
  if (isNot(criteria)) return false;
  if (isAllOf(criteria)) {
    return criteria.allOf.length > 0 && criteria.allOf.every(checkableInMemory);
  }
  if (isAnyOf(criteria)) {
    return criteria.anyOf.length > 0 && criteria.anyOf.every(checkableInMemory);
  }
  return true;
}

/**
 * What criteria that are {@link checkableInMemory} say of one synpunkt, by the same rules'
 * `apply` the permission framework checks a single resource with.
 */
export function criteriaMatch(
  criteria: Criteria,
  resource: SynpunktPermissionResource,
): boolean {
  if (isAllOf(criteria)) {
    return criteria.allOf.every(sub => criteriaMatch(sub, resource));
  }
  if (isAnyOf(criteria)) {
    return criteria.anyOf.some(sub => criteriaMatch(sub, resource));
  }
  if (isNot(criteria)) {
    return !criteriaMatch(criteria.not, resource);
  }
  const filter = criteria as SynpunktFilter;
  switch (filter.kind) {
    case 'handlaggare':
      return synpunktRules.isHandlaggare.apply(resource, filter);
    case 'registeredBy':
      return synpunktRules.isRegisteredBy.apply(resource, filter);
    case 'unitLedBy':
      return synpunktRules.isInUnitLedBy.apply(resource, filter);
    case 'unitIn':
      return synpunktRules.isInUnit.apply(resource, filter);
    default: {
      const unknown: never = filter;
      throw new Error(`Unknown synpunkt filter ${JSON.stringify(unknown)}`);
    }
  }
}
