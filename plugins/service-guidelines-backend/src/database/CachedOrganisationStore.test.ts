import { TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { CachedOrganisationStore } from './CachedOrganisationStore';
import { applyMigrations } from './migrations';
import { KnexOrganisationStore, OrgUnit } from './OrganisationStore';

// Setting up a database in beforeAll can outlast jest's 5 s while the whole suite runs in parallel.
jest.setTimeout(60_000);

const databases = createConfiguredTestDatabases();

const unit = (
  name: string,
  parent: string | undefined,
  type: string,
  chef?: string,
): OrgUnit => ({
  unitRef: `group:default/${name}`,
  parentRef: parent ? `group:default/${parent}` : undefined,
  type,
  title: name,
  chefRef: chef ? `user:default/${chef}` : undefined,
});

/**
 * Names whose order differs between byte order and a linguistic collation (case, hyphens, å ä
 * ö), a chef of two units on different branches, a unit whose parent is missing, and a cycle.
 */
const UNITS: OrgUnit[] = [
  unit('kommun', undefined, 'kommun', 'kd'),
  unit('Bildning', 'kommun', 'nämnd', 'anna'),
  unit('bildning-nord', 'Bildning', 'förvaltning', 'bo'),
  unit('bildningnord', 'Bildning', 'förvaltning'),
  unit('äldreomsorg', 'kommun', 'nämnd', 'bo'),
  unit('Åkerby-skola', 'bildning-nord', 'enhet', 'cia'),
  unit('akerby-fritids', 'bildning-nord', 'enhet'),
  unit('ödehem', 'äldreomsorg', 'enhet', 'anna'),
  unit('zeta', 'saknas', 'enhet', 'dan'),
  unit('cykel-a', 'cykel-b', 'enhet', 'eva'),
  unit('cykel-b', 'cykel-a', 'enhet'),
];

describe.each(databases.eachSupportedId())(
  'CachedOrganisationStore on %p',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let store: KnexOrganisationStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await applyMigrations({ getClient: async () => knex }, knex);
      store = new KnexOrganisationStore(knex);
    });

    beforeEach(async () => {
      await store.replaceAll(UNITS);
    });

    it('answers every lookup as the database does, in the same order', async () => {
      const cached = new CachedOrganisationStore(store);
      const refs = [...UNITS.map(u => u.unitRef), 'group:default/saknas'];
      const users = ['kd', 'anna', 'bo', 'cia', 'dan', 'eva', 'ingen'].map(
        u => `user:default/${u}`,
      );

      expect(await cached.listUnits()).toEqual(await store.listUnits());
      for (const ref of refs) {
        expect(await cached.getUnit(ref)).toEqual(await store.getUnit(ref));
        expect(await cached.unitsBelow(ref)).toEqual(
          await store.unitsBelow(ref),
        );
        expect(await cached.chefsOf(ref)).toEqual(await store.chefsOf(ref));
      }
      for (const user of users) {
        expect(await cached.unitsLedBy(user)).toEqual(
          await store.unitsLedBy(user),
        );
      }
      // Not vacuous: the tree has depth, and a chef leads two branches.
      expect(await cached.unitsBelow('group:default/kommun')).toHaveLength(8);
      expect(await cached.unitsLedBy('user:default/anna')).toHaveLength(6);
    });

    it('reads the tree once while it is fresh, and again after', async () => {
      let now = 0;
      const counting = new KnexOrganisationStore(knex);
      const listUnits = jest.spyOn(counting, 'listUnits');
      const cached = new CachedOrganisationStore(counting, {
        reuseMs: 10_000,
        now: () => now,
      });

      await cached.getUnit('group:default/kommun');
      await cached.unitsLedBy('user:default/anna');
      expect(listUnits).toHaveBeenCalledTimes(1);

      // Another instance sharing the database mirrors a new tree: seen once the reuse is over.
      await store.replaceAll([...UNITS, unit('ny', 'kommun', 'enhet')]);
      now = 9_999;
      expect(await cached.getUnit('group:default/ny')).toBeUndefined();
      now = 10_000;
      expect(await cached.getUnit('group:default/ny')).toMatchObject({
        title: 'ny',
      });
      expect(listUnits).toHaveBeenCalledTimes(2);
    });

    it('sees its own replacement of the tree at once', async () => {
      const cached = new CachedOrganisationStore(
        new KnexOrganisationStore(knex),
        { now: () => 0 },
      );
      expect(await cached.unitsLedBy('user:default/dan')).toEqual([
        'group:default/zeta',
      ]);

      await cached.replaceAll([
        unit('kommun', undefined, 'kommun', 'dan'),
        unit('skola', 'kommun', 'enhet'),
      ]);

      expect(await cached.unitsLedBy('user:default/dan')).toEqual([
        'group:default/kommun',
        'group:default/skola',
      ]);
    });

    it('does not keep a failed read', async () => {
      const failing = new KnexOrganisationStore(knex);
      jest
        .spyOn(failing, 'listUnits')
        .mockRejectedValueOnce(new Error('connection lost'));
      const cached = new CachedOrganisationStore(failing, { now: () => 0 });

      await expect(cached.getUnit('group:default/kommun')).rejects.toThrow(
        'connection lost',
      );
      expect(await cached.getUnit('group:default/kommun')).toMatchObject({
        type: 'kommun',
      });
    });

    it('reads every time with a reuse of 0', async () => {
      const counting = new KnexOrganisationStore(knex);
      const listUnits = jest.spyOn(counting, 'listUnits');
      const cached = new CachedOrganisationStore(counting, { reuseMs: 0 });

      await cached.getUnit('group:default/kommun');
      await cached.getUnit('group:default/kommun');

      expect(listUnits).toHaveBeenCalledTimes(2);
    });
  },
);
