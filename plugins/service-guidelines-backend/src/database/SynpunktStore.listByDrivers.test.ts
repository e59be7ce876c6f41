import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  ConditionTransformer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  SYNPUNKT_SORTS,
  synpunktReadPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  configuredDatabaseIds,
  createConfiguredTestDatabases,
} from '../__testUtils__/databases';
import { demoRegistry } from '../__testUtils__/demoRegistry';
import { ownershipOf } from '../__testUtils__/organisation';
import { SynpunktFilter } from '../permissions/resource';
import { synpunktRules } from '../permissions/rules';
import { ServiceGuidelinesPolicy } from '../permissions/ServiceGuidelinesPolicy';
import {
  cursorAfter,
  KnexSynpunktStore,
  ListCursor,
  ListPageQuery,
  SynpunktListFilter,
  SynpunktRow,
} from './SynpunktStore';

jest.setTimeout(300_000);

const NOW = new Date('2026-11-24T10:00:00Z');
const PAGE = 7;

const user = (name: string) => `user:default/${name}`;
const group = (name: string) => `group:default/${name}`;

type Criteria = PermissionCriteria<SynpunktFilter>;

/** What the plugin's own policy lets a user read, as the routes turn it into criteria. */
async function readCriteriaOf(name: string): Promise<Criteria> {
  const policy = new ServiceGuidelinesPolicy({
    administrators: [],
    reportReaders: [],
  });
  const ownership = ownershipOf(name);
  const decision = await policy.handle(
    { permission: synpunktReadPermission },
    {
      info: { userEntityRef: user(name), ownershipEntityRefs: ownership },
      credentials: mockCredentials.user(user(name)),
    },
  );
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    throw new Error(`Expected a conditional decision for ${name}`);
  }
  const transform: ConditionTransformer<SynpunktFilter> =
    createConditionTransformer(Object.values(synpunktRules));
  return transform(decision.conditions);
}

/**
 * The newest synpunkter of the registry, mostly in units outside the chefs' scopes (as when a
 * busy unit registers much), with some inside, some handled or registered by a chef elsewhere,
 * and a run sharing one registration instant across units (the order falls back to the id).
 */
async function addNewestRows(knex: Knex) {
  const templates = await knex<SynpunktRow>('synpunkter')
    .orderBy('registration_number')
    .limit(40);
  const rows: SynpunktRow[] = [];
  const add = (i: number, changes: Partial<SynpunktRow>, at: string) => {
    const template = templates[i % templates.length];
    rows.push({
      ...template,
      id: randomUUID(),
      registration_number: `EXTRA-${String(rows.length).padStart(4, '0')}`,
      registration_sequence: 100_000 + rows.length,
      registered_at: at,
      ...changes,
    });
  };
  const second = (n: number) =>
    new Date(NOW.getTime() + n * 1000).toISOString();
  for (let i = 0; i < 120; i++) {
    add(
      i,
      {
        unit_ref: group(i % 3 === 0 ? 'ifo' : 'kontaktcenter'),
        registered_by: user('erik'),
      },
      second(i),
    );
  }
  for (let i = 0; i < 10; i++) {
    add(
      i,
      { unit_ref: group('ifo'), handlaggare_ref: user('lars') },
      second(200 + i),
    );
    add(
      i,
      { unit_ref: group('kontaktcenter'), registered_by: user('lars') },
      second(210 + i),
    );
    add(i, { unit_ref: group('skolan') }, second(220 + i));
  }
  const tie = second(300);
  for (const [i, unit] of [
    'kontaktcenter',
    'skolan',
    'grundskola',
    'ifo',
    'utbildning',
    'kontaktcenter',
  ].entries()) {
    add(i, { unit_ref: group(unit) }, tie);
    add(i + 1, { unit_ref: group(unit), handlaggare_ref: user('lars') }, tie);
  }
  await knex.batchInsert('synpunkter', rows, 50);
}

const FILTERS: Array<[string, SynpunktListFilter]> = [
  ['no filter', {}],
  ['a type', { types: ['klagomal'] }],
  ['open', { open: true }],
  ['a status', { statuses: ['avslutad'] }],
  ['a text', { text: 'vänta' }],
  ['units', { unitRefs: [group('skolan'), group('ifo')] }],
  ["lars's own", { mineFor: user('lars') }],
  ['a handläggare', { handlaggareRef: user('jonas') }],
];

