import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fortroendevaldaManagePermission } from '@service-guidelines/plugin-service-guidelines-common';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { serviceGuidelinesPlugin } from '../../plugin';
import {
  DEMO_CSV_PATH,
  demoOrganGroups,
} from '../fortroendevalda/testFixtures';
import { withTodayAt } from '../../__testUtils__/fixedToday';

jest.setTimeout(120_000);

const API = '/api/service-guidelines';
const ADMIN = 'user:default/sara.ek';
const EMPLOYEE = 'user:default/erik.lindqvist';

// The demo terms run to 2026-12-31.
withTodayAt('2026-11-24T09:00:00Z');

/**
 * The plugin on a test database, seeded with the demo directory, with a permission policy that
 * allows managing the directory to the administrator only.
 */
async function startDirectoryBackend(
  databaseId: TestDatabaseId,
  databases: ReturnType<typeof createConfiguredTestDatabases>,
) {
  const knex = await databases.init(databaseId);
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(r => ({
        result:
          r.permission.name === fortroendevaldaManagePermission.name &&
          (credentials.principal as { userEntityRef?: string })
            .userEntityRef === ADMIN
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })) as never,
  });
  const auditor = mockServices.auditor.mock();
  const { server } = await startTestBackend({
    features: [
      serviceGuidelinesPlugin,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: demoOrganGroups() }),
      permissions.factory,
      auditor.factory,
      mockServices.rootConfig.factory({
        data: {
          serviceGuidelines: { fortroendevalda: { seedFile: DEMO_CSV_PATH } },
        },
      }),
    ],
  });
  const as = (user: string) => {
    const header = mockCredentials.user.header(user);
    return {
      get: (path: string) =>
        request(server)
          .get(API + path)
          .set('Authorization', header),
      post: (path: string, body?: object) =>
        request(server)
          .post(API + path)
          .set('Authorization', header)
          .send(body),
      put: (path: string, body?: object) =>
        request(server)
          .put(API + path)
          .set('Authorization', header)
          .send(body),
      delete: (path: string) =>
        request(server)
          .delete(API + path)
          .set('Authorization', header),
      upload: (path: string, body: string | Buffer, contentType = 'text/csv') =>
        request(server)
          .post(API + path)
          .set('Authorization', header)
          .set('Content-Type', contentType)
          .send(body),
    };
  };
  return { server, as, auditor, knex };
}

const databases = createConfiguredTestDatabases();

