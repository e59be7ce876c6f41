import { mockServices } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { resolve } from 'node:path';
import { newestMigration } from '../__testUtils__/migrationFiles';
import { FIXTURE_SYNPUNKTER } from '../report/__testUtils__/reportFixture';
import { KEPT_FACT_COLUMNS, SUMMED } from '../report/reportSql';
import {
  applyMigrations,
  latestAppliedMigration,
  rollbackAllMigrations,
} from './migrations';

jest.setTimeout(60_000);

const TABLES = [
  'plugin_metadata',
  'org_units',
  'org_unit_closure',
  'registration_counters',
  'synpunkter',
  'synpunkt_pauses',
  'synpunkt_events',
  'svarsmallar',
  'report_calendar',
  'gallringslogg',
  'uppfoljningar',
  'uppfoljning_synpunkter',
  'uppfoljning_actions',
  'reminders_sent',
];

async function existingTables(knex: import('knex').Knex) {
  const present = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) present.push(table);
  }
  return present;
}

const MIGRATIONS = resolve(__dirname, '../../migrations');

/**
 * Migrates up to `migration`, then stores one fixture synpunkt for each of `kept` (its received
 * and settled date) with its kept report facts, nothing pending. Returns the synpunkter.
 */
async function withKeptFacts(
  knex: import('knex').Knex,
  migration: string,
  kept: Array<[string, string | null]>,
) {
  await knex.migrate.to({ directory: MIGRATIONS, name: migration });
  const rows = FIXTURE_SYNPUNKTER.slice(0, kept.length);
  await knex.batchInsert('synpunkter', rows, kept.length);
  await knex('report_facts_pending').delete();
  await knex('report_facts').insert(
    kept.map(([received, settled], i) => ({
      synpunkt_id: rows[i].id,
      received_date: received,
      settled_date: settled,
      unit_ref: rows[i].unit_ref,
      type: rows[i].type,
      channel: rows[i].channel,
      area: rows[i].area,
      ...Object.fromEntries(KEPT_FACT_COLUMNS.map(column => [column, 0])),
    })),
  );
  return rows;
}