/** Whose list is compared, and what they may read. */
const CALLERS: Array<[string, () => Promise<Criteria | undefined>]> = [
  ['lars, chef of a förvaltning', () => readCriteriaOf('lars')],
  [
    'jonas, chef of an enhet and its handläggare',
    () => readCriteriaOf('jonas'),
  ],
  ['ahmed, member of a unit', () => readCriteriaOf('ahmed')],
  [
    'hanna as handläggare only',
    async () => ({ kind: 'handlaggare', userRefs: [user('hanna')] }),
  ],
  [
    'lars except one of his units',
    async () => ({
      allOf: [
        await readCriteriaOf('lars'),
        { not: { kind: 'unitIn', unitRefs: [group('skolan')] } },
      ],
    }),
  ],
  ['full read access', async () => undefined],
];

/** A page merged from drivers: only its branches name their sort key. */
const isMergedPage = (sql: string) => sql.includes('sort_key');

describe('KnexSynpunktStore.list read driver by driver', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let byDrivers: KnexSynpunktStore;
    let oneQuery: KnexSynpunktStore;
    let recorded: string[] | undefined;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const { seed } = await demoRegistry(knex, NOW);
      await seed(300);
      await addNewestRows(knex);
      byDrivers = new KnexSynpunktStore(knex);
      oneQuery = new KnexSynpunktStore(knex, { byDrivers: false });
      knex.on('query', (q: { sql: string }) => recorded?.push(q.sql));
    });

    /**
     * Pages through the whole list with both stores in step, and gives the ids in order and
     * whether the driver store read any page by drivers.
     */
    async function pageThrough(query: Omit<ListPageQuery, 'after' | 'limit'>) {
      const ids: string[] = [];
      let after: ListCursor | undefined;
      let driven = false;
      for (let pages = 0; pages < 1000; pages++) {
        const expected = await oneQuery.list({ ...query, limit: PAGE, after });
        recorded = [];
        const actual = await byDrivers.list({ ...query, limit: PAGE, after });
        driven ||= recorded.some(isMergedPage);
        recorded = undefined;
        expect(actual).toEqual(expected);
        ids.push(...actual.map(s => s.row.id));
        if (actual.length < PAGE) {
          return { ids, driven };
        }
        after = cursorAfter(actual[actual.length - 1].row, query.sort);
      }
      throw new Error('The list did not end');
    }

    const cases = CALLERS.flatMap(([caller, criteriaOf]) =>
      SYNPUNKT_SORTS.map(sort => [caller, sort, criteriaOf] as const),
    );

    it.each(cases)(
      'gives %s, in the order %s, every page as one query does',
      async (_caller, sort, criteriaOf) => {
        const criteria = await criteriaOf();
        let listed = 0;
        for (const [name, filter] of FILTERS) {
          const { ids, driven } = await pageThrough({ filter, criteria, sort });
          expect({ name, duplicates: ids.length - new Set(ids).size }).toEqual({
            name,
            duplicates: 0,
          });
          const restricted =
            criteria !== undefined ||
            Boolean(filter.unitRefs || filter.mineFor || filter.handlaggareRef);
          // Not vacuous: the registration order is read by drivers wherever the scope allows.
          expect({ name, driven }).toEqual({
            name,
            driven: restricted && sort.endsWith('registered'),
          });
          listed += ids.length;
        }
        expect(listed).toBeGreaterThan(PAGE * 3);
      },
    );

    /** The page queries (those merging drivers) that listing one page ran. */
    async function pageQueriesOf(
      store: KnexSynpunktStore,
      query: ListPageQuery,
    ) {
      recorded = [];
      const page = await store.list(query);
      const queries = recorded.filter(isMergedPage);
      recorded = undefined;
      return { page, queries };
    }

    it('checks the permission once on the page, not in every branch, when every row of it passes', async () => {
      const query: ListPageQuery = {
        filter: {},
        criteria: await readCriteriaOf('lars'),
        sort: '-registered',
        limit: PAGE,
      };
      const { page, queries } = await pageQueriesOf(byDrivers, query);
      expect(page).toEqual(await oneQuery.list(query));
      expect(page).toHaveLength(PAGE);
      expect(queries).toHaveLength(1);
      // The criteria's organisation subquery appears once: on the page, not in the branches.
      expect(queries[0].match(/org_unit_closure/g)).toHaveLength(1);
    });

    it('never shows what the organisation in the database no longer allows, and keeps the pages full', async () => {
      // The organisation held in memory is behind: it still has lars leading kontaktcenter,
      // whose rows are the newest of the registry. The database no longer gives it to him.
      const stale = new KnexSynpunktStore(knex, {
        unitsLedBy: async userRefs =>
          userRefs.includes(user('lars'))
            ? [
                group('utbildning'),
                group('grundskola'),
                group('skolan'),
              ].concat(group('kontaktcenter'))
            : [],
      });
      const criteria = await readCriteriaOf('lars');
      let after: ListCursor | undefined;
      let fellBack = false;
      for (let pages = 0; pages < 3; pages++) {
        const query: ListPageQuery = {
          filter: {},
          criteria,
          sort: '-registered',
          limit: PAGE,
          after,
        };
        const expected = await oneQuery.list(query);
        const { page, queries } = await pageQueriesOf(stale, query);
        expect(page).toEqual(expected);
        expect(page).toHaveLength(PAGE);
        // His own registrations there he still sees; nothing else of kontaktcenter.
        expect(
          page
            .map(s => s.row)
            .filter(row => row.unit_ref === group('kontaktcenter'))
            .filter(
              row =>
                row.registered_by !== user('lars') &&
                row.handlaggare_ref !== user('lars'),
            ),
        ).toEqual([]);
        fellBack ||= queries.length === 2;
        after = cursorAfter(page[page.length - 1].row, query.sort);
      }
      // Not vacuous: kontaktcenter's rows came into the unchecked page and were refused there.
      expect(fellBack).toBe(true);
    });
  });
});

