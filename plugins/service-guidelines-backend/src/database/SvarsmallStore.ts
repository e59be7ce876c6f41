import { Svarsmall } from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';

interface SvarsmallRow {
  id: string;
  unit_ref: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: string;
  version: number;
}

const toSvarsmall = (r: SvarsmallRow): Svarsmall => ({
  id: r.id,
  unitRef: r.unit_ref,
  title: r.title,
  body: r.body,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  version: Number(r.version),
});

/** Answer templates kept per unit. */
export interface SvarsmallStore {
  listForUnits(unitRefs: string[]): Promise<Svarsmall[]>;
  get(id: string): Promise<Svarsmall | undefined>;
  insert(mall: Svarsmall): Promise<void>;
  /** Writes the change if the stored version is still `expectedVersion`. */
  updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Pick<Svarsmall, 'updatedBy' | 'updatedAt'> &
      Partial<Pick<Svarsmall, 'title' | 'body'>>,
  ): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

/** The knex implementation of {@link SvarsmallStore}. */
export class KnexSvarsmallStore implements SvarsmallStore {
  constructor(private readonly db: Knex) {}

  async listForUnits(unitRefs: string[]): Promise<Svarsmall[]> {
    const rows = await this.db<SvarsmallRow>('svarsmallar')
      .whereIn('unit_ref', unitRefs)
      .orderBy(['unit_ref', 'title']);
    return rows.map(toSvarsmall);
  }

  async get(id: string): Promise<Svarsmall | undefined> {
    const row = await this.db<SvarsmallRow>('svarsmallar')
      .where({ id })
      .first();
    return row ? toSvarsmall(row) : undefined;
  }

  async insert(mall: Svarsmall): Promise<void> {
    await this.db('svarsmallar').insert({
      id: mall.id,
      unit_ref: mall.unitRef,
      title: mall.title,
      body: mall.body,
      updated_by: mall.updatedBy,
      updated_at: mall.updatedAt,
      version: mall.version,
    });
  }

  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Pick<Svarsmall, 'updatedBy' | 'updatedAt'> &
      Partial<Pick<Svarsmall, 'title' | 'body'>>,
  ): Promise<boolean> {
    const count = await this.db('svarsmallar')
      .where({ id, version: expectedVersion })
      .update({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        updated_by: changes.updatedBy,
        updated_at: changes.updatedAt,
        version: expectedVersion + 1,
      });
    return count === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db('svarsmallar').where({ id }).delete()) === 1;
  }
}
