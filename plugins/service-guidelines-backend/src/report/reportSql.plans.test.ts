import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { configuredDatabaseIds } from '../__testUtils__/databases';
import { applyMigrations } from '../database';
import {
  figuresSql,
  improvementsSql,
  keepFactsAtClosingSql,
  keepFactsSql,
  rollupDeltaSql,
} from './reportSql';
import { tuneReportTransaction } from './ReportStore';

/** A migrated SQLite database of its own for the describe block that calls this. */
function migratedSqlite(): () => Knex {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    await applyMigrations({ getClient: async () => knex }, knex);
  });
  return () => knex;
}

/** The steps of SQLite's plan for the query with named bindings. */
async function planOf(
  knex: Knex,
  sql: string,
  bindings: Record<string, unknown>,
): Promise<string[]> {
  const native = knex
    .raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.ValueDict)
    .toSQL()
    .toNative();
  const rows: Array<{ detail: string }> = await knex.raw(
    native.sql,
    native.bindings as Knex.RawBinding[],
  );
  return rows.map(r => r.detail);
}

/** The bindings of a period that is the helår `year`, ended. */
const period = (prefix: 'cur' | 'prev', year: number) => ({
  [`${prefix}From`]: `${year}-01-01`,
  [`${prefix}To`]: `${year}-12-31`,
  [`${prefix}State`]: `${year}-12-31`,
  [`${prefix}Cutoff`]: `${year}-12-31`,
  [`${prefix}Instant`]: `${year + 1}-01-01T00:00:00.000Z`,
});

/**
 * SQLite keeps no statistics, so its plans follow from the SQL and the indexes alone, the same on
 * an empty database as on a million synpunkter. These hold the plans that keep a report's cost
 * to its kept facts' groupings plus the few synpunkter worked out in full: measured over a
 * million (bench/), a kommun-wide list of improvements went from 625 to 330 ms with them.
 */
