import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createFortroendevaldSchema,
  ImportPlan,
  uppdragChangeSchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import { readFileSync } from 'node:fs';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { KnexFortroendevaldStore } from '../../database/FortroendevaldStore';
import { applyMigrations } from '../../database/migrations';
import { FortroendevaldService } from './FortroendevaldService';
import { DEFAULT_ORGAN_TYPES, OrganDirectory } from './OrganDirectory';
import { DEMO_CSV_PATH, demoOrganGroups } from './testFixtures';

jest.setTimeout(60_000);

// 10:00 in Stockholm on Tuesday 24 November 2026
const NOW = new Date('2026-11-24T09:00:00Z');
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = 'namn;parti;epost;telefon;organ;roll;fran;till';

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('FortroendevaldService', () => {
  const databases = createConfiguredTestDatabases();

  async function serviceOn(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await applyMigrations(mockServices.database({ knex }), knex);
    const store = KnexFortroendevaldStore.fromKnex(knex);
    const organs = new OrganDirectory({
      catalog: catalogServiceMock({ entities: demoOrganGroups() }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      organTypes: DEFAULT_ORGAN_TYPES,
    });
    const service = new FortroendevaldService({
      store,
      organs,
      clock: () => NOW,
    });
    return { knex, store, service };
  }

  const demoCsv = () => readFileSync(DEMO_CSV_PATH);
  const all = { term: 'all' as const, limit: 500, offset: 0 };

  it.each(databases.eachSupportedId())(
    'imports the demo list after a dry run that writes nothing, and a second import changes nothing, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);

      const dryRun = (await service.importFile(demoCsv(), {
        dryRun: true,
      })) as ImportPlan;
      expect(dryRun.rowCount).toBe(43);
      expect(dryRun.people.added).toHaveLength(32);
      expect(dryRun.uppdrag.added).toHaveLength(43);
      expect(dryRun.organs).toHaveLength(7);
      expect((await service.list(all)).totalCount).toBe(0);

      const applied = await service.importFile(demoCsv(), {
        dryRun: false,
        planToken: dryRun.planToken,
      });
      expect(applied).toMatchObject({
        applied: true,
        planToken: dryRun.planToken,
      });
      expect((await service.list(all)).totalCount).toBe(32);

      const again = (await service.importFile(demoCsv(), {
        dryRun: true,
      })) as ImportPlan;
      expect(again.people).toEqual({ added: [], changed: [], unchanged: 32 });
      expect(again.uppdrag).toMatchObject({
        added: [],
        changed: [],
        ended: [],
        removed: [],
      });
      expect(again.uppdrag.unchanged).toBe(43);
    },
  );

  it.each(databases.eachSupportedId())(
    'links uppdrag to the catalog Group of their organ and tells current from past terms, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      await service.importFile(demoCsv(), { dryRun: false });

      const { items } = await service.list({ ...all, q: 'yvonne' });
      expect(items).toHaveLength(1);
      expect(items[0].uppdrag).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            organ: 'Kommunstyrelsen',
            organRef: 'group:default/kommunstyrelsen',
            role: 'andre-vice-ordforande',
            status: 'current',
          }),
          expect.objectContaining({
            organ: 'Kommunstyrelsen',
            role: 'ordforande',
            to: '2022-12-31',
            status: 'past',
          }),
        ]),
      );
      expect((await service.list({ ...all, term: 'past' })).totalCount).toBe(5);
    },
  );

  it.each(databases.eachSupportedId())(
    'ends the uppdrag a re-import leaves out of a listed organ, as of yesterday, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      await service.importFile(demoCsv(), { dryRun: false });
      // Socialnämnden without Elsa Roos (ersättare)
      const withoutElsa = demoCsv()
        .toString('utf8')
        .split('\n')
        .filter(line => !line.startsWith('Elsa Roos'))
        .join('\n');

      const plan = await service.importFile(utf8(withoutElsa), {
        dryRun: false,
      });

      expect(plan.uppdrag.ended).toEqual([
        expect.objectContaining({
          name: 'Elsa Roos',
          organ: 'Socialnämnden',
          to: '2026-11-23',
          previousTo: '2026-12-31',
        }),
      ]);
      const [elsa] = (await service.list({ ...all, q: 'elsa roos' })).items;
      expect(elsa.uppdrag).toEqual([
        expect.objectContaining({ to: '2026-11-23', status: 'past' }),
      ]);
      expect(elsa.version).toBe(2);
      expect(
        (
          await service.list({
            term: 'current',
            limit: 50,
            offset: 0,
            q: 'elsa',
          })
        ).totalCount,
      ).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a messy Excel file (Windows-1252, semicolons, quoted line break, duplicate person) and changes nothing when a row is bad, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      const text = [
        HEADER,
        'Göran Blom;SD;goran.blom@x.se;;Kommunfullmäktige;ledamot;2023-01-01;2026-12-31',
        'Göran Blom;SD;Goran.Blom@x.se;070-174 06 11;"Tekniska\nnämnden";ledamot;2023-01-01;2026-12-31',
        'Sanna Öhman;V;sanna@x.se;;Kommunfullmäktige;ersättare;2023-01-01;2026-12-31',
        'Ärlig Bäck;MP;arlig@x.se;;Kommunfullmäktige;ledamot;2023-02-30;',
        'Åsa Fel;M;asa@x.se;;Fritidsnämnden;ledamot;2023-01-01;',
      ].join('\r\n');
      const bytes = Uint8Array.from([...text].map(c => c.charCodeAt(0)));

      const error = await rejection(
        service.importFile(bytes, { dryRun: false }),
      );

      expect(error).toBeInstanceOf(InputError);
      expect(error.rows).toEqual([
        { line: 6, field: 'fran', message: 'is not a date that exists' },
        {
          line: 7,
          field: 'organ',
          message: expect.stringMatching(
            /^'Fritidsnämnden' is neither an organ in the catalog nor one already in the directory; check the spelling \(known organs: Barn- och utbildningsnämnden, /,
          ),
        },
      ]);
      expect(error.message).toMatch(
        /^2 problems in the file; nothing was changed\. Line 6: fran: /,
      );
      expect((await service.list(all)).totalCount).toBe(0);

      // without the two bad rows the same file goes in, the duplicate person merged
      const good = text.split('\r\n').slice(0, 4).join('\r\n');
      const plan = await service.importFile(
        Uint8Array.from([...good].map(c => c.charCodeAt(0))),
        { dryRun: false },
      );
      expect(plan.people.added.map(p => p.name)).toEqual([
        'Göran Blom',
        'Sanna Öhman',
      ]);
      const [goran] = (await service.list({ ...all, q: 'göran' })).items;
      expect(goran.phone).toBe('070-174 06 11');
      expect(goran.uppdrag.map(u => u.organ).sort()).toEqual([
        'Kommunfullmäktige',
        'Tekniska nämnden',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to apply a plan that is no longer the one the dry run showed, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      const dryRun = await service.importFile(demoCsv(), { dryRun: true });
      await service.create(
        createFortroendevaldSchema.parse({
          name: 'Gunilla Åkesson',
          party: 'M',
          email: 'gunilla.akesson@politiker.varmdo.se',
        }),
      );

      const error = await rejection(
        service.importFile(demoCsv(), {
          dryRun: false,
          planToken: dryRun.planToken,
        }),
      );

      expect(error).toBeInstanceOf(ConflictError);
      expect((error.plan as ImportPlan).people.added).toHaveLength(31);
      expect((await service.list(all)).totalCount).toBe(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets an administrator add, change, end and remove, with versions checked, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      const created = await service.create(
        createFortroendevaldSchema.parse({
          name: 'Nils Nyvald',
          party: 'liberalerna',
          email: 'Nils@X.se',
          uppdrag: [
            { organ: 'socialnämnden', role: 'ledamot', from: '2023-01-01' },
          ],
        }),
      );
      expect(created).toMatchObject({
        party: 'L',
        email: 'nils@x.se',
        version: 1,
        uppdrag: [
          {
            organ: 'Socialnämnden',
            organRef: 'group:default/socialnamnden',
            status: 'current',
          },
        ],
      });

      const updated = await service.update(created.id, {
        version: 1,
        name: 'Nils Nyvald',
        party: 'L',
        email: 'nils@x.se',
        phone: '08-570 470 00',
        photoUrl: undefined,
      });
      expect(updated).toMatchObject({ version: 2, phone: '08-570 470 00' });

      const stale = await rejection(
        service.update(created.id, {
          version: 1,
          name: 'X',
          party: 'L',
          email: 'nils@x.se',
          phone: undefined,
          photoUrl: undefined,
        }),
      );
      expect(stale).toBeInstanceOf(ConflictError);
      expect(stale.message).toMatch(
        /changed by someone else \(now version 2\)/,
      );
      expect(stale.current).toMatchObject({ name: 'Nils Nyvald', version: 2 });

      const uppdragId = updated.uppdrag[0].id;
      const ended = await service.endUppdrag(created.id, uppdragId, {
        version: 2,
      });
      expect(ended.uppdrag[0]).toMatchObject({
        to: '2026-11-23',
        status: 'past',
      });
      const endAgain = await rejection(
        service.endUppdrag(created.id, uppdragId, {
          version: 3,
          to: '2026-12-31',
        }),
      );
      expect(endAgain).toBeInstanceOf(InputError);
      expect(endAgain.fields).toEqual([
        { field: 'to', message: 'the uppdrag already ended on 2026-11-23' },
      ]);

      const added = await service.addUppdrag(
        created.id,
        uppdragChangeSchema.parse({
          version: 3,
          organ: 'Valberedningen',
          role: 'ordförande',
          from: '2027-01-01',
          newOrgan: true,
        }),
      );
      expect(added.uppdrag.map(u => [u.organ, u.status])).toEqual([
        ['Valberedningen', 'upcoming'],
        ['Socialnämnden', 'past'],
      ]);
      // once in the directory, the new organ is known to everyone
      expect((await service.knownOrgans()).map(o => o.name)).toContain(
        'Valberedningen',
      );

      const removedUppdrag = await service.removeUppdrag(
        created.id,
        added.uppdrag[0].id,
        4,
      );
      expect(removedUppdrag.uppdrag).toHaveLength(1);

      await expect(service.remove(created.id, 4)).rejects.toBeInstanceOf(
        ConflictError,
      );
      await service.remove(created.id, 5);
      await expect(service.get(created.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses an unknown organ unless confirmed as new, a taken e-mail, and unknown ids, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      const unknownOrgan = await rejection(
        service.create(
          createFortroendevaldSchema.parse({
            name: 'A',
            party: 'S',
            email: 'a@x.se',
            uppdrag: [
              { organ: 'Socialnämden', role: 'ledamot', from: '2023-01-01' },
            ],
          }),
        ),
      );
      expect(unknownOrgan).toBeInstanceOf(InputError);
      expect(unknownOrgan.fields).toEqual([
        {
          field: 'uppdrag.0.organ',
          message: expect.stringMatching(/^'Socialnämden' is neither an organ/),
        },
      ]);

      const a = await service.create(
        createFortroendevaldSchema.parse({
          name: 'A',
          party: 'S',
          email: 'a@x.se',
        }),
      );
      const taken = await rejection(
        service.create(
          createFortroendevaldSchema.parse({
            name: 'B',
            party: 'S',
            email: 'A@x.se',
          }),
        ),
      );
      expect(taken).toBeInstanceOf(ConflictError);
      expect(taken.fields).toEqual([
        {
          field: 'email',
          message:
            'a@x.se is already the e-mail address of A; each förtroendevald has their own',
        },
      ]);

      await expect(service.get('nobody')).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        service.endUppdrag(a.id, 'no-such-uppdrag', { version: 1 }),
      ).rejects.toBeInstanceOf(NotFoundError);
    },
  );

  it.each(databases.eachSupportedId())(
    'publishes only name, party, e-mail and current uppdrag with Swedish role titles, on %p',
    async databaseId => {
      const { service } = await serviceOn(databaseId);
      await service.importFile(demoCsv(), { dryRun: false });

      const directory = await service.publicDirectory();

      expect(directory.date).toBe('2026-11-24');
      // 32 people, of whom Harald Engman and Birgit Hammar have only past uppdrag
      expect(directory.items).toHaveLength(30);
      const yvonne = directory.items.find(p => p.name === 'Yvonne Lindahl')!;
      expect(yvonne).toEqual({
        name: 'Yvonne Lindahl',
        party: 'S',
        email: 'yvonne.lindahl@politiker.varmdo.se',
        uppdrag: [
          {
            organ: 'Kommunfullmäktige',
            role: 'ledamot',
            from: '2023-01-01',
            to: '2026-12-31',
          },
          {
            organ: 'Kommunstyrelsen',
            role: '2:e vice ordförande',
            from: '2023-01-01',
            to: '2026-12-31',
          },
        ],
      });
      for (const person of directory.items) {
        expect(Object.keys(person).sort()).toEqual([
          'email',
          'name',
          'party',
          'uppdrag',
        ]);
      }
    },
  );
});
