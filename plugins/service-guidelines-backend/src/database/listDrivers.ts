import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { isAllOf, isAnyOf, isNot } from '../permissions/filterToKnex';
import { SynpunktFilter } from '../permissions/resource';
import type { SynpunktListFilter } from './SynpunktStore';

/** A column that leads an index followed by the list's sort key and `id`. */
export type DriverColumn = 'unit_ref' | 'handlaggare_ref' | 'registered_by';

/**
 * One index range of the list: the synpunkter whose `column` is `value`. A set of drivers covers
 * a query when every row the query can return lies in at least one of them.
 */
export interface ListDriver {
  column: DriverColumn;
  value: string;
}

/**
 * Above this many drivers the list is read by one walk of the sort index. A scope that needs
 * many drivers is wide: most rows match, so the walk fills a page after few rows, while every
 * driver reads up to a page of its own. At 50 the merge reads at most 50 short index ranges,
 * still a few milliseconds, and stays far below SQLite's 500 members of one compound SELECT.
 */
export const MAX_LIST_DRIVERS = 50;

/** The units the users lead as chef and every unit below those. */
export type UnitsLedBy = (userRefs: string[]) => Promise<string[]>;

type Criteria = PermissionCriteria<SynpunktFilter>;

/**
 * A small set of drivers that covers every synpunkt the list can show with these criteria and
 * filter, or undefined when there is none: no restriction at all (full read access and no
 * unit or person filter), a restriction no index can drive (`not`), or more than
 * {@link MAX_LIST_DRIVERS}.
 */
export async function listDriversOf(
  options: { criteria?: Criteria; filter: SynpunktListFilter },
  unitsLedBy: UnitsLedBy,
): Promise<ListDriver[] | undefined> {
  const restrictions = [
    ...(options.criteria ? [options.criteria] : []),
    ...filterRestrictions(options.filter),
  ];
  const drivers = await smallestCovering(restrictions, unitsLedBy);
  return drivers && drivers.length <= MAX_LIST_DRIVERS ? drivers : undefined;
}

/**
 * The list filters that restrict to units or people, as criteria; they must say exactly what
 * `applyListFilter` does with the same fields, since they choose which rows are read at all.
 */
function filterRestrictions(filter: SynpunktListFilter): Criteria[] {
  const result: Criteria[] = [];
  if (filter.unitRefs) {
    result.push({ kind: 'unitIn', unitRefs: filter.unitRefs });
  }
  if (filter.handlaggareRef) {
    result.push({ kind: 'handlaggare', userRefs: [filter.handlaggareRef] });
  }
  if (filter.mineFor) {
    result.push({
      anyOf: [
        { kind: 'handlaggare', userRefs: [filter.mineFor] },
        { kind: 'registeredBy', userRefs: [filter.mineFor] },
      ],
    });
  }
  return result;
}

async function driversOf(
  criteria: Criteria,
  unitsLedBy: UnitsLedBy,
): Promise<ListDriver[] | undefined> {
  if (isAnyOf(criteria)) {
    // An empty anyOf becomes no SQL condition at all (see applyPermissionCriteria): every row.
    if (criteria.anyOf.length === 0) return undefined;
    const sets = await Promise.all(
      criteria.anyOf.map(sub => driversOf(sub, unitsLedBy)),
    );
    return sets.every(isDefined) ? distinct(sets.flat()) : undefined;
  }
  if (isAllOf(criteria)) {
    return smallestCovering(criteria.allOf, unitsLedBy);
  }
  if (isNot(criteria)) {
    return undefined;
  }
  return leafDrivers(criteria as SynpunktFilter, unitsLedBy);
}

/** Every row that passes all the restrictions passes each one, so any one's drivers cover it. */
async function smallestCovering(
  restrictions: Criteria[],
  unitsLedBy: UnitsLedBy,
): Promise<ListDriver[] | undefined> {
  const sets = await Promise.all(
    restrictions.map(sub => driversOf(sub, unitsLedBy)),
  );
  return sets
    .filter(isDefined)
    .reduce<ListDriver[] | undefined>(
      (best, set) => (best && best.length <= set.length ? best : set),
      undefined,
    );
}

async function leafDrivers(
  filter: SynpunktFilter,
  unitsLedBy: UnitsLedBy,
): Promise<ListDriver[] | undefined> {
  switch (filter.kind) {
    case 'handlaggare':
      return driversFor('handlaggare_ref', filter.userRefs);
    case 'registeredBy':
      return driversFor('registered_by', filter.userRefs);
    case 'unitIn':
      return driversFor('unit_ref', filter.unitRefs);
    case 'unitLedBy':
      return driversFor('unit_ref', await unitsLedBy(filter.userRefs));
    default:
      // Left to the single query, which refuses an unknown filter.
      return undefined;
  }
}

function driversFor(column: DriverColumn, values: string[]): ListDriver[] {
  return distinct(values.map(value => ({ column, value })));
}

function distinct(drivers: ListDriver[]): ListDriver[] {
  const seen = new Map<string, ListDriver>();
  for (const driver of drivers) {
    seen.set(`${driver.column}\u0000${driver.value}`, driver);
  }
  return [...seen.values()];
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
