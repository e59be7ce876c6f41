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

  /** The plan of the statement that `due` sends, with its own bindings. */
  async function planOfDue(after?: string): Promise<string[]> {
    const sent: Array<{ sql: string; bindings: readonly unknown[] }> = [];
    const listener = (query: { sql: string; bindings: readonly unknown[] }) =>
      sent.push(query);
    knex.on('query', listener);
    try {
      await new KnexGallringStore(knex).due(selections, { limit: 50, after });
    } finally {
      knex.removeListener('query', listener);
    }
    const [{ sql, bindings }] = sent;
    const rows: Array<{ detail: string }> = await knex.raw(
      `EXPLAIN QUERY PLAN ${sql}`,
      bindings as Knex.RawBinding[],
    );
    return rows.map(r => r.detail);
  }

  it.each([undefined, 'SYN-2021-02380'])(
    'reads the due synpunkter in registration-number order from its index, with no sort (after %p)',
    async after => {
      const plan = await planOfDue(after);
      expect(plan).toEqual([
        expect.stringMatching(
          /^(SCAN|SEARCH) synpunkter USING INDEX synpunkter_registration_number_unique/,
        ),
      ]);
    },
  );
});
