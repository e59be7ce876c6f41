import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { applyMigrations } from './migrations';
import { DueSelection, KnexGallringStore } from './GallringStore';

/** Värmdö's rules: two years for each type, klagomål of two areas kept. */
const selections: DueSelection[] = [
  { type: 'berom', excludeAreas: [], cutoff: '2024-12-07' },
  {
    type: 'klagomal',
    excludeAreas: ['utbildning', 'socialtjanst'],
    cutoff: '2024-12-07',
  },
  { type: 'forslag', excludeAreas: [], cutoff: '2024-12-07' },
];

/** A row of SQLite's EXPLAIN QUERY PLAN: `parent` is the `id` of the step it is part of. */
interface PlanStep {
  id: number;
  parent: number;
  detail: string;
}

/**
 * SQLite keeps no statistics, so its plan follows from the SQL and the indexes alone, the same on
 * an empty database as on a million synpunkter.
 */
describe('gallring SQL plans on SQLite', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    await applyMigrations({ getClient: async () => knex }, knex);
  });

  /** The plan of the one statement that `run` sends, with its own bindings. */
  async function planOf(
    run: (store: KnexGallringStore) => Promise<unknown>,
  ): Promise<PlanStep[]> {
    const sent: Array<{ sql: string; bindings: readonly unknown[] }> = [];
    const listener = (query: { sql: string; bindings: readonly unknown[] }) =>
      sent.push(query);
    knex.on('query', listener);
    try {
      await run(new KnexGallringStore(knex));
    } finally {
      knex.removeListener('query', listener);
    }
    expect(sent).toHaveLength(1);
    const [{ sql, bindings }] = sent;
    return knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings as Knex.RawBinding[]);
  }

  /** The plan's reads of the `synpunkter` table, each by the index it reads. */
  const readsOfSynpunkter = (plan: PlanStep[]) =>
    plan.map(step => step.detail).filter(step => / synpunkter( |$)/.test(step));

  it.each([undefined, 'SYN-2021-02380'])(
    "reads each rule's page from the due index by type in number order, then the page's rows by id (after %p)",
    async after => {
      const plan = await planOf(store =>
        store.due(selections, { limit: 50, after }),
      );
      const byRule = after
        ? /^SEARCH synpunkter USING INDEX synpunkter_gallring_due_by_type_idx \(type=\? AND registration_number>\?\)$/
        : /^SEARCH synpunkter USING INDEX synpunkter_gallring_due_by_type_idx \(type=\?\)$/;
      expect(readsOfSynpunkter(plan)).toEqual([
        expect.stringMatching(
          /^SEARCH synpunkter USING INDEX sqlite_autoindex_synpunkter_1 \(id=\?\)$/,
        ),
        ...selections.map(() => expect.stringMatching(byRule)),
      ]);
      // No rule's branch is sorted before it is limited: each stops once it has a page.
      const branches = plan.filter(step =>
        /^CO-ROUTINE rule_/.test(step.detail),
      );
      expect(branches).toHaveLength(selections.length);
      const sortedInBranch = plan.filter(
        step =>
          step.detail.startsWith('USE TEMP B-TREE') &&
          branches.some(branch => branch.id === step.parent),
      );
      expect(sortedInBranch).toEqual([]);
    },
  );

  it("counts each rule's due synpunkter from the due index by type alone", async () => {
    const plan = await planOf(store => store.countDue(selections));
    expect(readsOfSynpunkter(plan)).toEqual(
      selections.map(() =>
        expect.stringMatching(
          /^SEARCH synpunkter USING (COVERING )?INDEX synpunkter_gallring_due_by_type_idx \(type=\?\)$/,
        ),
      ),
    );
  });
});