describe.each(databases.eachSupportedId())(
  'directory API on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startDirectoryBackend>>;
    beforeAll(async () => {
      backend = await startDirectoryBackend(
        databaseId as TestDatabaseId,
        databases,
      );
    });

    const anna = {
      name: 'Anna Andersson',
      party: 'S',
      email: 'anna.andersson@politiker.varmdo.se',
      uppdrag: [
        {
          organ: 'Socialnämnden',
          role: 'ledamot',
          from: '2023-01-01',
          to: '2026-12-31',
        },
      ],
    };

    describe('reading', () => {
      it('lists the seeded directory to any signed-in person, current terms by default', async () => {
        const res = await backend.as(EMPLOYEE).get('/fortroendevalda?limit=5');

        expect(res.status).toBe(200);
        // 32 people in the demo list, 2 of them only with past terms
        expect(res.body.totalCount).toBe(30);
        expect(res.body.items).toHaveLength(5);
        expect(res.body.items[0]).toMatchObject({
          name: 'Agneta Fors',
          party: 'VäP',
          email: 'agneta.fors@politiker.varmdo.se',
          version: 1,
          uppdrag: [
            {
              organ: 'Kultur- och fritidsnämnden',
              organRef: 'group:default/kultur-och-fritidsnamnden',
              role: 'forste-vice-ordforande',
              status: 'current',
            },
          ],
        });
      });

      it('searches by name and filters by organ, party, role and term', async () => {
        const names = async (query: string) =>
          (
            await backend.as(EMPLOYEE).get(`/fortroendevalda?${query}`)
          ).body.items.map((p: { name: string }) => p.name);

        expect(await names(`q=${encodeURIComponent('ÖHMAN')}`)).toEqual([
          'Sanna Öhman',
        ]);
        expect(
          await names('organ=kommunstyrelsen&role=ordf%C3%B6rande'),
        ).toEqual(['Torbjörn Ekman']);
        expect(
          await names('organ=Kommunstyrelsen&role=ordforande&term=past'),
        ).toEqual(['Yvonne Lindahl']);
        expect(await names('party=VäP'.replace('ä', '%C3%A4'))).toEqual([
          'Agneta Fors',
          'Petra Nyström',
        ]);
        expect(await names('term=past&party=M')).toEqual([
          'Birgit Hammar',
          'Torbjörn Ekman',
        ]);
      });

      it('refuses a bad query with a 400 naming each field', async () => {
        const res = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda?term=future&limit=0&role=talman');

        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(/^Invalid query: /);
        expect(
          res.body.error.fields.map((f: { field: string }) => f.field).sort(),
        ).toEqual(['limit', 'role', 'term']);
      });

      it('shows one person with every uppdrag, and 404 for an unknown id', async () => {
        const list = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda?q=torbj%C3%B6rn');
        const id = list.body.items[0].id;

        const res = await backend.as(EMPLOYEE).get(`/fortroendevalda/${id}`);
        const missing = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda/no-such-id');

        expect(res.status).toBe(200);
        expect(res.body.phone).toBe('070-174 06 08');
        expect(
          res.body.uppdrag.map((u: { status: string }) => u.status).sort(),
        ).toEqual(['current', 'current', 'past']);
        expect(missing.status).toBe(404);
        expect(missing.body.error.name).toBe('NotFoundError');
      });

      it('offers the facets of the directory and the known organs', async () => {
        const facets = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda/facets');
        const organs = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda/organs');

        expect(facets.body.parties).toEqual([
          'C',
          'KD',
          'L',
          'M',
          'MP',
          'S',
          'SD',
          'V',
          'VäP',
        ]);
        expect(facets.body.organs).toContainEqual({
          name: 'Bygg-, miljö- och hälsoskyddsnämnden',
          ref: 'group:default/bygg-miljo-och-halsoskyddsnamnden',
        });
        expect(
          organs.body.items.map((o: { name: string }) => o.name),
        ).not.toContain('Kontaktcenter');
        expect(organs.body.items).toHaveLength(7);
      });

      it('refuses a request without a signed-in person', async () => {
        const res = await request(backend.server)
          .get(`${API}/fortroendevalda`)
          .set('Authorization', mockCredentials.none.header());
        expect(res.status).toBe(401);
      });
    });

    describe('administration', () => {
      it('is refused to a medarbetare (DENY) and changes nothing', async () => {
        const created = await backend
          .as(EMPLOYEE)
          .post('/fortroendevalda', anna);
        const imported = await backend
          .as(EMPLOYEE)
          .upload('/fortroendevalda/import/apply', readFileSync(DEMO_CSV_PATH));

        expect(created.status).toBe(403);
        expect(created.body.error.name).toBe('NotAllowedError');
        expect(imported.status).toBe(403);
        const found = await backend
          .as(EMPLOYEE)
          .get('/fortroendevalda?q=anna%20andersson&term=all');
        expect(found.body.totalCount).toBe(0);
      });

      it('lets the administrator (ALLOW) add, change, end an uppdrag and remove, audited', async () => {
        const admin = backend.as(ADMIN);
        const created = await admin.post('/fortroendevalda', anna);
        expect(created.status).toBe(201);
        const { id } = created.body;

        const changed = await admin.put(`/fortroendevalda/${id}`, {
          version: 1,
          name: 'Anna Andersson',
          party: 'Socialdemokraterna',
          email: anna.email,
          phone: '08-570 470 00',
        });
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({
          party: 'S',
          phone: '08-570 470 00',
          version: 2,
        });

        const uppdragId = changed.body.uppdrag[0].id;
        const ended = await admin.post(
          `/fortroendevalda/${id}/uppdrag/${uppdragId}/end`,
          { version: 2 },
        );
        expect(ended.status).toBe(200);
        expect(ended.body.uppdrag[0]).toMatchObject({
          to: '2026-11-23',
          status: 'past',
        });

        const added = await admin.post(`/fortroendevalda/${id}/uppdrag`, {
          version: 3,
          organ: 'Kommunstyrelsen',
          role: 'ersättare',
          from: '2026-11-24',
        });
        expect(added.status).toBe(201);
        expect(added.body.uppdrag).toHaveLength(2);

        const removed = await admin.delete(`/fortroendevalda/${id}?version=4`);
        expect(removed.status).toBe(204);
        expect((await admin.get(`/fortroendevalda/${id}`)).status).toBe(404);

        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({
            eventId: 'fortroendevald-create',
            severityLevel: 'medium',
          }),
        );
        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({
            eventId: 'uppdrag-end',
            meta: { id, uppdragId },
          }),
        );
      });

      it('answers 400 naming each bad field, 409 for a taken e-mail or a stale version, 404 for unknown ids', async () => {
        const admin = backend.as(ADMIN);
        const bad = await admin.post('/fortroendevalda', {
          name: '',
          party: 'S',
          email: 'inte-en-adress',
          uppdrag: [
            {
              organ: 'Socialnämnden',
              role: 'ledamot',
              from: '2023-01-01',
              to: '2022-01-01',
            },
          ],
        });
        expect(bad.status).toBe(400);
        expect(bad.body.error.fields).toEqual([
          { field: 'name', message: 'must not be empty' },
          {
            field: 'email',
            message: expect.stringMatching(/must be an e-mail address/),
          },
          {
            field: 'uppdrag.0.to',
            message: 'must be on or after the first day (from)',
          },
        ]);

        const unknownOrgan = await admin.post('/fortroendevalda', {
          ...anna,
          email: 'b@x.se',
          uppdrag: [
            { organ: 'Socialnämden', role: 'ledamot', from: '2023-01-01' },
          ],
        });
        expect(unknownOrgan.status).toBe(400);
        expect(unknownOrgan.body.error.fields[0].field).toBe('uppdrag.0.organ');

        const taken = await admin.post('/fortroendevalda', {
          ...anna,
          email: 'Gunilla.Akesson@politiker.varmdo.se',
          uppdrag: [],
        });
        expect(taken.status).toBe(409);
        expect(taken.body.error.fields).toEqual([
          {
            field: 'email',
            message: expect.stringMatching(
              /already the e-mail address of Gunilla Åkesson/,
            ),
          },
        ]);

        const gunilla = (await admin.get('/fortroendevalda?q=gunilla')).body
          .items[0];
        const first = await admin.put(`/fortroendevalda/${gunilla.id}`, {
          version: gunilla.version,
          name: gunilla.name,
          party: gunilla.party,
          email: gunilla.email,
          phone: '070-174 06 99',
        });
        expect(first.status).toBe(200);
        const stale = await admin.put(`/fortroendevalda/${gunilla.id}`, {
          version: gunilla.version,
          name: 'Gunilla Å.',
          party: gunilla.party,
          email: gunilla.email,
        });
        expect(stale.status).toBe(409);
        expect(stale.body.error.name).toBe('ConflictError');
        expect(stale.body.error.current).toMatchObject({
          phone: '070-174 06 99',
          version: gunilla.version + 1,
        });

        const noVersion = await admin.delete(`/fortroendevalda/${gunilla.id}`);
        expect(noVersion.status).toBe(400);
        expect(noVersion.body.error.message).toMatch(/version: is required/);
        expect(
          (
            await admin.put('/fortroendevalda/nobody', {
              ...anna,
              uppdrag: undefined,
              version: 1,
            })
          ).status,
        ).toBe(404);
        expect(
          (
            await admin.post(
              `/fortroendevalda/${gunilla.id}/uppdrag/nothing/end`,
              { version: gunilla.version + 1 },
            )
          ).status,
        ).toBe(404);
      });
    });

    describe('import', () => {
      const header = 'namn;parti;epost;telefon;organ;roll;fran;till';

      it('runs a dry run that changes nothing, then applies exactly that plan', async () => {
        const admin = backend.as(ADMIN);
        const file = [
          header,
          'Nora Ny;L;nora@x.se;;Tekniska nämnden;ersättare;2026-11-24;2026-12-31',
        ].join('\n');

        const dryRun = await admin.upload(
          '/fortroendevalda/import/dry-run',
          file,
        );
        expect(dryRun.status).toBe(200);
        expect(dryRun.body).toMatchObject({
          format: 'csv',
          organs: ['Tekniska nämnden'],
          people: {
            added: [{ name: 'Nora Ny', email: 'nora@x.se', party: 'L' }],
          },
        });
        // The file lists Tekniska nämnden without its four members: they would be ended yesterday.
        expect(dryRun.body.uppdrag.ended).toHaveLength(4);
        expect(dryRun.body.uppdrag.ended[0].to).toBe('2026-11-23');
        expect(
          (await admin.get('/fortroendevalda?q=nora')).body.totalCount,
        ).toBe(0);

        const applied = await admin.upload(
          `/fortroendevalda/import/apply?planToken=${dryRun.body.planToken}`,
          file,
        );
        expect(applied.status).toBe(200);
        expect(applied.body.applied).toBe(true);
        expect(
          (await admin.get('/fortroendevalda?q=nora')).body.totalCount,
        ).toBe(1);
        expect(
          (
            await admin.get('/fortroendevalda?organ=Tekniska%20n%C3%A4mnden')
          ).body.items.map((p: { name: string }) => p.name),
        ).toEqual(['Nora Ny']);
        expect(backend.auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({ eventId: 'fortroendevalda-import' }),
        );
      });

      it('refuses a file with bad rows with every row listed, and a stale plan with 409', async () => {
        const admin = backend.as(ADMIN);
        const file = [
          header,
          'Ok Rad;S;ok@x.se;;Socialnämnden;ledamot;2023-01-01;',
          'Fel Datum;S;fel@x.se;;Socialnämnden;ledamot;2023-31-01;',
          'Fel Organ;S;organ@x.se;;Gatunämnden;ledamot;2023-01-01;',
        ].join('\r\n');

        const res = await admin.upload('/fortroendevalda/import/apply', file);

        expect(res.status).toBe(400);
        expect(res.body.error.rows).toEqual([
          { line: 3, field: 'fran', message: 'is not a date that exists' },
          {
            line: 4,
            field: 'organ',
            message: expect.stringMatching(
              /^'Gatunämnden' is neither an organ/,
            ),
          },
        ]);
        expect(
          (await admin.get('/fortroendevalda?q=ok%20rad&term=all')).body
            .totalCount,
        ).toBe(0);

        const stale = await admin.upload(
          `/fortroendevalda/import/apply?planToken=${'0'.repeat(32)}`,
          [header, 'Ok Rad;S;ok@x.se;;Socialnämnden;ledamot;2023-01-01;'].join(
            '\n',
          ),
        );
        expect(stale.status).toBe(409);
        expect(stale.body.error.plan.people.added).toHaveLength(1);
      });

      it('takes JSON sent as application/json, and refuses a body without a file', async () => {
        const admin = backend.as(ADMIN);
        const people = [
          {
            namn: 'Jonna Json',
            parti: 'MP',
            epost: 'jonna@x.se',
            uppdrag: [
              {
                organ: 'Kultur- och fritidsnämnden',
                roll: 'ersättare',
                fran: '2023-01-01',
              },
            ],
          },
        ];

        const res = await admin.upload(
          '/fortroendevalda/import/dry-run',
          JSON.stringify(people),
          'application/json',
        );
        const empty = await admin.upload('/fortroendevalda/import/dry-run', '');

        expect(res.status).toBe(200);
        expect(res.body.format).toBe('json');
        expect(res.body.uppdrag.added).toEqual([
          expect.objectContaining({
            name: 'Jonna Json',
            organ: 'Kultur- och fritidsnämnden',
            role: 'ersattare',
          }),
        ]);
        expect(empty.status).toBe(400);
        expect(empty.body.error.message).toMatch(
          /Send the file as the request body/,
        );
      });
    });
  },
);