describe('migrations', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'go up and all the way down again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });

      await applyMigrations(database, knex);
      expect(await existingTables(knex)).toEqual(TABLES);
      expect(await latestAppliedMigration(knex)).toBe(newestMigration());

      await rollbackAllMigrations(knex);
      expect(await existingTables(knex)).toEqual([]);
      expect(await latestAppliedMigration(knex)).toBeUndefined();

      // and up again: down must leave nothing behind that blocks a fresh up
      await applyMigrations(database, knex);
      expect(await existingTables(knex)).toEqual(TABLES);
    },
  );

  it.each(databases.eachSupportedId())(
    'add the gallring marker and log, and take them away again keeping the synpunkter, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const gallring = '20261124150000_gallring.js';
      await knex.migrate.to({
        directory: MIGRATIONS,
        name: '20261124130000_report_calendar.js',
      });
      await knex('synpunkter').insert(FIXTURE_SYNPUNKTER[0]);
      const history = {
        synpunkt_id: FIXTURE_SYNPUNKTER[0].id,
        at: '2026-03-12T09:00:00.000Z',
        actor_ref: 'user:default/maria',
        kind: 'avslutad',
      };
      await knex('synpunkt_events').insert(history);

      await knex.migrate.up({ directory: MIGRATIONS, name: gallring });
      expect(await knex.schema.hasColumn('synpunkter', 'gallrad_at')).toBe(
        true,
      );
      expect(await knex.schema.hasTable('gallringslogg')).toBe(true);
      expect(
        await knex('synpunkter').select('id', 'description', 'gallrad_at'),
      ).toEqual([
        {
          id: FIXTURE_SYNPUNKTER[0].id,
          description: FIXTURE_SYNPUNKTER[0].description,
          gallrad_at: null,
        },
      ]);

      await knex.migrate.down({ directory: MIGRATIONS, name: gallring });
      expect(await knex.schema.hasColumn('synpunkter', 'gallrad_at')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('gallringslogg')).toBe(false);
      expect(await knex('synpunkter').select('id', 'description')).toEqual([
        {
          id: FIXTURE_SYNPUNKTER[0].id,
          description: FIXTURE_SYNPUNKTER[0].description,
        },
      ]);
      // SQLite drops a column by copying the table: its history must not cascade away.
      expect(
        await knex('synpunkt_events').select(
          'synpunkt_id',
          'at',
          'actor_ref',
          'kind',
        ),
      ).toEqual([history]);
    },
  );

  it.each(databases.eachSupportedId())(
    'mark pending, for their facts at closing dates, the kept synpunkter whose facts settled after a default closing date, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const rows = await withKeptFacts(
        knex,
        '20261124210000_report_facts_improvement_index.js',
        [
          ['2025-12-20', '2026-01-12'], // over a year's end
          ['2025-08-20', '2025-09-05'], // over the default delår's end
          ['2025-03-02', '2025-03-20'],
          ['2025-09-10', '2025-09-30'],
          ['2025-06-01', null], // never kept: always worked out
          ['2025-08-31', '2025-08-31'], // settled on the closing date itself
        ],
      );

      await knex.migrate.up({
        directory: MIGRATIONS,
        name: '20261125100000_report_facts_at_closing.js',
      });
      expect(
        (await knex('report_facts_pending').pluck('synpunkt_id')).sort(),
      ).toEqual([rows[0].id, rows[1].id, rows[4].id].sort());
    },
  );

  it.each(databases.eachSupportedId())(
    'mark pending the synpunkter kept without a settled date, to keep the reopened ones closed again, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const rows = await withKeptFacts(
        knex,
        '20261206120000_report_facts_interim.js',
        [
          ['2025-03-02', '2025-03-20'],
          ['2025-06-01', null], // reopened, say
          ['2025-09-10', '2025-09-30'],
        ],
      );
      // Already pending once: marked again, so the job removes it only after keeping it anew.
      await knex('report_facts_pending').insert({
        synpunkt_id: rows[1].id,
        generation: 3,
      });

      await knex.migrate.up({
        directory: MIGRATIONS,
        name: '20261207090000_report_facts_reopened.js',
      });
      expect(await knex('report_facts_pending').select()).toEqual([
        { synpunkt_id: rows[1].id, generation: 4 },
      ]);
    },
  );

  describe('for reports without a scope', () => {
    const ROOT = 'group:default/kommunen';
    /** Three kept facts, the first two rolled up: the first of a unit in the tree, the rest not. */
    async function rolledUpFacts(
      knex: import('knex').Knex,
      rootHasUnits: boolean,
    ) {
      const rows = await withKeptFacts(
        knex,
        '20261207120000_report_rollups.js',
        [
          ['2025-03-02', '2025-03-20'],
          ['2025-06-01', '2025-06-12'],
          ['2025-09-10', null],
        ],
      );
      const inTree = rows[0].unit_ref;
      await knex('org_unit_closure').insert([
        { ancestor_ref: inTree, descendant_ref: inTree, depth: 0 },
        ...(rootHasUnits
          ? [
              { ancestor_ref: ROOT, descendant_ref: ROOT, depth: 0 },
              { ancestor_ref: ROOT, descendant_ref: inTree, depth: 1 },
            ]
          : []),
      ]);
      await knex('report_facts')
        .update({ unit_ref: 'group:default/nedlagd-enhet' })
        .whereIn('synpunkt_id', [rows[1].id, rows[2].id]);
      await knex('report_facts')
        .whereIn('synpunkt_id', [rows[0].id, rows[1].id])
        .update({ rollup_month: knex.raw('substr(received_date, 1, 7)') });
      await knex('report_rollups').insert(
        [ROOT, inTree].map(node => ({
          node_ref: node,
          month: '2025-03',
          dim: 'all',
          k: '',
          v: -1,
          n: 1,
          ...Object.fromEntries(SUMMED.map(flag => [flag, 0])),
        })),
      );
      await knex.migrate.up({
        directory: MIGRATIONS,
        name: '20261207150000_report_rollups_inside_tree.js',
      });
      return rows;
    }
    const factsOf = (knex: import('knex').Knex) =>
      knex('report_facts')
        .orderBy('received_date')
        .select('synpunkt_id', 'rollup_month');

    it.each(databases.eachSupportedId())(
      'mark as not rolled up the kept facts of units outside the tree, and only those, on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const rows = await rolledUpFacts(knex, true);
        expect(await factsOf(knex)).toEqual([
          { synpunkt_id: rows[0].id, rollup_month: '2025-03' },
          { synpunkt_id: rows[1].id, rollup_month: null },
          { synpunkt_id: rows[2].id, rollup_month: null },
        ]);
        expect(await knex('report_facts_pending').select()).toEqual([]);
        expect(await knex('report_rollups')).toHaveLength(2);
      },
    );

    it.each(databases.eachSupportedId())(
      'roll everything up again when a root has no units below it, which has no roll-ups by the breakdowns, on %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        const rows = await rolledUpFacts(knex, false);
        expect(await factsOf(knex)).toEqual([
          { synpunkt_id: rows[0].id, rollup_month: null },
          { synpunkt_id: rows[1].id, rollup_month: null },
          { synpunkt_id: rows[2].id, rollup_month: null },
        ]);
        expect(
          await knex('report_facts_pending').select(
            'synpunkt_id',
            'generation',
          ),
        ).toEqual([{ synpunkt_id: rows[0].id, generation: 1 }]);
        expect(await knex('report_rollups')).toEqual([]);
      },
    );
  });

  it.each(databases.eachSupportedId())(
    'are not run when migrations.skip is set, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: true },
      });

      await applyMigrations(database, knex);

      expect(await existingTables(knex)).toEqual([]);
    },
  );
});
