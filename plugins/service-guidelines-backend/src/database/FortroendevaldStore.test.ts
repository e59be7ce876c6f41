import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import {
  foldForSearch,
  KnexFortroendevaldStore,
  PersonFields,
  swedishSortKey,
  UppdragFields,
} from './FortroendevaldStore';
import { applyMigrations, rollbackAllMigrations } from './migrations';

jest.setTimeout(60_000);

const AT = '2026-11-24T08:00:00.000Z';
const TODAY = '2026-11-24';

const person = (name: string, party = 'S', email?: string): PersonFields => ({
  name,
  party,
  email:
    email ??
    `${foldForSearch(name).replace(/[^a-zåäö]+/g, '.')}@politiker.example.se`,
});

const current = (organ: string, role = 'ledamot'): UppdragFields => ({
  organ,
  role,
  from: '2023-01-01',
  to: '2026-12-31',
});

describe('foldForSearch and swedishSortKey', () => {
  it('keep å, ä and ö as letters of their own and fold other accents', () => {
    expect(foldForSearch('  Gunilla   ÅKESSON ')).toBe('gunilla åkesson');
    expect(foldForSearch('Jessica Thorén')).toBe('jessica thoren');
    expect(foldForSearch('Ängel Öhman')).toBe('ängel öhman');
    // decomposed input (as some Mac exports write it) folds to the same
    expect(foldForSearch('A\u030akesson')).toBe('åkesson');
  });

  it('sort z < å < ä < ö, and a word break before any letter', () => {
    const names = [
      'Öhman',
      'Ärlig',
      'Åberg',
      'Zetterberg',
      'Ahlgren',
      'Ek',
      'Ekman',
      'Ek Berg',
    ];
    const sorted = [...names].sort((a, b) =>
      swedishSortKey(a) < swedishSortKey(b) ? -1 : 1,
    );
    expect(sorted).toEqual([
      'Ahlgren',
      'Ek',
      'Ek Berg',
      'Ekman',
      'Zetterberg',
      'Åberg',
      'Ärlig',
      'Öhman',
    ]);
  });
});

