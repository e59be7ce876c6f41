import { TestDatabaseId } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  configuredDatabaseIds,
  createConfiguredTestDatabases,
} from '../__testUtils__/databases';
import { createStores } from './index';
import {
  NewRegistration,
  newSynpunktClockColumns,
  registrationNumberOf,
  MAX_REGISTRATIONS_PER_STATEMENT,
  searchTextOf,
  SynpunktStore,
} from './SynpunktStore';

// Setting up a database in beforeAll can outlast jest's 5 s while the whole suite runs in parallel.
jest.setTimeout(60_000);

const databases = createConfiguredTestDatabases();
const AT = '2026-03-02T09:00:00.000Z';

function registration(
  overrides: Partial<NewRegistration['row']> = {},
  searchable?: string,
): NewRegistration {
  const id = overrides.id ?? randomUUID();
  return {
    numberPrefix: 'VMD-2026-',
    searchable,
    row: {
      id,
      registration_year: 2026,
      type: 'klagomal',
      channel: 'epost',
      received_at: AT,
      received_date: '2026-03-02',
      arrival_date: '2026-03-02',
      registered_at: AT,
      registered_by: 'user:default/erik',
      unit_ref: 'group:default/skolan',
      area: 'utbildning',
      legal_duty: false,
      description: searchable ?? 'Sekretess',
      sekretess: searchable === undefined,
      anonymous: false,
      contact_name: null,
      contact_email: 'kund@example.se',
      contact_phone: null,
      contact_address: null,
      handlaggare_ref: null,
      status: 'registrerad',
      ...newSynpunktClockColumns(
        {
          arrivalDate: '2026-03-02',
          forstaSvar: { days: 2, due: '2026-03-04' },
          aterkoppling: { days: 10, due: '2026-03-16' },
        },
        '2026-03-02',
      ),
      version: 1,
      updated_at: AT,
      ...overrides,
    },
    event: {
      at: AT,
      actorRef: 'user:default/erik',
      kind: 'registrerad',
      changes: { status: { to: 'registrerad' } },
    },
  };
}

describe.each(databases.eachSupportedId())(
  'SynpunktStore.registerNew on %p',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: SynpunktStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = (
        await createStores({ database: { getClient: async () => knex } })
      ).synpunkter;
    });

    beforeEach(async () => {
      await knex('synpunkt_events').delete();
      await knex('synpunkter').delete();
      await knex('registration_counters').delete();
    });

    it('numbers the year from 1 and stores the row, its number and its first history entry', async () => {
      const first = await store.registerNew(registration({}, 'Första'));
      const second = await store.registerNew(registration({}, 'Andra'));
      expect([first.registration_number, second.registration_number]).toEqual([
        'VMD-2026-00001',
        'VMD-2026-00002',
      ]);
      const stored = await knex('synpunkter')
        .orderBy('registration_sequence')
        .select('id', 'registration_number', 'registration_sequence');
      expect(stored).toEqual([
        {
          id: first.id,
          registration_number: 'VMD-2026-00001',
          registration_sequence: 1,
        },
        {
          id: second.id,
          registration_number: 'VMD-2026-00002',
          registration_sequence: 2,
        },
      ]);
      const events = await knex('synpunkt_events')
        .where({ synpunkt_id: first.id })
        .select('kind', 'actor_ref', 'changes');
      expect(events).toEqual([
        {
          kind: 'registrerad',
          actor_ref: 'user:default/erik',
          changes: JSON.stringify({ status: { to: 'registrerad' } }),
        },
      ]);
    });

    it('writes past five digits as the JavaScript form does, in the number and the search text', async () => {
      await knex('registration_counters').insert({
        year: 2026,
        last_number: 99_999,
      });
      const a = await store.registerNew(registration({}, 'x'));
      const b = await store.registerNew(registration({}, 'y'));
      expect([a.registration_number, b.registration_number]).toEqual([
        registrationNumberOf('VMD-2026-', 100_000),
        'VMD-2026-100001',
      ]);
      const stored = await knex('synpunkter')
        .orderBy('registration_sequence')
        .pluck('registration_number');
      expect(stored).toEqual(['VMD-2026-100000', 'VMD-2026-100001']);
    });

    it('stores the search text that searchTextOf gives for the number and the text', async () => {
      const texts = [
        '  Ödmjukt   ÄRENDE\tom   Åkervägen  ',
        'ett',
        '   ',
        undefined,
      ];
      for (const text of texts) {
        const row = await store.registerNew(registration({}, text));
        const stored = await knex('synpunkter')
          .where({ id: row.id })
          .first('search_text');
        const expected = searchTextOf(row.registration_number, text);
        expect({
          text,
          stored: stored.search_text,
          returned: row.search_text,
        }).toEqual({ text, stored: expected, returned: expected });
      }
    });

    it('numbers registrations made at once without a gap, one that fails among them taking no number', async () => {
      const taken = await store.registerNew(registration({}, 'Första'));
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          store.registerNew(
            registration(i === 5 ? { id: taken.id } : {}, `Samtidig ${i}`),
          ),
        ),
      );
      expect(results.map(result => result.status)).toEqual(
        Array.from({ length: 12 }, (_, i) =>
          i === 5 ? 'rejected' : 'fulfilled',
        ),
      );
      const numbers = await knex('synpunkter')
        .orderBy('registration_sequence')
        .pluck('registration_sequence');
      expect(numbers.map(Number)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      // Each caller is told the number stored for its own synpunkt.
      const stored = new Map(
        (await knex('synpunkter').select('id', 'registration_number')).map(
          row => [row.id, row.registration_number],
        ),
      );
      const told = results.flatMap(result =>
        result.status === 'fulfilled' ? [result.value] : [],
      );
      expect(told.map(row => stored.get(row.id))).toEqual(
        told.map(row => row.registration_number),
      );
      const [events] = await knex('synpunkt_events').count({ n: '*' });
      expect(Number(events.n)).toBe(12);
    });

    it('gives the number back when the registration fails, leaving no row and no gap', async () => {
      const taken = await store.registerNew(registration({}, 'Första'));
      await expect(
        store.registerNew(registration({ id: taken.id }, 'Samma id')),
      ).rejects.toThrow();
      const next = await store.registerNew(registration({}, 'Nästa'));
      expect(next.registration_sequence).toBe(2);
      const [events] = await knex('synpunkt_events').count({ n: '*' });
      expect(Number(events.n)).toBe(2);
    });
  },
);

