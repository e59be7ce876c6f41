import {
  SYNPUNKT_TYPES,
  SynpunktType,
  Uppfoljning,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { applyListFilter, SynpunktListFilter } from './SynpunktStore';

/** An uppföljning as stored, without the caller-dependent `editable`. */
export type StoredUppfoljning = Omit<Uppfoljning, 'editable'>;

/** What is written for an uppföljning: the record without its derived parts. */
export type UppfoljningWrite = Omit<
  StoredUppfoljning,
  'synpunkter' | 'version' | 'createdAt'
> & { synpunktIds: string[] };

/** Per unit in scope: how many synpunkter of it and the units below match a filter. */
export type CountsByUnit = Map<string, number>;

interface UppfoljningRow {
  id: string;
  unit_ref: string;
  held_date: string;
  recorded_by: string;
  participants: string;
  conclusions: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Uppföljningar with their synpunkter and actions, and the counts of "Min uppföljning". */
export interface UppfoljningStore {
  insert(record: UppfoljningWrite & { createdAt: string }): Promise<void>;
  /** Replaces the record if the stored version is still `expectedVersion`. */
  replaceIfVersion(
    expectedVersion: number,
    record: UppfoljningWrite,
  ): Promise<boolean>;
  get(id: string): Promise<StoredUppfoljning | undefined>;
  listForUnit(unitRef: string): Promise<StoredUppfoljning[]>;
  /** Latest held date per unit, for the given units. */
  lastHeld(unitRefs: string[]): Promise<Map<string, string>>;
  /** Units with at least one uppföljning held in the period. */
  unitsFollowedUp(
    unitRefs: string[],
    from: string,
    to: string,
  ): Promise<Set<string>>;
  /** Synpunkter matching the filter, counted for each scope unit over its subtree. */
  countBySubtree(
    scopeUnits: string[],
    filter: SynpunktListFilter,
  ): Promise<CountsByUnit>;
  /** Per scope unit and type, synpunkter matching the filter in its subtree. */
  countBySubtreeAndType(
    scopeUnits: string[],
    filter: SynpunktListFilter,
  ): Promise<Map<string, Record<SynpunktType, number>>>;
  /** The ids among these that belong to the unit or a unit below it. */
  synpunkterInSubtree(unitRef: string, ids: string[]): Promise<string[]>;
}

/** The knex implementation of {@link UppfoljningStore}. */
export class KnexUppfoljningStore implements UppfoljningStore {
  constructor(private readonly db: Knex) {}

  async insert(record: UppfoljningWrite & { createdAt: string }) {
    await this.db.transaction(async tx => {
      await tx('uppfoljningar').insert({
        ...this.rowOf(record),
        version: 1,
        created_at: record.createdAt,
      });
      await this.writeParts(tx, record);
    });
  }

  async replaceIfVersion(expectedVersion: number, record: UppfoljningWrite) {
    return this.db.transaction(async tx => {
      const count = await tx('uppfoljningar')
        .where({ id: record.id, version: expectedVersion })
        .update({ ...this.rowOf(record), version: expectedVersion + 1 });
      if (count !== 1) return false;
      await tx('uppfoljning_synpunkter')
        .where({ uppfoljning_id: record.id })
        .delete();
      await tx('uppfoljning_actions')
        .where({ uppfoljning_id: record.id })
        .delete();
      await this.writeParts(tx, record);
      return true;
    });
  }

  async get(id: string) {
    const rows = await this.db<UppfoljningRow>('uppfoljningar').where({ id });
    return (await this.withParts(rows))[0];
  }

  async listForUnit(unitRef: string) {
    const rows = await this.db<UppfoljningRow>('uppfoljningar')
      .where({ unit_ref: unitRef })
      .orderBy([
        { column: 'held_date', order: 'desc' },
        { column: 'created_at', order: 'desc' },
      ]);
    return this.withParts(rows);
  }

  async lastHeld(unitRefs: string[]) {
    const rows = await this.db('uppfoljningar')
      .whereIn('unit_ref', unitRefs)
      .groupBy('unit_ref')
      .select<Array<{ unit_ref: string; last: string }>>(
        'unit_ref',
        this.db.raw('max(held_date) as last'),
      );
    return new Map(rows.map(r => [r.unit_ref, r.last]));
  }

  async unitsFollowedUp(unitRefs: string[], from: string, to: string) {
    const rows = await this.db('uppfoljningar')
      .whereIn('unit_ref', unitRefs)
      .whereBetween('held_date', [from, to])
      .distinct<Array<{ unit_ref: string }>>('unit_ref');
    return new Set(rows.map(r => r.unit_ref));
  }

  async countBySubtree(scopeUnits: string[], filter: SynpunktListFilter) {
    const rows = await this.subtreeQuery(scopeUnits, filter)
      .groupBy('c.ancestor_ref')
      .select<Array<{ unit: string; n: number | string }>>(
        'c.ancestor_ref as unit',
        this.db.raw('count(*) as n'),
      );
    return new Map(rows.map(r => [r.unit, Number(r.n)]));
  }

  async countBySubtreeAndType(
    scopeUnits: string[],
    filter: SynpunktListFilter,
  ) {
    const rows = await this.subtreeQuery(scopeUnits, filter)
      .groupBy('c.ancestor_ref', 'synpunkter.type')
      .select<Array<{ unit: string; type: SynpunktType; n: number | string }>>(
        'c.ancestor_ref as unit',
        'synpunkter.type as type',
        this.db.raw('count(*) as n'),
      );
    const counts = new Map<string, Record<SynpunktType, number>>();
    for (const row of rows) {
      const byType =
        counts.get(row.unit) ??
        (Object.fromEntries(SYNPUNKT_TYPES.map(t => [t, 0])) as Record<
          SynpunktType,
          number
        >);
      byType[row.type] = Number(row.n);
      counts.set(row.unit, byType);
    }
    return counts;
  }

  async synpunkterInSubtree(unitRef: string, ids: string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db('synpunkter')
      .join('org_unit_closure as c', 'c.descendant_ref', 'synpunkter.unit_ref')
      .where('c.ancestor_ref', unitRef)
      .whereIn('synpunkter.id', ids)
      .select<Array<{ id: string }>>('synpunkter.id');
    return rows.map(r => r.id);
  }

  /**
   * Synpunkter of each scope unit's subtree, through the closure table, filtered by the list's
   * own filter code, so that a count here and the list it links to cannot disagree.
   */
  private subtreeQuery(scopeUnits: string[], filter: SynpunktListFilter) {
    const query = this.db('synpunkter')
      .join('org_unit_closure as c', 'c.descendant_ref', 'synpunkter.unit_ref')
      .whereIn('c.ancestor_ref', scopeUnits);
    applyListFilter(query, filter);
    return query;
  }

  private rowOf(record: UppfoljningWrite) {
    return {
      id: record.id,
      unit_ref: record.unitRef,
      held_date: record.heldDate,
      recorded_by: record.recordedBy,
      participants: JSON.stringify(record.participants),
      conclusions: record.conclusions,
      updated_at: record.updatedAt,
    };
  }

  private async writeParts(tx: Knex.Transaction, record: UppfoljningWrite) {
    if (record.synpunktIds.length) {
      await tx('uppfoljning_synpunkter').insert(
        [...new Set(record.synpunktIds)].map(synpunktId => ({
          uppfoljning_id: record.id,
          synpunkt_id: synpunktId,
        })),
      );
    }
    if (record.actions.length) {
      await tx('uppfoljning_actions').insert(
        record.actions.map((action, position) => ({
          id: action.id,
          uppfoljning_id: record.id,
          position,
          description: action.description,
          responsible: action.responsible,
          due_date: action.dueDate,
          done_date: action.doneDate ?? null,
        })),
      );
    }
  }

  private async withParts(rows: UppfoljningRow[]) {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const discussed = await this.db('uppfoljning_synpunkter as u')
      .join('synpunkter as s', 's.id', 'u.synpunkt_id')
      .whereIn('u.uppfoljning_id', ids)
      .orderBy('s.registration_number')
      .select<Array<{ uppfoljning_id: string; id: string; number: string }>>(
        'u.uppfoljning_id',
        's.id',
        's.registration_number as number',
      );
    const actions = await this.db('uppfoljning_actions')
      .whereIn('uppfoljning_id', ids)
      .orderBy(['uppfoljning_id', 'position'])
      .select<
        Array<{
          id: string;
          uppfoljning_id: string;
          description: string;
          responsible: string;
          due_date: string;
          done_date: string | null;
        }>
      >('*');
    return rows.map(
      (r): StoredUppfoljning => ({
        id: r.id,
        unitRef: r.unit_ref,
        heldDate: r.held_date,
        recordedBy: r.recorded_by,
        participants: JSON.parse(r.participants),
        synpunkter: discussed
          .filter(d => d.uppfoljning_id === r.id)
          .map(d => ({ id: d.id, registrationNumber: d.number })),
        conclusions: r.conclusions,
        actions: actions
          .filter(a => a.uppfoljning_id === r.id)
          .map(a => ({
            id: a.id,
            description: a.description,
            responsible: a.responsible,
            dueDate: a.due_date,
            ...(a.done_date ? { doneDate: a.done_date } : {}),
          })),
        version: Number(r.version),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }),
    );
  }
}