describe('KnexFortroendevaldStore', () => {
  const databases = createConfiguredTestDatabases();

  async function storeOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await applyMigrations(mockServices.database({ knex }), knex);
    return { knex, store: KnexFortroendevaldStore.fromKnex(knex) };
  }

  async function add(
    store: KnexFortroendevaldStore,
    fields: PersonFields,
    uppdrag: UppdragFields[] = [],
  ): Promise<string> {
    return store.transaction(async tx => {
      const id = await store.insertPerson(tx, fields, AT);
      await store.insertUppdrag(tx, id, uppdrag);
      return id;
    });
  }

  const names = (result: { items: Array<{ name: string }> }) =>
    result.items.map(p => p.name);

  const listQuery = {
    term: 'all' as const,
    today: TODAY,
    limit: 50,
    offset: 0,
  };

  it.each(databases.eachSupportedId())(
    'the migration creates both tables and its down removes them, on %p',
    async databaseId => {
      const knex: Knex = await databases.init(databaseId);
      await applyMigrations(mockServices.database({ knex }), knex);
      expect(await knex.schema.hasTable('fortroendevalda')).toBe(true);
      expect(await knex.schema.hasTable('fortroendevald_uppdrag')).toBe(true);

      await rollbackAllMigrations(knex);
      expect(await knex.schema.hasTable('fortroendevalda')).toBe(false);
      expect(await knex.schema.hasTable('fortroendevald_uppdrag')).toBe(false);

      await applyMigrations(mockServices.database({ knex }), knex);
      expect(await knex.schema.hasTable('fortroendevald_uppdrag')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps a person with uppdrag, dates as written, newest term first, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const id = await add(
        store,
        { ...person('Gunilla Åkesson', 'M'), phone: '070-174 06 05' },
        [
          {
            organ: 'Kommunstyrelsen',
            role: 'ledamot',
            from: '2019-01-01',
            to: '2022-12-31',
          },
          {
            organ: 'Kommunfullmäktige',
            role: 'ordforande',
            from: '2023-01-01',
          },
        ],
      );

      const stored = await store.get(id);
      expect(stored).toMatchObject({
        id,
        name: 'Gunilla Åkesson',
        party: 'M',
        email: 'gunilla.åkesson@politiker.example.se',
        phone: '070-174 06 05',
        version: 1,
        createdAt: AT,
      });
      expect(stored!.photoUrl).toBeUndefined();
      expect(stored!.uppdrag.map(u => [u.organ, u.role, u.from, u.to])).toEqual(
        [
          ['Kommunfullmäktige', 'ordforande', '2023-01-01', undefined],
          ['Kommunstyrelsen', 'ledamot', '2019-01-01', '2022-12-31'],
        ],
      );
      expect(
        await store.get('00000000-0000-0000-0000-000000000000'),
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'updates only at the expected version and bumps it, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const id = await add(store, person('Bengt Sjöström'));

      const first = await store.transaction(tx =>
        store.updatePersonIfVersion(
          tx,
          id,
          1,
          { party: 'MP', phone: '08-123 45' },
          AT,
        ),
      );
      const stale = await store.transaction(tx =>
        store.updatePersonIfVersion(tx, id, 1, { party: 'V' }, AT),
      );

      expect(first).toBe(true);
      expect(stale).toBe(false);
      expect(await store.get(id)).toMatchObject({
        party: 'MP',
        phone: '08-123 45',
        version: 2,
      });

      // removing the phone writes null, not the old value
      await store.transaction(tx =>
        store.updatePersonIfVersion(tx, id, 2, { phone: undefined }, AT),
      );
      expect((await store.get(id))!.phone).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'finds names case-insensitively with å, ä and ö, every word anywhere, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('Gunilla Åkesson'));
      await add(store, person('Sanna Öhman'));
      await add(store, person('Jessica Thorén'));
      await add(store, person('Anna Akesson'));
      await add(store, person('Procent 100% Karlsson'));

      const search = (text: string) => store.list({ ...listQuery, text });

      expect(names(await search('åkesson'))).toEqual(['Gunilla Åkesson']);
      expect(names(await search('ÅKESSON'))).toEqual(['Gunilla Åkesson']);
      expect(names(await search('akesson'))).toEqual(['Anna Akesson']);
      expect(names(await search('ÖHMAN sanna'))).toEqual(['Sanna Öhman']);
      expect(names(await search('thoren'))).toEqual(['Jessica Thorén']);
      expect(names(await search('kESS'))).toEqual([
        'Anna Akesson',
        'Gunilla Åkesson',
      ]);
      // LIKE's own characters are matched literally
      expect(names(await search('0%'))).toEqual(['Procent 100% Karlsson']);
      expect(names(await search('_'))).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists in Swedish alphabetical order with a total and pages, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      for (const name of ['Öhman', 'Ärlig', 'Åberg', 'Zetterberg', 'ahlgren']) {
        await add(store, person(name));
      }

      const page1 = await store.list({ ...listQuery, limit: 2 });
      const page2 = await store.list({ ...listQuery, limit: 2, offset: 2 });
      const page3 = await store.list({ ...listQuery, limit: 2, offset: 4 });

      expect(page1.totalCount).toBe(5);
      expect([...names(page1), ...names(page2), ...names(page3)]).toEqual([
        'ahlgren',
        'Zetterberg',
        'Åberg',
        'Ärlig',
        'Öhman',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by party, organ, role and term, the last three on one and the same uppdrag, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('Ingrid Wikström', 'KD'), [
        current('Socialnämnden', 'ordforande'),
        current('Kommunstyrelsen', 'ersattare'),
      ]);
      await add(store, person('Lennart Ahlgren', 'M'), [
        current('Socialnämnden', 'forste-vice-ordforande'),
      ]);
      await add(store, person('Birgit Hammar', 'M'), [
        {
          organ: 'Socialnämnden',
          role: 'ordforande',
          from: '2019-01-01',
          to: '2022-12-31',
        },
      ]);
      await add(store, person('Nova Framtid', 'C'), [
        { organ: 'Socialnämnden', role: 'ledamot', from: '2027-01-01' },
      ]);
      await add(store, person('Utan Uppdrag', 'L'));

      const list = (q: Partial<Parameters<typeof store.list>[0]>) =>
        store.list({ ...listQuery, ...q }).then(names);

      expect(await list({ term: 'current' })).toEqual([
        'Ingrid Wikström',
        'Lennart Ahlgren',
      ]);
      expect(await list({ term: 'past' })).toEqual(['Birgit Hammar']);
      expect(await list({ term: 'upcoming' })).toEqual(['Nova Framtid']);
      expect(await list({ term: 'all' })).toHaveLength(5);
      expect(await list({ party: 'M' })).toEqual([
        'Birgit Hammar',
        'Lennart Ahlgren',
      ]);
      expect(
        await list({ organ: 'SOCIALNÄMNDEN', role: 'ordforande', term: 'all' }),
      ).toEqual(['Birgit Hammar', 'Ingrid Wikström']);
      expect(
        await list({
          organ: 'Socialnämnden',
          role: 'ordforande',
          term: 'current',
        }),
      ).toEqual(['Ingrid Wikström']);
      // ersättare in Kommunstyrelsen, ordförande in Socialnämnden: not ersättare in Socialnämnden
      expect(
        await list({
          organ: 'Socialnämnden',
          role: 'ersattare',
          term: 'current',
        }),
      ).toEqual([]);
      expect(await list({ party: 'M', term: 'current' })).toEqual([
        'Lennart Ahlgren',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'counts a term as current from its first to its last day inclusive, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('Sista Dagen'), [
        {
          organ: 'Tekniska nämnden',
          role: 'ledamot',
          from: '2023-01-01',
          to: TODAY,
        },
      ]);
      await add(store, person('Första Dagen'), [
        { organ: 'Tekniska nämnden', role: 'ledamot', from: TODAY },
      ]);
      await add(store, person('Slutade Igår'), [
        {
          organ: 'Tekniska nämnden',
          role: 'ledamot',
          from: '2023-01-01',
          to: '2026-11-23',
        },
      ]);

      const currentNames = names(
        await store.list({ ...listQuery, term: 'current' }),
      );
      expect(currentNames).toEqual(['Första Dagen', 'Sista Dagen']);
    },
  );

  it.each(databases.eachSupportedId())(
    'serves the current directory with only current uppdrag, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('Yvonne Lindahl'), [
        current('Kommunstyrelsen', 'andre-vice-ordforande'),
        {
          organ: 'Kommunstyrelsen',
          role: 'ordforande',
          from: '2019-01-01',
          to: '2022-12-31',
        },
      ]);
      await add(store, person('Harald Engman'), [
        {
          organ: 'Kommunfullmäktige',
          role: 'ledamot',
          from: '2019-01-01',
          to: '2022-12-31',
        },
      ]);

      const directory = await store.currentDirectory(TODAY);

      expect(directory.map(p => p.name)).toEqual(['Yvonne Lindahl']);
      expect(directory[0].uppdrag.map(u => u.role)).toEqual([
        'andre-vice-ordforande',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'finds people by e-mail and uppdrag by organ in any case, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const id = await add(
        store,
        person('Kjell Norberg', 'C', 'kjell.norberg@example.se'),
        [current('Bygg-, miljö- och hälsoskyddsnämnden', 'ordforande')],
      );

      expect(
        (await store.findByEmails(['KJELL.NORBERG@example.se'])).map(p => p.id),
      ).toEqual([id]);
      const uppdrag = await store.uppdragInOrgans([
        'bygg-, MILJÖ- och hälsoskyddsnämnden',
      ]);
      expect(uppdrag).toEqual([
        expect.objectContaining({ fortroendevaldId: id, role: 'ordforande' }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'changes and deletes uppdrag, and deletes a person with theirs, on %p',
    async databaseId => {
      const { knex, store } = await storeOn(databaseId);
      const id = await add(store, person('Rolf Nordqvist'), [
        current('Tekniska nämnden'),
        current('Kommunfullmäktige'),
      ]);
      const [first, second] = (await store.get(id))!.uppdrag;

      await store.transaction(tx =>
        store.updateUppdrag(tx, first.id, { to: '2026-11-23' }),
      );
      await store.transaction(tx => store.deleteUppdrag(tx, [second.id]));
      expect((await store.get(id))!.uppdrag).toEqual([
        expect.objectContaining({ id: first.id, to: '2026-11-23' }),
      ]);

      expect(
        await store.transaction(tx => store.deletePersonIfVersion(tx, id, 7)),
      ).toBe(false);
      expect(
        await store.transaction(tx => store.deletePersonIfVersion(tx, id, 1)),
      ).toBe(true);
      expect(await store.get(id)).toBeUndefined();
      const [{ n }] = await knex('fortroendevald_uppdrag').count({ n: '*' });
      expect(Number(n)).toBe(0);
      expect(await store.isEmpty()).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second person with the same e-mail, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('Ett', 'S', 'samma@example.se'));

      await expect(
        add(store, person('Två', 'M', 'samma@example.se')),
      ).rejects.toThrow();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the facets that are in the directory, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await add(store, person('A', 'S'), [
        current('Socialnämnden', 'ordforande'),
      ]);
      await add(store, person('B', 'VäP'), [
        current('Kommunfullmäktige', 'ledamot'),
      ]);
      await add(store, person('C', 'M'), [
        current('Överförmyndarnämnden', 'ledamot'),
      ]);

      const facets = await store.facets();

      expect(facets.organs).toEqual([
        'Kommunfullmäktige',
        'Socialnämnden',
        'Överförmyndarnämnden',
      ]);
      expect(facets.parties).toEqual(['M', 'S', 'VäP']);
      expect([...facets.roles].sort()).toEqual(['ledamot', 'ordforande']);
    },
  );
});