const postgresIds = configuredDatabaseIds().filter(id =>
  id.startsWith('POSTGRES'),
);

// PostgreSQL only: SQLite's registrations share a commit instead (SqliteGroupCommit.test.ts).
if (postgresIds.length > 0) {
  describe.each(postgresIds)(
    'SynpunktStore.registerNew, registrations at once, on %p',
    (databaseId: TestDatabaseId) => {
      let knex: Knex;
      let store: SynpunktStore;
      let insertsOfSynpunkter: number;
      const countInserts = (query: { sql: string }) => {
        if (/^with .* insert into "synpunkter"/is.test(query.sql)) {
          insertsOfSynpunkter += 1;
        }
      };

      beforeAll(async () => {
        knex = await databases.init(databaseId);
        store = (
          await createStores({ database: { getClient: async () => knex } })
        ).synpunkter;
        knex.on('query', countInserts);
      });

      afterAll(() => {
        knex.off('query', countInserts);
      });

      beforeEach(async () => {
        await knex('synpunkt_events').delete();
        await knex('synpunkter').delete();
        await knex('registration_counters').delete();
        insertsOfSynpunkter = 0;
      });

      async function storedNumbers() {
        const rows = await knex('synpunkter').select(
          'id',
          'registration_number',
        );
        return new Map(rows.map(row => [row.id, row.registration_number]));
      }

      it('stores them in one statement, numbered in the order they arrived', async () => {
        const rows = await Promise.all(
          Array.from({ length: 12 }, (_, i) =>
            store.registerNew(registration({}, `Samtidig ${i}`)),
          ),
        );
        expect(insertsOfSynpunkter).toBe(1);
        expect(rows.map(row => row.registration_sequence)).toEqual(
          Array.from({ length: 12 }, (_, i) => i + 1),
        );
        const stored = await storedNumbers();
        expect(rows.map(row => stored.get(row.id))).toEqual(
          rows.map(row => row.registration_number),
        );
        expect(
          await knex('synpunkt_events')
            .orderBy('synpunkt_id')
            .pluck('synpunkt_id'),
        ).toEqual(rows.map(row => row.id).sort());
      });

      it(`stores at most ${MAX_REGISTRATIONS_PER_STATEMENT} in a statement, the rest in the next`, async () => {
        const count = MAX_REGISTRATIONS_PER_STATEMENT + 6;
        const rows = await Promise.all(
          Array.from({ length: count }, (_, i) =>
            store.registerNew(registration({}, `Samtidig ${i}`)),
          ),
        );
        expect(insertsOfSynpunkter).toBe(2);
        expect(rows.map(row => row.registration_sequence)).toEqual(
          Array.from({ length: count }, (_, i) => i + 1),
        );
        const stored = await storedNumbers();
        expect(rows.map(row => stored.get(row.id))).toEqual(
          rows.map(row => row.registration_number),
        );
      });

      it('numbers each registration year from its own counter', async () => {
        const years = [2026, 2027, 2026, 2027, 2026];
        const rows = await Promise.all(
          years.map((year, i) =>
            store.registerNew({
              ...registration({ registration_year: year }, `År ${i}`),
              numberPrefix: `VMD-${year}-`,
            }),
          ),
        );
        expect(rows.map(row => row.registration_number)).toEqual([
          'VMD-2026-00001',
          'VMD-2027-00001',
          'VMD-2026-00002',
          'VMD-2027-00002',
          'VMD-2026-00003',
        ]);
        expect(insertsOfSynpunkter).toBe(2);
        const stored = await storedNumbers();
        expect(rows.map(row => stored.get(row.id))).toEqual(
          rows.map(row => row.registration_number),
        );
      });
    },
  );
}