/**
 * The plan of the merged page of lars's klagomål, newest first: the steps of SQLite's query
 * plan, or the lines of PostgreSQL's EXPLAIN.
 */
async function mergedPagePlan(knex: Knex): Promise<string[]> {
  const { seed } = await demoRegistry(knex, NOW);
  await seed(100);
  const store = new KnexSynpunktStore(knex);
  const queries: Array<{ sql: string; bindings: Knex.RawBinding[] }> = [];
  knex.on('query', q => queries.push(q));
  const page = await store.list({
    filter: { types: ['klagomal'] },
    criteria: await readCriteriaOf('lars'),
    sort: '-registered',
    limit: PAGE,
  });
  expect(page).toHaveLength(PAGE);
  const merged = queries.filter(q => isMergedPage(q.sql));
  expect(merged).toHaveLength(1);
  if (knex.client.config.client === 'pg') {
    // Numbered in order ($1, $2, …): knex's placeholders again.
    const result: { rows: Array<{ 'QUERY PLAN': string }> } = await knex.raw(
      `EXPLAIN (COSTS OFF) ${merged[0].sql.replace(/\$\d+/g, '?')}`,
      merged[0].bindings,
    );
    return result.rows.map(row => row['QUERY PLAN'].trim());
  }
  const plan: Array<{ detail: string }> = await knex.raw(
    `EXPLAIN QUERY PLAN ${merged[0].sql}`,
    merged[0].bindings,
  );
  return plan.map(step => step.detail);
}

describe('KnexSynpunktStore.list merging drivers on SQLite', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('reads each driver in its index order, merging them as it goes, and sorts only the page', async () => {
    const steps = await mergedPagePlan(await databases.init('SQLITE_3'));
    // Lars's three units, his handläggning and his registrations: each one index range, read
    // in the list's order. A branch limited on its own would be sorted in a temporary b-tree.
    expect(
      steps
        .filter(step =>
          / USING INDEX synpunkter_\w+_(idx|keyset_idx) /.test(step),
        )
        .sort(),
    ).toEqual([
      'SEARCH synpunkter USING INDEX synpunkter_handlaggare_keyset_idx (handlaggare_ref=?)',
      'SEARCH synpunkter USING INDEX synpunkter_registered_by_keyset_idx (registered_by=?)',
      ...Array(3).fill(
        'SEARCH synpunkter USING INDEX synpunkter_unit_idx (unit_ref=?)',
      ),
    ]);
    expect(steps.filter(step => step.includes('MERGE (UNION)'))).toHaveLength(
      4,
    );
    expect(steps.filter(step => step.includes('TEMP B-TREE'))).toEqual([
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});

const postgresIds = configuredDatabaseIds().filter(id =>
  id.startsWith('POSTGRES'),
);

// PostgreSQL only: SQLite's form is held by the test above.
if (postgresIds.length > 0) {
  describe.each(postgresIds)(
    'KnexSynpunktStore.list merging drivers on %p',
    databaseId => {
      const databases = TestDatabases.create({ ids: [databaseId] });

      it('merges the branches in order as it reads them and drops the duplicates as they pass', async () => {
        const plan = await mergedPagePlan(await databases.init(databaseId));
        // UNION would hash every row of every branch; each branch read to its own limit.
        expect(
          plan.filter(line => /Merge Append|Unique|Append/.test(line)),
        ).toEqual([
          expect.stringMatching(/Unique$/),
          expect.stringMatching(/Merge Append$/),
        ]);
        expect(
          plan.filter(line => line.includes('Index Scan Backward')),
        ).toHaveLength(5);
      });
    },
  );
}
