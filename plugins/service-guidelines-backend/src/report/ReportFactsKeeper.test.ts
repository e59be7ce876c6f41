import {
  parseSvarstidConfig,
  WorkingDayCalendar,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { TestDatabases } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { KnexOrganisationStore } from '../database/OrganisationStore';
import { SqliteConnection } from '../database/sqliteStatements';
import { demoRegistry } from '../__testUtils__/demoRegistry';
import { loadReportFixture } from './__testUtils__/reportFixture';
import { syncReportCalendar } from './ReportCalendarStore';
import { ReportFactsKeeper } from './ReportFactsKeeper';
import { FigureRow, ReportSelection, ReportStore } from './ReportStore';
import { endInstantOf } from './period';
import { rolledUpMonths } from './rolledUpMonths';
import { PeriodBounds } from './reportSql';

jest.setTimeout(300_000);

const NOW = new Date('2026-11-24T10:00:00Z');

const dayBefore = (date: string) =>
  DateTime.fromISO(date).minus({ days: 1 }).toISODate()!;

/** A period as a report reads it: ended (cutoff its last day) or running (cutoff the day before). */
function bounds(from: string, to: string, running: boolean): PeriodBounds {
  return {
    from,
    to,
    stateDate: to,
    cutoff: running ? dayBefore(to) : to,
    endInstant: endInstantOf(to),
  };
}

/** Periods that end on the last day of every month of the data, ended and running, and a year earlier. */
function selections(scopes: Array<string | null>): ReportSelection[] {
  const result: ReportSelection[] = [];
  let end = DateTime.fromISO('2025-01-31');
  while (end.toISODate()! <= '2026-11-30') {
    const to = end.toISODate()!;
    const from = end.startOf('year').toISODate()!;
    for (const running of [false, true]) {
      for (const scopeUnitRef of scopes) {
        result.push({
          scopeUnitRef,
          current: bounds(from, to, running),
          previous: bounds(
            end.minus({ years: 1 }).startOf('year').toISODate()!,
            end.minus({ years: 1 }).toISODate()!,
            false,
          ),
        });
      }
    }
    end = end.plus({ months: 1 }).endOf('month');
  }
  return result;
}

/**
 * Periods of the year so far that end on each day from a week before `day` to three weeks after
 * it, ended and running: those whose deadlines the interim facts kept on `day` may cover.
 */
function selectionsAround(
  day: Date,
  scopeUnitRef: string | null = null,
): ReportSelection[] {
  const result: ReportSelection[] = [];
  const today = DateTime.fromJSDate(day, { zone: 'Europe/Stockholm' }).startOf(
    'day',
  );
  for (let offset = -7; offset <= 21; offset++) {
    const end = today.plus({ days: offset });
    const to = end.toISODate()!;
    for (const running of [false, true]) {
      result.push({
        scopeUnitRef,
        current: bounds(end.startOf('year').toISODate()!, to, running),
        previous: bounds(
          end.minus({ years: 1 }).startOf('year').toISODate()!,
          end.minus({ years: 1 }).toISODate()!,
          false,
        ),
      });
    }
  }
  return result;
}

/** How many interim facts hold for the selection's current period, as the report SQL says. */
async function interimHeld(knex: Knex, selection: ReportSelection) {
  const { from, to, stateDate, cutoff } = selection.current;
  const [row] = await knex('report_facts_interim')
    .whereBetween('received_date', [from, to])
    .where(q =>
      q.whereNull('settled_date').orWhere('settled_date', '>', cutoff),
    )
    .where(q =>
      q.whereNull('state_from').orWhere('state_from', '<=', stateDate),
    )
    .where(q => q.whereNull('cutoff_from').orWhere('cutoff_from', '<=', cutoff))
    .where(q =>
      q.whereNull('cutoff_until').orWhere('cutoff_until', '>', cutoff),
    )
    .count<Array<{ n: number | string }>>({ n: '*' });
  return Number(row.n);
}

/** The figures of the current period's total among a report's rows, if it counts any. */
function currentTotal(rows: FigureRow[]) {
  return rows.find(
    r => r.period === 'current' && r.dimension === 'total' && r.key === 'all',
  )?.figures;
}

/** The SQL that `knex` sends from now on, until `stop`. */
function recordSql(knex: Knex) {
  const sent: string[] = [];
  const listen = (query: { sql: string }) => sent.push(query.sql);
  knex.on('query', listen);
  return { sent, stop: () => knex.off('query', listen) };
}

/**
 * Synpunkter still running at NOW, registered through the registry's service on each of the
 * three weeks' days before it: one by e-mail (första svar due in two arbetsdagar) and one by
 * telephone (första svar given as it is registered), nothing done with them since. Their
 * deadlines fall on every kind of day around NOW, where the interim facts' windows end.
 */
async function registerRunning(
  createService: Awaited<ReturnType<typeof demoRegistry>>['createService'],
) {
  let at = NOW;
  const service = createService(() => at);
  for (let daysBefore = 1; daysBefore <= 21; daysBefore++) {
    at = new Date(NOW.getTime() - daysBefore * 24 * 3600 * 1000);
    for (const channel of ['epost', 'telefon']) {
      await service.register(
        {
          type: 'klagomal',
          channel,
          unitRef: 'group:default/kontaktcenter',
          area: 'bemotande',
          description: 'Ingen återkom trots att det utlovades.',
          anonymous: false,
          contact: { name: 'Anna Andersson', email: 'anna@example.se' },
        },
        { userRef: 'user:default/erik.lindqvist' },
      );
    }
  }
}

/**
 * Reopens closed synpunkter of the registry through its service, some several times, most closed
 * again later with or without an improvement, a few left open: the history a report reads a
 * reopened synpunkt's state from. Every fourth closing led to an improvement that a later
 * closing does not repeat, so a period between the two lists it and a later one does not.
 */
async function reopenSome(
  knex: Knex,
  createService: Awaited<ReturnType<typeof demoRegistry>>['createService'],
) {
  const closed: Array<{ id: string; closed_date: string }> = await knex(
    'synpunkter',
  )
    .whereNotNull('closed_date')
    .whereNotNull('handlaggare_ref')
    .where('closed_date', '<', '2026-09-01')
    .orderBy('id')
    .limit(24)
    .select('id', 'closed_date');
  expect(closed).toHaveLength(24);
  const caller = {
    userRef: 'user:default/maria',
    read: 'all',
    personalData: 'all',
    handle: 'all',
  } as const;
  let at = NOW;
  const service = createService(() => at);
  const on = (day: string) => {
    at = new Date(`${day}T10:00:00Z`);
  };
  const version = async (id: string) =>
    Number((await knex('synpunkter').where({ id }).first('version')).version);
  for (const [i, { id, closed_date }] of closed.entries()) {
    let day = DateTime.fromISO(closed_date);
    for (let round = 0; round <= i % 3; round++) {
      day = day.plus({ days: 3 + (i % 5) * 4 });
      on(day.toISODate()!);
      await service.reopen(
        id,
        { version: await version(id), reason: 'Kunden hörde av sig igen' },
        caller,
      );
      // Every sixth stays open after its last reopening.
      if (i % 6 === 5 && round === i % 3) break;
      day = day.plus({ days: 2 + (i % 4) * 9 });
      on(day.toISODate()!);
      const improvement = i % 4 === 0 && round === 0;
      await service.close(
        id,
        {
          version: await version(id),
          outcome: 'Utrett igen',
          ledToImprovement: improvement,
          ...(improvement
            ? { improvementDescription: 'Rutinen för återkoppling ses över' }
            : {}),
        },
        caller,
      );
    }
  }
}

const sorted = (rows: FigureRow[]) =>
  [...rows].sort((a, b) =>
    `${a.period}|${a.dimension}|${a.key}`.localeCompare(
      `${b.period}|${b.dimension}|${b.key}`,
    ),
  );

/** The unit at the top of the organisation's tree: the kommun. */
async function rootUnit(knex: Knex): Promise<string> {
  const [root] = await knex('org_units')
    .whereNull('parent_ref')
    .pluck('unit_ref');
  return root;
}

/** How many kept facts the roll-ups sum, as the roll-ups themselves count them at the roots. */
async function rolledUpCount(knex: Knex): Promise<number> {
  const [row] = await knex('report_rollups')
    .whereIn(
      'node_ref',
      knex('org_units').whereNull('parent_ref').select('unit_ref'),
    )
    .where({ dim: 'all' })
    .sum<Array<{ n: number | string | null }>>({ n: 'n' });
  const [facts] = await knex('report_facts')
    .whereNotNull('rollup_month')
    .count<Array<{ n: number | string }>>({ n: '*' });
  expect(Number(row.n)).toBe(Number(facts.n));
  return Number(row.n);
}

async function keptCount(knex: Knex): Promise<number> {
  const [row] = await knex('report_facts')
    .whereNotNull('settled_date')
    .count<Array<{ n: number | string }>>({ n: '*' });
  return Number(row.n);
}

describe('ReportFactsKeeper', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let store: ReportStore;
    let keeper: ReportFactsKeeper;
    /** Today for the keeper's interim facts. */
    let now = NOW;
    /** The demo registry's working-day calendar, synced to the report calendar. */
    let demoCalendar: WorkingDayCalendar;

    /**
     * Every figure and the list of improvements of a selection. The list is read whole and page
     * by page, as the report's route reads it; both ways must give the same.
     */
    async function reportOf(selection: ReportSelection) {
      const improvements = [];
      for await (const improvement of store.allImprovements(selection, 7)) {
        improvements.push(improvement);
      }
      expect(await pagedImprovements(selection)).toEqual(improvements);
      return { figures: sorted(await store.figures(selection)), improvements };
    }

    /** The list of improvements read in pages of three, each after the last of the one before. */
    async function pagedImprovements(selection: ReportSelection) {
      const pages = [];
      let after: { unitTitle: string; id: string } | undefined;
      for (;;) {
        const page = await store.improvements(selection, { limit: 3, after });
        pages.push(...page);
        if (page.length < 3) return pages;
        const last = page[page.length - 1];
        after = { unitTitle: last.unitTitle, id: last.id };
      }
    }

    /** The report of each selection, one after another. */
    async function reportsOf(all: ReportSelection[]) {
      const reports = [];
      for (const selection of all) {
        reports.push(await reportOf(selection));
      }
      return reports;
    }

    /** The report of every selection, once worked out in full and once from the kept facts. */
    async function bothWays(all: ReportSelection[]) {
      await keeper.markAllPending();
      const workedOut = await reportsOf(all);
      await keeper.keepPending();
      expect(await keeper.pendingCount()).toBe(0);
      const fromKept = await reportsOf(all);
      // Not vacuous: the periods list improvements.
      expect(
        workedOut.reduce((n, r) => n + r.improvements.length, 0),
      ).toBeGreaterThan(0);
      return { workedOut, fromKept };
    }

    describe('on the demo registry (through the registry rules: pauses, reopenings, late ones)', () => {
      beforeAll(async () => {
        knex = await databases.init(databaseId);
        const { rules, seed, createService } = await demoRegistry(knex, NOW);
        await seed(400);
        await registerRunning(createService);
        await reopenSome(knex, createService);
        demoCalendar = rules.calendar;
        await syncReportCalendar(knex, demoCalendar);
        store = new ReportStore(knex);
        keeper = new ReportFactsKeeper(knex, {
          batchSize: 64,
          clock: () => now,
        });
      });

      it('gives every figure and improvement of every period exactly as working it out in full does', async () => {
        const kommun = await rootUnit(knex);
        const scopes: Array<string | null> = [
          null,
          kommun,
          ...(
            await knex('org_units').where({ type: 'nämnd' }).select('unit_ref')
          ).map(u => u.unit_ref as string),
        ];
        const all = [
          ...selections(scopes),
          ...selectionsAround(NOW),
          ...selectionsAround(NOW, kommun),
        ];
        const { workedOut, fromKept } = await bothWays(all);
        expect(fromKept).toEqual(workedOut);

        // Not vacuous: most kept facts are rolled up, and most scoped periods read roll-ups.
        expect(await rolledUpCount(knex)).toBeGreaterThan(300);
        expect(
          all.filter(sel => sel.scopeUnitRef && rolledUpMonths(sel.current))
            .length,
        ).toBeGreaterThan(40);

        // Not vacuous: some listed improvements are of synpunkter whose facts settle only after
        // the period's cutoff (closed before a deadline ran out), which reports work out in full.
        let unsettledImprovements = 0;
        for (const [i, selection] of all.entries()) {
          const ids = fromKept[i].improvements.map(r => r.id);
          unsettledImprovements += Number(
            (
              await knex('report_facts')
                .whereIn('synpunkt_id', ids)
                .where('settled_date', '>', selection.current.cutoff)
                .count<Array<{ n: number | string }>>({ n: '*' })
            )[0].n,
          );
        }
        expect(unsettledImprovements).toBeGreaterThan(0);

        // Not vacuous: some are kept as they stood at the end of a helår and of a delår, which
        // the periods ending on those days read instead of working them out.
        const closings = await knex('report_facts_at_closing')
          .select('closing_date')
          .count<Array<{ closing_date: string; n: number | string }>>({
            n: '*',
          })
          .groupBy('closing_date')
          .orderBy('closing_date');
        expect(closings.map(c => c.closing_date)).toEqual(
          expect.arrayContaining(['2025-08-31', '2025-12-31', '2026-08-31']),
        );

        // Not vacuous: some synpunkter still running are read from their interim facts by the
        // reports running today and in the days after.
        const runningToday = selectionsAround(NOW).filter(
          sel =>
            sel.current.to === '2026-11-24' &&
            sel.current.cutoff === '2026-11-23',
        );
        expect(runningToday).toHaveLength(1);
        expect(await interimHeld(knex, runningToday[0])).toBeGreaterThan(20);

        // Not vacuous: pauses are there, and most synpunkter are kept with a settled date.
        const [paused] = await knex('synpunkt_pauses').count({ n: '*' });
        expect(Number(paused.n)).toBeGreaterThan(0);
        expect(await keptCount(knex)).toBeGreaterThan(300);

        // Not vacuous: reopened synpunkter closed again are read from their kept facts, those
        // still open are worked out; and some periods list an improvement of a closing that a
        // later one undid, which their kept facts do not say.
        const reopenedIds = knex('synpunkt_events')
          .where({ kind: 'ateroppnad' })
          .select('synpunkt_id');
        const reopenedKept = await knex('report_facts')
          .whereIn('synpunkt_id', reopenedIds)
          .select('synpunkt_id', 'settled_date', 'improvement');
        expect(reopenedKept.filter(f => f.settled_date !== null)).toHaveLength(
          20,
        );
        expect(reopenedKept.filter(f => f.settled_date === null)).toHaveLength(
          4,
        );
        const undone = new Set(
          reopenedKept
            .filter(f => Number(f.improvement) === 0)
            .map(f => f.synpunkt_id),
        );
        expect(
          fromKept.some(report =>
            report.improvements.some(r => undone.has(r.id)),
          ),
        ).toBe(true);
      });

      it('leaves out of the roll-ups what a pending synpunkt was kept with, and works it out in full', async () => {
        const kommun = await rootUnit(knex);
        const all = selections([kommun]);
        const { workedOut } = await bothWays(all);
        // Marked pending as a write marks them, without changing them: the figures stay.
        const ids = (
          await knex('report_facts')
            .whereNotNull('rollup_month')
            .orderBy('synpunkt_id')
            .pluck('synpunkt_id')
        ).filter((_, i) => i % 3 === 0);
        expect(ids.length).toBeGreaterThan(100);
        await knex.batchInsert(
          'report_facts_pending',
          ids.map(id => ({ synpunkt_id: id, generation: 1 })),
          100,
        );
        const withPending = await reportsOf(all);
        expect(withPending).toEqual(workedOut);
        await keeper.keepPending();
      });

      it('rolls the facts up again under a changed tree, and reads them one by one until then', async () => {
        await keeper.keepPending();
        const organisation = new KnexOrganisationStore(knex);
        const units = await organisation.listUnits();
        const nämnder = units.filter(u => u.type === 'nämnd');
        const ancestorsOf = async (unitRef: string) =>
          knex('org_unit_closure')
            .where({ descendant_ref: unitRef })
            .pluck('ancestor_ref');
        // The enhet with the most synpunkter moves to another nämnd.
        const [{ unit_ref: moved }] = await knex('report_facts')
          .groupBy('unit_ref')
          .orderByRaw('count(*) desc')
          .select('unit_ref')
          .limit(1);
        const fromNämnd = (await ancestorsOf(moved)).find(ref =>
          nämnder.some(n => n.unitRef === ref),
        )!;
        expect(fromNämnd).toBeDefined();
        const toNämnd = nämnder.find(n => n.unitRef !== fromNämnd)!.unitRef;
        const scopes = [await rootUnit(knex), fromNämnd, toNämnd];
        const all = selections(scopes);
        const before = await reportsOf(all);
        try {
          await organisation.replaceAll(
            units.map(u =>
              u.unitRef === moved ? { ...u, parentRef: toNämnd } : u,
            ),
          );
          expect(await knex('report_rollups')).toEqual([]);
          expect(await keeper.pendingCount()).toBeGreaterThan(300);
          const meanwhile = await reportsOf(all);
          const { workedOut, fromKept } = await bothWays(all);
          expect(meanwhile).toEqual(workedOut);
          expect(fromKept).toEqual(workedOut);
          expect(await rolledUpCount(knex)).toBeGreaterThan(300);
          // Not vacuous: the nämnder's figures moved with the enhet.
          expect(workedOut).not.toEqual(before);
        } finally {
          await organisation.replaceAll(units);
          await keeper.keepPending();
        }
      });

      it.each([
        ['leaves the catalog: its facts are read one by one', 'gone'],
        [
          'loses its parent: a root of its own, rolled up by the breakdowns',
          'root',
        ],
      ] as const)(
        'reads the roll-ups of the tree in a report without a scope when an enhet %s',
        async (_, change) => {
          await keeper.keepPending();
          const organisation = new KnexOrganisationStore(knex);
          const units = await organisation.listUnits();
          const parents = new Set(units.map(u => u.parentRef));
          // The enhet with the most synpunkter; its synpunkter stay.
          const [{ unit_ref: enhet }] = await knex('report_facts')
            .whereNotIn('unit_ref', [...parents].filter(Boolean) as string[])
            .groupBy('unit_ref')
            .orderByRaw('count(*) desc')
            .select('unit_ref')
            .limit(1);
          const all = selections([null, await rootUnit(knex)]);
          const recording = recordSql(knex);
          try {
            await organisation.replaceAll(
              change === 'gone'
                ? units.filter(u => u.unitRef !== enhet)
                : units.map(u =>
                    u.unitRef === enhet ? { ...u, parentRef: undefined } : u,
                  ),
            );
            const { workedOut, fromKept } = await bothWays(all);
            recording.sent.length = 0;
            expect(await reportsOf(all)).toEqual(workedOut);
            expect(fromKept).toEqual(workedOut);
            // Not vacuous: its facts are kept, rolled up only inside the tree, and count in
            // the kommun's reports no longer, in those without a scope still.
            const facts = await knex('report_facts').where({ unit_ref: enhet });
            expect(
              facts.filter(f => f.settled_date !== null).length,
            ).toBeGreaterThan(10);
            const rolledUp = facts.filter(f => f.rollup_month !== null).length;
            const itsBreakdowns = await knex('report_rollups')
              .where({ node_ref: enhet })
              .whereNot({ dim: 'all' });
            // Rolled up, and by the breakdowns as a root, only while in the tree.
            expect({
              rolledUp: rolledUp > 0,
              byBreakdowns: itsBreakdowns.length > 0,
            }).toEqual({
              rolledUp: change === 'root',
              byBreakdowns: change === 'root',
            });
            const totalOf = (report: (typeof workedOut)[number]) =>
              currentTotal(report.figures);
            const withoutScope = workedOut.filter((__, i) => i % 2 === 0);
            const ofTheKommun = workedOut.filter((__, i) => i % 2 === 1);
            expect(withoutScope.map(totalOf)).not.toEqual(
              ofTheKommun.map(totalOf),
            );
            // Not vacuous: reports without a scope read the roll-ups.
            expect(await rolledUpCount(knex)).toBeGreaterThan(200);
            expect(
              recording.sent.filter(
                sql =>
                  sql.includes('FROM report_rollups') &&
                  sql.includes('FROM org_unit_closure WHERE depth = 0'),
              ).length,
            ).toBeGreaterThan(20);
          } finally {
            recording.stop();
            await organisation.replaceAll(units);
            await keeper.keepPending();
          }
        },
      );

      it('keeps the roll-ups when the tree is synced unchanged', async () => {
        await keeper.keepPending();
        const organisation = new KnexOrganisationStore(knex);
        const rolledUp = await rolledUpCount(knex);
        await organisation.replaceAll(await organisation.listUnits());
        expect(await keeper.pendingCount()).toBe(0);
        expect(await rolledUpCount(knex)).toBe(rolledUp);
      });

      it('lists the improvements of units of one title merged by id, whole and page by page', async () => {
        await keeper.keepPending();
        const kommun = await rootUnit(knex);
        const twoUnits = (
          await knex('report_facts')
            .where({ improvement: 1 })
            .groupBy('unit_ref')
            .orderByRaw('COUNT(*) DESC')
            .limit(2)
            .select('unit_ref')
        ).map(row => row.unit_ref as string);
        expect(twoUnits).toHaveLength(2);
        const titles = await knex('org_units')
          .whereIn('unit_ref', twoUnits)
          .select('unit_ref', 'title');
        await knex('org_units')
          .whereIn('unit_ref', twoUnits)
          .update({ title: 'Enheten med samma namn' });
        try {
          // reportOf reads each list page by page as well, and compares.
          const reports = await reportsOf(selections([kommun]));
          // Not vacuous: within the shared title the list goes from one unit to the other and
          // back, as the ids fall.
          const switches = reports.map(
            ({ improvements }) =>
              improvements
                .filter(r => r.unitTitle === 'Enheten med samma namn')
                .filter(
                  (r, i, same) => i > 0 && same[i - 1].unitRef !== r.unitRef,
                ).length,
          );
          expect(Math.max(...switches)).toBeGreaterThan(1);
        } finally {
          for (const { unit_ref, title } of titles) {
            await knex('org_units').where({ unit_ref }).update({ title });
          }
        }
      });

      it('vacuums the facts tables and refreshes their statistics after keeping many at once, on PostgreSQL only', async () => {
        const { sent, stop } = recordSql(knex);
        try {
          const analyzed = () => sent.filter(sql => /^vacuum/i.test(sql));
          const many = new ReportFactsKeeper(knex, { analyzeAfter: 100 });
          await many.keepPending();
          sent.length = 0;
          // Fewer than the threshold: no VACUUM.
          await knex('report_facts_pending').insert(
            (
              await knex('synpunkter').limit(99).pluck('id')
            ).map(id => ({
              synpunkt_id: id,
              generation: 1,
            })),
          );
          expect(await many.keepPending()).toEqual({ kept: 99 });
          expect(analyzed()).toEqual([]);
          const vacuumCounts = async (): Promise<number[]> =>
            databaseId === 'SQLITE_3'
              ? []
              : (
                  await knex.raw(
                    `SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'report_facts_pending'`,
                  )
                ).rows.map((row: { vacuum_count: string }) =>
                  Number(row.vacuum_count),
                );
          const [vacuumedBefore = 0] = await vacuumCounts();
          await many.markAllPending();
          expect((await many.keepPending()).kept).toBeGreaterThan(100);
          expect(analyzed()).toEqual(
            databaseId === 'SQLITE_3'
              ? []
              : [
                  'VACUUM (ANALYZE) report_facts, report_facts_at_closing, report_facts_interim, report_rollups, report_facts_pending',
                ],
          );
          // Done, not only sent: every table's manual vacuum count went up. (Its dead rows are
          // no witness: other connections report their deletes to the statistics a moment
          // later, and may do so after the VACUUM has.)
          expect((await vacuumCounts()).map(n => n - vacuumedBefore)).toEqual(
            databaseId === 'SQLITE_3' ? [] : [1],
          );
        } finally {
          stop();
        }
      });

      it('keeps interim facts again with their next window once a deadline of theirs has passed', async () => {
        await keeper.markAllPending();
        await keeper.keepPending();
        const later = new Date(NOW.getTime() + 10 * 24 * 3600 * 1000);
        const around = selectionsAround(later);
        try {
          now = later;
          // Not vacuous: ten days on, some windows kept on NOW have closed.
          const closed = await knex('report_facts_interim')
            .where('cutoff_until', '<=', '2026-12-03')
            .pluck('synpunkt_id');
          expect(closed.length).toBeGreaterThan(0);
          const fromStale = await reportsOf(around);
          await keeper.keepPending();
          // Kept again, each with a window still open or no longer interim (settled).
          expect(
            await knex('report_facts_interim')
              .whereIn('synpunkt_id', closed)
              .where('cutoff_until', '<=', '2026-12-03'),
          ).toEqual([]);
          const fromFresh = await reportsOf(around);
          const { workedOut, fromKept } = await bothWays(around);
          expect(fromStale).toEqual(workedOut);
          expect(fromFresh).toEqual(workedOut);
          expect(fromKept).toEqual(workedOut);
          const runningLater = around.find(
            sel =>
              sel.current.to === '2026-12-04' &&
              sel.current.cutoff === '2026-12-03',
          )!;
          expect(await interimHeld(knex, runningLater)).toBeGreaterThan(0);
        } finally {
          now = NOW;
        }
      });

      it('keeps interim facts right when a changed calendar has moved återkoppling deadlines off the rows', async () => {
        // Two more days off after NOW: the running synpunkter's återkoppling comes due later
        // by the calendar than the deadline their rows keep, computed when they were registered.
        const changed = parseSvarstidConfig({
          calendar: { extraNonWorkingDays: ['2026-11-26', '2026-11-27'] },
        }).calendar;
        try {
          await syncReportCalendar(knex, changed);
          const around = selectionsAround(NOW);
          const { workedOut, fromKept } = await bothWays(around);
          expect(fromKept).toEqual(workedOut);
          // Not vacuous: some have no settled facts (their row's deadline passed while the
          // calendar's had not), and reports running today read their interim facts.
          const unsettledRunning = await knex('report_facts_interim as i')
            .join('synpunkter as s', 's.id', 'i.synpunkt_id')
            .whereNull('i.settled_date')
            .where('i.cutoff_until', '>', knex.ref('s.aterkoppling_due'))
            .pluck('i.synpunkt_id');
          expect(unsettledRunning.length).toBeGreaterThan(0);
        } finally {
          await syncReportCalendar(knex, demoCalendar);
          await keeper.keepPending();
        }
      });

      it('reads the kept facts: a changed kept fact changes the report, until a write marks its synpunkt pending', async () => {
        await keeper.keepPending();
        const selection = selections([null]).at(-1)!;
        const before = await store.figures(selection);
        const total = (rows: FigureRow[]) => currentTotal(rows)!;
        // One the roll-ups do not sum, which the report reads one by one.
        const victim = await knex('report_facts')
          .whereNotNull('settled_date')
          .whereNull('rollup_month')
          .where('received_date', '>=', selection.current.from)
          .where('settled_date', '<=', selection.current.cutoff)
          .where({ anon: 0 })
          .first();
        await knex('report_facts')
          .where({ synpunkt_id: victim.synpunkt_id })
          .update({ anon: 1 });
        expect(total(await store.figures(selection)).anonyma).toBe(
          total(before).anonyma + 1,
        );

        // Any write to the synpunkt (here its area) makes the report work it out again.
        await knex('synpunkter')
          .where({ id: victim.synpunkt_id })
          .update({ area: 'ovrigt' });
        expect(
          await knex('report_facts_pending').where({
            synpunkt_id: victim.synpunkt_id,
          }),
        ).toHaveLength(1);
        expect(total(await store.figures(selection)).anonyma).toBe(
          total(before).anonyma,
        );
        await keeper.keepPending();
        expect(
          await knex('report_facts')
            .where({ synpunkt_id: victim.synpunkt_id })
            .first(),
        ).toMatchObject({ anon: 0, area: 'ovrigt' });
      });

      it('reads the facts kept at a closing date for a period that ended on it, until a write marks the synpunkt pending', async () => {
        await keeper.keepPending();
        const helar2025 = {
          scopeUnitRef: null,
          current: bounds('2025-01-01', '2025-12-31', false),
          previous: bounds('2024-01-01', '2024-12-31', false),
        };
        const total = async (selection: ReportSelection) =>
          currentTotal(await store.figures(selection))!;
        const before = await total(helar2025);
        const victim = await knex('report_facts_at_closing')
          .where({ closing_date: '2025-12-31', anon: 0 })
          .first();
        // Its kept facts settled after the year ended: only the closing's facts count for it.
        expect(
          await knex('report_facts')
            .where({ synpunkt_id: victim.synpunkt_id })
            .first(),
        ).toMatchObject({ settled_date: expect.stringMatching(/^2026-/) });
        await knex('report_facts_at_closing')
          .where({
            synpunkt_id: victim.synpunkt_id,
            closing_date: '2025-12-31',
          })
          .update({ anon: 1 });
        expect((await total(helar2025)).anonyma).toBe(before.anonyma + 1);
        // A period running on that day reads its state today: the closing's facts are not its.
        const running = {
          ...helar2025,
          current: bounds('2025-01-01', '2025-12-31', true),
        };
        const runningTotal = await total(running);
        await knex('report_facts_at_closing')
          .where({
            synpunkt_id: victim.synpunkt_id,
            closing_date: '2025-12-31',
          })
          .update({ anon: 0 });
        expect(await total(running)).toEqual(runningTotal);
        await knex('report_facts_at_closing')
          .where({
            synpunkt_id: victim.synpunkt_id,
            closing_date: '2025-12-31',
          })
          .update({ anon: 1 });

        await knex('synpunkter')
          .where({ id: victim.synpunkt_id })
          .update({ area: 'ovrigt' });
        expect((await total(helar2025)).anonyma).toBe(before.anonyma);
        await keeper.keepPending();
        expect(
          await knex('report_facts_at_closing')
            .where({
              synpunkt_id: victim.synpunkt_id,
              closing_date: '2025-12-31',
            })
            .first(),
        ).toMatchObject({ anon: 0, area: 'ovrigt' });
      });

      it('marks a synpunkt pending on every kind of write its facts depend on', async () => {
        await keeper.keepPending();
        const { id } = await knex('synpunkter').first('id');
        const pending = async () =>
          (await knex('report_facts_pending').where({ synpunkt_id: id }))
            .length;
        const writes: Array<() => Promise<unknown>> = [
          () =>
            knex('synpunkter')
              .where({ id })
              .update({ closed_date: '2026-11-20' }),
          () =>
            knex('synpunkt_pauses').insert({
              synpunkt_id: id,
              from_date: '2026-11-01',
              to_date: null,
              reason: 'test',
              paused_by: 'user:default/maria',
            }),
          () =>
            knex('synpunkt_pauses')
              .where({ synpunkt_id: id, reason: 'test' })
              .update({ to_date: '2026-11-05' }),
          () =>
            knex('synpunkt_pauses')
              .where({ synpunkt_id: id, reason: 'test' })
              .delete(),
          ...['aterkopplad', 'ateroppnad', 'avslutad'].map(
            kind => () =>
              knex('synpunkt_events').insert({
                synpunkt_id: id,
                at: '2026-11-21T10:00:00.000Z',
                actor_ref: 'user:default/maria',
                kind,
              }),
          ),
        ];
        for (const write of writes) {
          await keeper.keepPending();
          expect(await pending()).toBe(0);
          await write();
          expect(await pending()).toBe(1);
        }
        // A write that touches nothing measured (gallring clearing a text or a pause's reason, a
        // history entry of a kind the facts do not read) leaves it kept.
        await knex('synpunkt_pauses').insert({
          synpunkt_id: id,
          from_date: '2026-11-01',
          to_date: '2026-11-03',
          reason: 'kunden på resa',
          paused_by: 'user:default/maria',
        });
        await keeper.keepPending();
        await knex('synpunkter').where({ id }).update({ description: null });
        await knex('synpunkt_pauses')
          .where({ synpunkt_id: id })
          .update({ reason: '' });
        await knex('synpunkt_events').insert({
          synpunkt_id: id,
          at: '2026-11-21T11:00:00.000Z',
          actor_ref: 'user:default/maria',
          kind: 'utredning',
        });
        expect(await pending()).toBe(0);
        // Reopened and closed again (its row has a closing date): kept with a settled date no
        // earlier than the day after its last closing in the history (2026-11-21 UTC).
        const closedAgain = await knex('report_facts')
          .where({ synpunkt_id: id })
          .first();
        expect(closedAgain.settled_date >= '2026-11-22').toBe(true);
        // Reopened and not closed since: kept without a settled date, always worked out.
        await knex('synpunkter').where({ id }).update({ closed_date: null });
        await knex('synpunkt_events').insert({
          synpunkt_id: id,
          at: '2026-11-22T10:00:00.000Z',
          actor_ref: 'user:default/maria',
          kind: 'ateroppnad',
        });
        await keeper.keepPending();
        expect(
          await knex('report_facts').where({ synpunkt_id: id }).first(),
        ).toMatchObject({ settled_date: null });
      });

      it('leaves a synpunkt written while its batch was worked out pending', async () => {
        await keeper.keepPending();
        const { id } = await knex('synpunkter').first('id');
        await knex('synpunkter').where({ id }).update({ area: 'utbildning' });
        const [read] = await knex('report_facts_pending').where({
          synpunkt_id: id,
        });
        // Another write lands between the keeper's read and its removal.
        await knex('synpunkter').where({ id }).update({ area: 'ovrigt' });
        await knex('report_facts_pending')
          .whereIn(
            ['synpunkt_id', 'generation'],
            [[id, Number(read.generation)]],
          )
          .delete();
        expect(
          await knex('report_facts_pending').where({ synpunkt_id: id }),
        ).toHaveLength(1);
      });
    });

    describe('in batches sized by their time', () => {
      let limits: number[];
      const recordLimit = (query: { sql: string; bindings?: unknown[] }) => {
        if (/from [`"]report_facts_pending[`"].* limit/is.test(query.sql)) {
          limits.push(Number(query.bindings?.at(-1)));
        }
      };

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        const { seed } = await demoRegistry(knex, NOW);
        await seed(400);
        knex.on('query', recordLimit);
      });

      afterAll(() => {
        knex.off('query', recordLimit);
      });

      beforeEach(async () => {
        await new ReportFactsKeeper(knex).markAllPending();
        limits = [];
      });

      it('grows the batches, at most twice the last, while they take less than the aim', async () => {
        const pending = await new ReportFactsKeeper(knex).pendingCount();
        expect(pending).toBe(400);
        const growing = new ReportFactsKeeper(knex, { batchMillis: 60_000 });
        expect(await growing.keepPending()).toEqual({ kept: 400 });
        expect(await growing.pendingCount()).toBe(0);
        // 50 + 100 + 200, then 400 finds the last 50 and the run ends there.
        expect(limits).toEqual([50, 100, 200, 400]);
      });

      it('ends the run at the first batch that finds fewer than it asked for', async () => {
        // Whatever is written after that waits for the next run, in full batches, rather
        // than be chased a few synpunkter at a time.
        const fixed = new ReportFactsKeeper(knex, { batchSize: 150 });
        expect(await fixed.keepPending()).toEqual({ kept: 400 });
        expect(limits).toEqual([150, 150, 150]);
      });

      it('waits for what it is given between two batches (on an SQLite file, the checkpointer)', async () => {
        const pendingAtEachWait: number[] = [];
        const waiting = new ReportFactsKeeper(knex, {
          batchSize: 150,
          betweenBatches: async () => {
            pendingAtEachWait.push(await waiting.pendingCount());
          },
        });
        expect(await waiting.keepPending()).toEqual({ kept: 400 });
        // After the first two batches; the third, finding 100, is the last.
        expect(pendingAtEachWait).toEqual([250, 100]);
      });

      it('shrinks them to the least size when they take longer than the aim', async () => {
        const shrinking = new ReportFactsKeeper(knex, { batchMillis: 0 });
        expect(await shrinking.keepPending()).toEqual({ kept: 400 });
        expect(await shrinking.pendingCount()).toBe(0);
        expect(limits.slice(0, 3)).toEqual([50, 5, 5]);
        expect(limits).toHaveLength(1 + Math.ceil(350 / 5) + 1);
      });
    });

    describe('on the hand-computed fixture', () => {
      beforeAll(async () => {
        knex = await databases.init(databaseId);
        await loadReportFixture(knex);
        store = new ReportStore(knex);
        keeper = new ReportFactsKeeper(knex);
      });

      it('gives the same figures and improvements from kept facts as in full', async () => {
        const all = selections([null, 'group:default/skolan']);
        const { workedOut, fromKept } = await bothWays(all);
        expect(fromKept).toEqual(workedOut);
        // The fixture holds what the demo registry lacks: a reopened synpunkt, an open pause
        // and overlapping pauses.
        expect(
          await knex('synpunkt_events').where({ kind: 'ateroppnad' }),
        ).not.toHaveLength(0);
        expect(
          await knex('synpunkt_pauses').whereNull('to_date'),
        ).not.toHaveLength(0);
      });

      it('works everything out again when the calendar changes', async () => {
        await keeper.keepPending();
        const kept = await keptCount(knex);
        expect(kept).toBeGreaterThan(0);
        const calendar = parseSvarstidConfig({
          calendar: { extraNonWorkingDays: ['2026-03-05'] },
        }).calendar;
        const { written } = await syncReportCalendar(knex, calendar);
        expect(written).toBeGreaterThan(0);
        // syncReportCalendar marks them; the report is worked out in full until they are kept.
        expect(await keeper.pendingCount()).toBeGreaterThanOrEqual(kept);
      });
    });
  });

  describe('on SQLite', () => {
    const sqlite = TestDatabases.create({ ids: ['SQLITE_3'] });

    it('prepares the statements of its batches once per connection, not once a batch', async () => {
      const knex = await sqlite.init('SQLITE_3');
      const { seed } = await demoRegistry(knex, NOW);
      await seed(100);
      const keeper = new ReportFactsKeeper(knex, { batchSize: 5 });
      await keeper.markAllPending();
      // A pool of one: the connection every batch runs on.
      const connection: SqliteConnection =
        await knex.client.acquireConnection();
      await knex.client.releaseConnection(connection);
      const prepare = jest.spyOn(connection, 'prepare');

      expect(await keeper.keepPending()).toEqual({ kept: 100 });
      const prepared = prepare.mock.calls.length;
      expect(await keeper.pendingCount()).toBe(0);
      expect(await keptCount(knex)).toBeGreaterThan(0);
      // 21 batches (the last finds none) of 10 statements: the pending list read, the old
      // facts out of the roll-ups, three tables emptied of the batch, three kept, the new facts
      // into the roll-ups, the kept ones off the list; and the run's first step, marking the
      // interim facts that expired.
      expect(prepared).toBe(10 + 1);
    });
  });
});
