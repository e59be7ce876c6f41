import { Knex } from 'knex';
import { forgetReportRollups } from '../report/reportRollups';

/** A unit of the organisation tree, as mirrored from a catalog Group. */
export interface OrgUnit {
  unitRef: string;
  parentRef?: string;
  type: string;
  title: string;
  chefRef?: string;
}

/** The plugin's mirror of the organisation tree (units, their chefs, every ancestor pair). */
export interface OrganisationStore {
  /** Replaces the whole mirror in one transaction, so readers never see half a tree. */
  replaceAll(units: OrgUnit[]): Promise<void>;
  getUnit(unitRef: string): Promise<OrgUnit | undefined>;
  listUnits(): Promise<OrgUnit[]>;
  /** The unit and every unit below it. */
  unitsBelow(unitRef: string): Promise<string[]>;
  /** Units the user leads as chef, and every unit below those. */
  unitsLedBy(userRef: string): Promise<string[]>;
  /** The chefs of the unit and of every unit above it, nearest first. */
  chefsOf(unitRef: string): Promise<string[]>;
}

interface OrgUnitRow {
  unit_ref: string;
  parent_ref: string | null;
  type: string;
  title: string;
  chef_ref: string | null;
}

/**
 * Every (ancestor, descendant, depth) pair of the tree. A unit whose parent is missing becomes a
 * root; a cycle in the catalog data (which the catalog does not forbid) is cut where it closes.
 */
export function closureOf(
  units: OrgUnit[],
): Array<{ ancestor: string; descendant: string; depth: number }> {
  const parentOf = new Map(units.map(u => [u.unitRef, u.parentRef]));
  const pairs: Array<{ ancestor: string; descendant: string; depth: number }> =
    [];
  for (const unit of units) {
    const seen = new Set<string>();
    let current: string | undefined = unit.unitRef;
    let depth = 0;
    while (current && parentOf.has(current) && !seen.has(current)) {
      seen.add(current);
      pairs.push({ ancestor: current, descendant: unit.unitRef, depth });
      current = parentOf.get(current);
      depth += 1;
    }
  }
  return pairs;
}

const toUnit = (row: OrgUnitRow): OrgUnit => ({
  unitRef: row.unit_ref,
  parentRef: row.parent_ref ?? undefined,
  type: row.type,
  title: row.title,
  chefRef: row.chef_ref ?? undefined,
});

/** The knex implementation of {@link OrganisationStore}. */
export class KnexOrganisationStore implements OrganisationStore {
  constructor(private readonly db: Knex) {}

  async replaceAll(units: OrgUnit[]): Promise<void> {
    const closure = closureOf(units);
    const pair = (ancestor: string, descendant: string) =>
      `${ancestor}\n${descendant}`;
    await this.db.transaction(async tx => {
      const before = await tx('org_unit_closure').select<
        Array<{ ancestor_ref: string; descendant_ref: string }>
      >('ancestor_ref', 'descendant_ref');
      const after = new Set(closure.map(c => pair(c.ancestor, c.descendant)));
      if (
        before.length !== after.size ||
        before.some(c => !after.has(pair(c.ancestor_ref, c.descendant_ref)))
      ) {
        await forgetReportRollups(tx);
      }
      await tx('org_unit_closure').delete();
      await tx('org_units').delete();
      // Batches keep each statement under SQLite's bound-parameter limit.
      await tx.batchInsert(
        'org_units',
        units.map(u => ({
          unit_ref: u.unitRef,
          parent_ref: u.parentRef ?? null,
          type: u.type,
          title: u.title,
          chef_ref: u.chefRef ?? null,
        })),
        100,
      );
      await tx.batchInsert(
        'org_unit_closure',
        closure.map(c => ({
          ancestor_ref: c.ancestor,
          descendant_ref: c.descendant,
          depth: c.depth,
        })),
        200,
      );
    });
  }

  async getUnit(unitRef: string): Promise<OrgUnit | undefined> {
    const row = await this.db<OrgUnitRow>('org_units')
      .where({ unit_ref: unitRef })
      .first();
    return row ? toUnit(row) : undefined;
  }

  async listUnits(): Promise<OrgUnit[]> {
    const rows = await this.db<OrgUnitRow>('org_units').orderBy('unit_ref');
    return rows.map(toUnit);
  }

  async unitsBelow(unitRef: string): Promise<string[]> {
    const rows = await this.db('org_unit_closure')
      .where({ ancestor_ref: unitRef })
      .orderBy(['depth', 'descendant_ref'])
      .select<Array<{ descendant_ref: string }>>('descendant_ref');
    return rows.map(r => r.descendant_ref);
  }

  async unitsLedBy(userRef: string): Promise<string[]> {
    const rows = await this.db('org_unit_closure as c')
      .join('org_units as u', 'u.unit_ref', 'c.ancestor_ref')
      .where('u.chef_ref', userRef)
      .distinct<Array<{ descendant_ref: string }>>('c.descendant_ref')
      .orderBy('c.descendant_ref');
    return rows.map(r => r.descendant_ref);
  }

  async chefsOf(unitRef: string): Promise<string[]> {
    const rows = await this.db('org_unit_closure as c')
      .join('org_units as u', 'u.unit_ref', 'c.ancestor_ref')
      .where('c.descendant_ref', unitRef)
      .whereNotNull('u.chef_ref')
      .orderBy('c.depth')
      .select<Array<{ chef_ref: string }>>('u.chef_ref');
    return [...new Set(rows.map(r => r.chef_ref))];
  }
}
