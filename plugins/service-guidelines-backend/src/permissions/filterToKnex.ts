import {
  AllOfCriteria,
  AnyOfCriteria,
  NotCriteria,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { SynpunktFilter } from './resource';

/**
 * Units led by any of the users, and every unit below them, from the organisation cache.
 */
export function unitsLedBy(db: Knex, userRefs: string[]) {
  return db('org_unit_closure as c')
    .join('org_units as u', 'u.unit_ref', 'c.ancestor_ref')
    .whereIn('u.chef_ref', userRefs)
    .select('c.descendant_ref');
}

function applyFilter(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: SynpunktFilter,
): void {
  switch (filter.kind) {
    case 'handlaggare':
      query.whereIn('synpunkter.handlaggare_ref', filter.userRefs);
      return;
    case 'registeredBy':
      query.whereIn('synpunkter.registered_by', filter.userRefs);
      return;
    case 'unitLedBy':
      query.whereIn('synpunkter.unit_ref', unitsLedBy(db, filter.userRefs));
      return;
    case 'unitIn':
      query.whereIn('synpunkter.unit_ref', filter.unitRefs);
      return;
    default: {
      const unknown: never = filter;
      throw new Error(`Unknown synpunkt filter ${JSON.stringify(unknown)}`);
    }
  }
}

export function isAllOf<T>(c: PermissionCriteria<T>): c is AllOfCriteria<T> {
  return typeof c === 'object' && c !== null && 'allOf' in c;
}
export function isAnyOf<T>(c: PermissionCriteria<T>): c is AnyOfCriteria<T> {
  return typeof c === 'object' && c !== null && 'anyOf' in c;
}
export function isNot<T>(c: PermissionCriteria<T>): c is NotCriteria<T> {
  return typeof c === 'object' && c !== null && 'not' in c;
}

/**
 * Narrows a synpunkt query to what a conditional permission decision allows, in SQL.
 */
export function applyPermissionCriteria(
  db: Knex,
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<SynpunktFilter>,
): void {
  if (isAllOf(criteria)) {
    query.where(inner => {
      for (const sub of criteria.allOf) {
        inner.andWhere(q => applyPermissionCriteria(db, q, sub));
      }
    });
  } else if (isAnyOf(criteria)) {
    query.where(inner => {
      for (const sub of criteria.anyOf) {
        inner.orWhere(q => applyPermissionCriteria(db, q, sub));
      }
    });
  } else if (isNot(criteria)) {
    query.whereNot(inner => applyPermissionCriteria(db, inner, criteria.not));
  } else {
    applyFilter(db, query, criteria as SynpunktFilter);
  }
}
