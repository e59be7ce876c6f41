import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { demoRegistry } from '../__testUtils__/demoRegistry';
import { Stores } from '../database';
import { permissionResourceOf } from '../database/SynpunktStore';
import { checkableInMemory, criteriaMatch } from './criteriaInMemory';
import { SynpunktFilter } from './resource';

// Setting up a database in beforeAll can outlast jest's 5 s while the whole suite runs in parallel.
jest.setTimeout(60_000);

type Criteria = PermissionCriteria<SynpunktFilter>;

const user = (name: string) => `user:default/${name}`;
const group = (name: string) => `group:default/${name}`;

/** Criteria as the policy and its conditions give them, over the test organisation. */
const CHECKABLE: Array<[string, Criteria]> = [
  [
    "a chef's personal-data access",
    {
      anyOf: [
        { kind: 'handlaggare', userRefs: [user('lars')] },
        { kind: 'unitLedBy', userRefs: [user('lars')] },
      ],
    },
  ],
  [
    "an employee's read access",
    {
      anyOf: [
        { kind: 'handlaggare', userRefs: [user('erik')] },
        { kind: 'registeredBy', userRefs: [user('erik')] },
        { kind: 'unitLedBy', userRefs: [user('erik')] },
        { kind: 'unitIn', unitRefs: [group('kontaktcenter')] },
      ],
    },
  ],
  [
    'units led by several chefs, one of them above another',
    { kind: 'unitLedBy', userRefs: [user('eva'), user('hanna'), user('anna')] },
  ],
  [
    'all of a unit and a chef',
    {
      allOf: [
        { kind: 'unitIn', unitRefs: [group('skolan'), group('ifo')] },
        { kind: 'unitLedBy', userRefs: [user('lars')] },
      ],
    },
  ],
  ['no units at all', { kind: 'unitIn', unitRefs: [] }],
];

describe('criteriaInMemory', () => {
  it('leaves to SQL what it cannot answer exactly as SQL does', () => {
    const leaf: Criteria = { kind: 'handlaggare', userRefs: [user('lars')] };
    expect(checkableInMemory(leaf)).toBe(true);
    expect(checkableInMemory({ anyOf: [leaf, { allOf: [leaf] }] })).toBe(true);
    expect(checkableInMemory({ not: leaf })).toBe(false);
    expect(checkableInMemory({ anyOf: [leaf, { not: leaf }] })).toBe(false);
    // The types forbid empty lists; criteria transformed from a policy's conditions are data.
    const empty = [] as unknown as [Criteria];
    expect(checkableInMemory({ allOf: empty })).toBe(false);
    expect(checkableInMemory({ anyOf: empty })).toBe(false);
  });

  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    let stores: Stores;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const registry = await demoRegistry(
        knex,
        new Date('2026-05-04T10:00:00Z'),
      );
      await registry.seed(200);
      stores = registry.stores;
    });

    it.each(CHECKABLE)(
      'lets in exactly the synpunkter SQL lets in: %s',
      async (_name, criteria) => {
        expect(checkableInMemory(criteria)).toBe(true);
        const rows: Array<{
          id: string;
          unit_ref: string;
          handlaggare_ref: string | null;
          registered_by: string;
        }> = await knex('synpunkter').select(
          'id',
          'unit_ref',
          'handlaggare_ref',
          'registered_by',
        );
        const ids = rows.map(r => r.id);

        const inMemory: string[] = [];
        for (const row of rows) {
          const matches = criteriaMatch(
            criteria,
            permissionResourceOf(
              row,
              await stores.organisation.chefsOf(row.unit_ref),
            ),
          );
          if (matches) inMemory.push(row.id);
        }

        const bySql = await stores.synpunkter.idsMatching(ids, criteria);
        expect(inMemory.sort()).toEqual([...bySql].sort());
        expect(rows.length).toBeGreaterThanOrEqual(200);
      },
    );

    it('tells some synpunkter apart (the comparison above is not vacuous)', async () => {
      const rows: Array<{ id: string }> = await knex('synpunkter').select('id');
      const chef = CHECKABLE[0][1];
      const matching = await stores.synpunkter.idsMatching(
        rows.map(r => r.id),
        chef,
      );
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.length).toBeLessThan(rows.length);
    });
  });
});