describe('report SQL plans on SQLite', () => {
  const db = migratedSqlite();

  /**
   * A walk of every synpunkt or every kept fact, in any order; a walk of the partial index of
   * improvements reads only those.
   */
  const wholeTableScans = (plan: string[]) =>
    plan.filter(
      step =>
        /^SCAN (f|u|s|sp)( |$)/.test(step) &&
        !step.includes('report_facts_improvement_idx'),
    );

  it.each([true, false])(
    'lists improvements from the partial index and the unsettled facts from the settled index (scoped: %p)',
    async scoped => {
      const plan = await planOf(
        db(),
        improvementsSql('sqlite', scoped, false),
        {
          ...period('cur', 2025),
          scope: 'group:default/kommun',
          limit: 50,
        },
      );

      // Searched by unit when scoped, else walked whole: it holds the improvements alone.
      expect(plan).toContainEqual(
        expect.stringMatching(
          /^(SEARCH|SCAN) f USING COVERING INDEX report_facts_improvement_idx/,
        ),
      );
      expect(plan).toContainEqual(
        expect.stringMatching(
          /^SEARCH u USING (COVERING )?INDEX report_facts_settled_idx/,
        ),
      );
      expect(wholeTableScans(plan)).toEqual([]);
    },
  );

  it('lists every improvement (an export) without the partial index', async () => {
    const plan = await planOf(
      db(),
      improvementsSql('sqlite', true, false, false),
      {
        ...period('cur', 2025),
        scope: 'group:default/kommun',
      },
    );

    // The kept improvements are read by unit from another index; only the few unsettled ones
    // may come through the partial index.
    expect(plan).not.toContainEqual(
      expect.stringMatching(
        /^SEARCH f USING COVERING INDEX report_facts_improvement_idx \(unit_ref=/,
      ),
    );
    expect(wholeTableScans(plan)).toEqual([]);
  });

  it('finds the unsettled facts of both periods from the settled index, the pending ones by id', async () => {
    const plan = await planOf(db(), figuresSql('sqlite', true), {
      ...period('cur', 2025),
      ...period('prev', 2024),
      scope: 'group:default/kommun',
    });

    expect(
      plan.filter(step => step.includes('report_facts_settled_idx')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(plan).toContainEqual(
      expect.stringContaining('SEARCH sp USING INDEX sqlite_autoindex'),
    );
    expect(wholeTableScans(plan)).toEqual([]);
  });

  it.each([
    ['a scope', true],
    ['no scope (the roots of the tree)', false],
  ])(
    'reads the kept facts beside the roll-ups by their month rolled up, and the roll-ups by their key, for %s',
    async (_, scoped) => {
      const plan = await planOf(db(), figuresSql('sqlite', scoped, true), {
        ...period('cur', 2025),
        ...period('prev', 2024),
        ...(scoped ? { scope: 'group:default/kommun' } : {}),
        curRollFrom: '2025-01',
        curRollTo: '2025-11',
        prevRollFrom: '2024-01',
        prevRollTo: '2024-11',
      });

      // Only the facts not rolled up for the period, not a walk of the grouping indexes.
      expect(
        plan.filter(step =>
          /^(SEARCH|SCAN) f USING INDEX report_facts_rollup_idx/.test(step),
        ).length,
      ).toBeGreaterThanOrEqual(2);
      expect(plan).not.toContainEqual(
        expect.stringMatching(/report_facts_by_(unit|month)_idx/),
      );
      expect(
        plan.filter(step =>
          /^SEARCH r USING PRIMARY KEY \(node_ref=\? AND month>\? AND month<\?\)/.test(
            step,
          ),
        ).length,
      ).toBeGreaterThanOrEqual(2);
      expect(wholeTableScans(plan)).toEqual([]);
    },
  );
});

// A database of its own: one of these tests gives SQLite statistics, which the plans above
// are written without.
describe('the SQL that keeps report facts, on SQLite', () => {
  const db = migratedSqlite();
  const keepPlan = () =>
    planOf(db(), keepFactsSql('sqlite'), { first: 'a', last: 'b' });

  const drivenByThePendingRange = [
    expect.stringMatching(
      /^SEARCH q USING COVERING INDEX sqlite_autoindex_report_facts_pending_1 \(synpunkt_id>\? AND synpunkt_id<\?\)/,
    ),
    expect.stringMatching(
      /^SEARCH s USING INDEX sqlite_autoindex_synpunkter_1 \(id=\?\)/,
    ),
  ];

  it('reads the pending range, then each synpunkt by its id', async () => {
    expect(await keepPlan()).toEqual(
      expect.arrayContaining(drivenByThePendingRange),
    );
  });

  it.each([1, -1] as const)(
    'moves the roll-ups by the facts of the pending range, each read by its id (sign %p)',
    async sign => {
      const plan = await planOf(db(), rollupDeltaSql(sign), {
        first: 'a',
        last: 'b',
      });
      expect(plan).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^SEARCH q USING COVERING INDEX sqlite_autoindex_report_facts_pending_1 \(synpunkt_id>\? AND synpunkt_id<\?\)/,
          ),
          expect.stringMatching(
            /^SEARCH f USING INDEX sqlite_autoindex_report_facts_1 \(synpunkt_id=\?\)/,
          ),
        ]),
      );
      // Neither every kept fact nor the organisation's every pair.
      expect(plan.filter(step => /^SCAN (f|c)( |$)/.test(step))).toEqual([]);
    },
  );

  it("keeps the facts at closing dates reading each candidate's days by their range on the calendar", async () => {
    const plan = await planOf(db(), keepFactsAtClosingSql('sqlite', 2), {
      first: 'a',
      last: 'b',
      closing0: '12-31',
      closing1: '08-31',
    });
    expect(plan).toEqual(
      expect.arrayContaining([
        ...drivenByThePendingRange,
        'SEARCH d USING COVERING INDEX sqlite_autoindex_report_calendar_1 (day>? AND day<?)',
      ]),
    );
    // Not the calendar's every day (to 2100) for each batch.
    expect(plan.filter(step => step.startsWith('SCAN d USING'))).toEqual([]);
  });

  it('does so too when ANALYZE has given SQLite statistics', async () => {
    // Many synpunkter sharing each återkoppling deadline, all pending, as after a bulk load:
    // with their statistics SQLite skip-scanned the deadline index for the id range instead.
    await db().raw(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO synpunkter (id, registration_number, registration_year,
        registration_sequence, type, channel, received_at, received_date, arrival_date,
        registered_at, registered_by, unit_ref, area, anonymous, status, updated_at,
        aterkoppling_due)
      SELECT lower(hex(randomblob(16))), 'S-' || i, 2025, i, 'klagomal', 'epost',
        '2025-01-01T08:00:00.000Z', '2025-01-01', '2025-01-01', '2025-01-01T08:00:00.000Z',
        'user:default/x', 'group:default/skolan', 'utbildning', 0, 'registrerad',
        '2025-01-01T08:00:00.000Z', date('2025-01-01', '+' || (i % 25) || ' days')
      FROM n`);
    await db().raw('ANALYZE');
    expect(await keepPlan()).toEqual(
      expect.arrayContaining(drivenByThePendingRange),
    );
  });
});

const postgresIds = configuredDatabaseIds().filter(id =>
  id.startsWith('POSTGRES'),
);

/**
 * The nodes of PostgreSQL's plan that read the kept facts for the unsettled ones, each its first
 * line with the lines that belong to it (its conditions, up to the next node).
 */
function unsettledFactsReads(plan: string[]): string[][] {
  return planNodes(plan).filter(([first]) =>
    / on report_facts u(_\d+)?$/.test(first),
  );
}

/** The nodes of PostgreSQL's plan, each its first line with the lines that belong to it. */
function planNodes(plan: string[]): string[][] {
  const nodes: string[][] = [];
  for (const line of plan) {
    if (line.startsWith('->') || nodes.length === 0) nodes.push([line]);
    else nodes[nodes.length - 1].push(line);
  }
  return nodes;
}

/**
 * Kept facts spread as a registry's are, over five years and forty units, with their statistics:
 * PostgreSQL plans by those, so an empty test database would not show the plan of a real one.
 * A nämnd (group:default/namnd) leads ten of the units.
 */
async function spreadKeptFacts(knex: Knex) {
  await knex.raw(`
    INSERT INTO synpunkter (id, registration_number, registration_year,
      registration_sequence, type, channel, received_at, received_date, arrival_date,
      registered_at, registered_by, unit_ref, area, anonymous, status, updated_at)
    SELECT md5(i::text), 'S-' || i, 2021 + i / 16000, i, 'klagomal', 'epost',
      d || 'T08:00:00.000Z', d, d, d || 'T08:00:00.000Z', 'user:default/x',
      'group:default/enhet-' || (i % 40), 'bemotande', false, 'avslutad',
      d || 'T08:00:00.000Z'
    FROM (SELECT i, to_char(date '2021-01-01' + i / 44, 'YYYY-MM-DD') AS d
      FROM generate_series(1, 80000) i) x`);
  // Settled within a month of receipt, one in two hundred never (reopened).
  await knex.raw(`
    INSERT INTO report_facts (synpunkt_id, received_date, unit_ref, type, channel, area,
      settled_date, anon, fs_itid, fs_sent, fs_pag, ak_itid, ak_sent, ak_pag, open_end,
      forsenad, improvement, ak_workdays)
    SELECT id, received_date, unit_ref, type, channel, area,
      CASE WHEN registration_sequence % 200 = 0 THEN NULL
        ELSE to_char(received_date::date + registration_sequence % 30, 'YYYY-MM-DD') END,
      0, 1, 0, 0, 1, 0, 0, 0, 0, 0, registration_sequence % 15
    FROM synpunkter`);
  await knex('report_facts_pending').delete();
  await knex.raw(`
    INSERT INTO org_unit_closure (ancestor_ref, descendant_ref, depth)
    SELECT 'group:default/namnd', 'group:default/enhet-' || i, 1
    FROM generate_series(0, 9) i`);
  await knex.raw('VACUUM ANALYZE');
}

/** PostgreSQL's plan of a scoped report's figures with these bindings, a line each, trimmed. */
async function figuresPlan(
  knex: Knex,
  bindings: Record<string, string>,
): Promise<string[]> {
  const result: { rows: Array<{ 'QUERY PLAN': string }> } = await knex.raw(
    `EXPLAIN (COSTS OFF) ${figuresSql('pg', true)}`,
    bindings,
  );
  return result.rows.map(row => row['QUERY PLAN'].trim());
}

if (postgresIds.length > 0) {
  describe.each(postgresIds)('report SQL plans on %p', databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });

    /** A migrated database of its own, with the kept facts of {@link spreadKeptFacts}. */
    async function withSpreadKeptFacts(): Promise<Knex> {
      const knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      await spreadKeptFacts(knex);
      return knex;
    }

    it("reads a scoped report's unsettled facts of each period by a range of an index, never every kept fact", async () => {
      const knex = await withSpreadKeptFacts();
      const plan = await figuresPlan(knex, {
        ...period('cur', 2025),
        ...period('prev', 2024),
        scope: 'group:default/namnd',
      });
      // The facts the report works out in full are looked for among the unsettled ones, never
      // settled or settled after the cutoff: each kind read from the settled index by its range,
      // or by the units' months of the period from the month index, whichever PostgreSQL finds
      // fewer; never every kept fact.
      const unsettledReads = unsettledFactsReads(plan);
      expect(unsettledReads).toHaveLength(4);
      const narrowed = unsettledReads.map(([first, ...conditions]) => {
        const indexCondition =
          conditions.find(line => line.startsWith('Index Cond:')) ?? '';
        if (/using report_facts_settled_idx on/.test(first)) {
          return /^Index Cond: \(\(?settled_date/.test(indexCondition)
            ? 'a range of settled dates'
            : indexCondition;
        }
        return /using report_facts_by_month_idx on/.test(first) &&
          indexCondition.includes('unit_ref = ANY') &&
          indexCondition.includes('substr((received_date)::text, 1, 7)')
          ? "the units' months"
          : `${first} ${indexCondition}`;
      });
      expect(
        narrowed.filter(
          read =>
            read !== 'a range of settled dates' && read !== "the units' months",
        ),
      ).toEqual([]);
    }, 60_000);

    it('reads the unsettled facts of a kommun-wide report over all its years from the settled index alone', async () => {
      const knex = await withSpreadKeptFacts();
      await knex.raw(`
        INSERT INTO org_unit_closure (ancestor_ref, descendant_ref, depth)
        SELECT 'group:default/kommun', 'group:default/enhet-' || i, 2
        FROM generate_series(0, 39) i`);
      await knex.raw('ANALYZE org_unit_closure');
      const plan = await figuresPlan(knex, {
        curFrom: '2021-01-01',
        curTo: '2025-12-31',
        curState: '2025-12-31',
        curCutoff: '2025-12-30',
        curInstant: '2026-01-01T00:00:00.000Z',
        ...period('prev', 2020),
        scope: 'group:default/kommun',
      });
      const ofTheFiveYears = unsettledFactsReads(plan).filter(node =>
        node.join(' ').includes("'2021-01-01'"),
      );
      expect(ofTheFiveYears).toHaveLength(2);
      // Not every kept fact of the five years by their units' months: the few unsettled ones.
      for (const [first] of ofTheFiveYears) {
        expect(first).toMatch(/using report_facts_settled_idx on report_facts/);
      }
    }, 60_000);

    it('plans a report in one process, without parallel workers, even where they look cheap', async () => {
      const knex = await withSpreadKeptFacts();
      const parallelNodes = (tuned: boolean) =>
        knex.transaction(async tx => {
          // Parallel plans made as cheap as a far larger table would make them.
          await tx.raw('SET LOCAL parallel_setup_cost = 0');
          await tx.raw('SET LOCAL parallel_tuple_cost = 0');
          await tx.raw('SET LOCAL min_parallel_table_scan_size = 0');
          await tx.raw('SET LOCAL min_parallel_index_scan_size = 0');
          if (tuned) await tuneReportTransaction(tx);
          const plan = await figuresPlan(tx, {
            ...period('cur', 2025),
            ...period('prev', 2024),
            scope: 'group:default/namnd',
          });
          return plan.filter(line => /Gather|Parallel/.test(line));
        });
      // Not vacuous: untuned, PostgreSQL plans workers for it.
      expect((await parallelNodes(false)).length).toBeGreaterThan(0);
      expect(await parallelNodes(true)).toEqual([]);
    }, 60_000);

    it('reads only the interim facts received in each period, never all of them', async () => {
      const knex = await withSpreadKeptFacts();
      // The running ones of the last quarter have interim facts, as the facts job keeps them.
      await knex.raw(`
        INSERT INTO report_facts_interim (synpunkt_id, received_date, unit_ref, type, channel,
          area, settled_date, anon, fs_itid, fs_sent, fs_pag, ak_itid, ak_sent, ak_pag,
          open_end, forsenad, improvement, ak_workdays)
        SELECT synpunkt_id, received_date, unit_ref, type, channel, area, settled_date,
          0, 1, 0, 0, 0, 0, 1, 1, 0, 0, NULL
        FROM report_facts WHERE received_date >= '2025-10-01'`);
      await knex.raw('VACUUM ANALYZE');
      const plan = await figuresPlan(knex, {
        ...period('cur', 2023),
        ...period('prev', 2022),
        scope: 'group:default/namnd',
      });
      const interimReads = planNodes(plan).filter(([first]) =>
        / on report_facts_interim i(_\d+)?$/.test(first),
      );
      // Counted for each period, and left out of those worked out in full for each.
      expect(interimReads).toHaveLength(4);
      for (const node of interimReads) {
        expect(node.join('\n')).toContain('received_date');
      }
    }, 60_000);
  });
}
