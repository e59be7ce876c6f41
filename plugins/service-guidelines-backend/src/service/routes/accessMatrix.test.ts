import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

/**
 * Access, proven: every route of the plugin × every demo role × the synpunkt's or report's unit
 * relative to the caller (own unit, a unit above it, another unit), with the exact status, the
 * fields of a 200, and no personal data — contact details, or a sekretess synpunkt's texts —
 * anywhere in an answer, a list, an export or a log line for a caller who may not see it. Every
 * answer that does carry personal data must have gone to the auditor with who, what and why.
 */

jest.setTimeout(600_000);

const databases = createConfiguredTestDatabases();

/** Personal data every synpunkt of the matrix carries; all are sekretess. */
const SECRET = {
  name: 'Matrix Hemligsson',
  email: 'matrix.hemligsson@example.se',
  phone: '070-555 01 99',
  address: 'Hemlighetsvägen 9, Gustavsberg',
  description: 'SEKRETESS-BESKRIVNING: eleven far illa hemma',
  utredning: 'SEKRETESS-UTREDNING: samtal med socialtjänsten',
  summary: 'SEKRETESS-ÅTERKOPPLING: vi har gjort en orosanmälan',
};
const SECRET_STRINGS = Object.values(SECRET);

function secretsIn(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return SECRET_STRINGS.filter(secret => text.includes(secret));
}

type Scope = 'own' | 'above' | 'other';
type Level = 'none' | 'read' | 'handle';

interface Role {
  role: string;
  /** The test user (see __testUtils__/organisation.ts); undefined: no credentials at all. */
  user?: string;
  /** The unit of each scope, relative to where the role sits in the organisation. */
  units: Partial<Record<Scope, string>>;
  /** Access to the synpunkter of each scope's unit. */
  synpunkter: Partial<Record<Scope, Level>>;
  /** Report answers (200/403) for each scope's unit, and for the options without a unit. */
  reports: Partial<Record<Scope | 'options', number>>;
  administrator: boolean;
}

const ROLES: Role[] = [
  {
    role: 'medarbetare',
    user: 'erik',
    units: { own: 'kontaktcenter', above: 'klf', other: 'skolan' },
    synpunkter: { own: 'read', above: 'none', other: 'none' },
    reports: { options: 403, own: 403, above: 403, other: 403 },
    administrator: false,
  },
  {
    // Handläggare of every synpunkt of ifo in this matrix.
    role: 'handläggare',
    user: 'ahmed',
    units: { own: 'ifo', above: 'socialforvaltningen', other: 'skolan' },
    synpunkter: { own: 'handle', above: 'none', other: 'none' },
    reports: { options: 403, own: 403, above: 403, other: 403 },
    administrator: false,
  },
  {
    role: 'chef of the unit',
    user: 'maria',
    units: { own: 'skolan', above: 'grundskola', other: 'ifo' },
    synpunkter: { own: 'handle', above: 'none', other: 'none' },
    reports: { options: 403, own: 403, above: 403, other: 403 },
    administrator: false,
  },
  {
    // Chef of utbildning, two levels above skolan: "own" is a unit of the förvaltning.
    role: 'förvaltningschef',
    user: 'lars',
    units: { own: 'skolan', above: 'bun', other: 'ifo' },
    synpunkter: { own: 'handle', above: 'none', other: 'none' },
    reports: { options: 403, own: 403, above: 403, other: 403 },
    administrator: false,
  },
  {
    // Reaches the whole organisation from the kommun down.
    role: 'KS report reader',
    user: 'klara',
    units: { own: 'ks', above: 'kommunen', other: 'skolan' },
    synpunkter: { own: 'none', above: 'none', other: 'none' },
    reports: { options: 200, own: 200, above: 200, other: 200 },
    administrator: false,
  },
  {
    role: 'nämnd report reader',
    user: 'nils',
    units: { own: 'bun', above: 'kommunen', other: 'soc' },
    synpunkter: { own: 'none', above: 'none', other: 'none' },
    reports: { options: 200, own: 200, above: 403, other: 403 },
    administrator: false,
  },
  {
    // In no unit: every unit is another's, and the kommun is above all.
    role: 'administrator',
    user: 'sara',
    units: { above: 'kommunen', other: 'skolan' },
    synpunkter: { above: 'handle', other: 'handle' },
    reports: { options: 200, above: 200, other: 200 },
    administrator: true,
  },
  {
    role: 'not signed in',
    units: { other: 'skolan' },
    synpunkter: { other: 'none' },
    reports: { options: 401, other: 401 },
    administrator: false,
  },
];

const ALL_UNITS = [
  ...new Set(ROLES.flatMap(r => Object.values(r.units) as string[])),
];
const ref = (unit: string) => `group:default/${unit}`;
/** Who handles the matrix's synpunkter of a unit. */
const handlerOf = (unit: string) =>
  unit === 'ifo' ? 'user:default/ahmed' : 'user:default/sara';

/** The workflow actions and the state a synpunkt must be in for each. */
const ACTIONS = {
  assign: {
    needs: [],
    body: (unit: string) => ({ handlaggareRef: handlerOf(unit) }),
  },
  'forsta-svar': { needs: [], body: () => ({}) },
  pause: { needs: [], body: () => ({ reason: 'Väntar på komplettering' }) },
  resume: { needs: ['pause'], body: () => ({}) },
  utredning: { needs: [], body: () => ({ text: SECRET.utredning }) },
  aterkoppling: {
    needs: [],
    body: () => ({ method: 'epost', summary: SECRET.summary }),
  },
  close: {
    needs: ['aterkoppling'],
    body: () => ({ outcome: 'Avslutad enligt rutin', ledToImprovement: false }),
  },
  reopen: {
    needs: ['aterkoppling', 'close'],
    body: () => ({ reason: 'Kunden hörde av sig igen' }),
  },
} as const;
type ActionName = keyof typeof ACTIONS;
/** The name the service gives each action in its audit events. */
const AUDITED_AS: Record<ActionName | 'update', string> = {
  assign: 'assign',
  'forsta-svar': 'forstaSvar',
  pause: 'pause',
  resume: 'resume',
  utredning: 'utredning',
  aterkoppling: 'aterkoppling',
  close: 'close',
  reopen: 'reopen',
  update: 'update',
};

/** The fields of a synpunkt read by someone without personal-data access, and with it. */
const READ_FIELDS = [
  'anonymous',
  'area',
  'arrivalDate',
  'aterkoppling',
  'aterkopplingDays',
  'aterkopplingDue',
  'channel',
  'forstaSvar',
  'handlaggareRef',
  'history',
  'id',
  'legalDuty',
  'pauses',
  'personalDataVisible',
  'receivedAt',
  'receivedDate',
  'registeredAt',
  'registeredBy',
  'registrationNumber',
  'sekretess',
  'status',
  'type',
  'unitRef',
  'updatedAt',
  'utredning',
  'version',
].sort();
const HANDLE_FIELDS = [...READ_FIELDS, 'contact', 'description'].sort();

/** Every route of the plugin's routers (src/service/routes/*.ts and router.ts). */
const MATRIX_ROUTES = [
  'DELETE /fortroendevalda/:id',
  'DELETE /fortroendevalda/:id/uppdrag/:uppdragId',
  'DELETE /svarsmallar/:id',
  'GET /fortroendevalda',
  'GET /fortroendevalda/:id',
  'GET /fortroendevalda/facets',
  'GET /fortroendevalda/organs',
  'GET /gallring/log',
  'GET /gallring/preview',
  'GET /health',
  'GET /openapi.json',
  'GET /public/fortroendevalda',
  'GET /reports/options',
  'GET /reports/synpunkter',
  'GET /reports/synpunkter/export',
  'GET /svarsmallar',
  'GET /synpunkter',
  'GET /synpunkter/:id',
  'GET /uppfoljning/oversikt',
  'GET /uppfoljningar',
  'GET /uppfoljningar/:id',
  'PATCH /synpunkter/:id',
  'POST /fortroendevalda',
  'POST /fortroendevalda/:id/uppdrag',
  'POST /fortroendevalda/:id/uppdrag/:uppdragId/end',
  'POST /fortroendevalda/import/apply',
  'POST /fortroendevalda/import/dry-run',
  'POST /svarsmallar',
  'POST /synpunkter',
  'POST /synpunkter/:id/aterkoppling',
  'POST /synpunkter/:id/assign',
  'POST /synpunkter/:id/close',
  'POST /synpunkter/:id/forsta-svar',
  'POST /synpunkter/:id/pause',
  'POST /synpunkter/:id/reopen',
  'POST /synpunkter/:id/resume',
  'POST /synpunkter/:id/utredning',
  'POST /uppfoljningar',
  'PUT /fortroendevalda/:id',
  'PUT /fortroendevalda/:id/uppdrag/:uppdragId',
  'PUT /svarsmallar/:id',
  'PUT /uppfoljningar/:id',
].sort();

/** The chef named on each unit of the test organisation (the unit's own, not those above). */
const CHEF_OF: Record<string, string> = {
  utbildning: 'lars',
  grundskola: 'jonas',
  skolan: 'maria',
  socialforvaltningen: 'eva',
  ifo: 'hanna',
  klf: 'anna',
  kontaktcenter: 'peter',
};
/** Follow-up scope of each user: the units they lead and every unit below, from the catalog. */
const FOLLOW_UP_SCOPE: Record<string, string[]> = {
  lars: ['grundskola', 'skolan', 'utbildning'],
  maria: ['skolan'],
};
const anUppfoljning = (unit: string) => ({
  unitRef: ref(unit),
  heldDate: '2026-11-02',
  participants: [{ name: 'Personalen' }],
  conclusions: 'Genomgång av synpunkterna.',
});

interface Cell {
  route: string;
  role: string;
  scope: Scope | '-';
}

describe.each(databases.eachSupportedId())(
  'access matrix on %p',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;
    const cells: Cell[] = [];
    const routesSeen = new Set<string>();
    /** A read fixture per unit: sekretess, with utredning and återkoppling recorded. */
    const fixture = new Map<string, { id: string; number: string }>();
    const svarsmall = new Map<string, { id: string }>();
    /** An uppföljning of each unit that has a chef, recorded by that chef. */
    const uppfoljning = new Map<string, { id: string; version: number }>();
    const sara = () => backend.as('sara');

    function caller(role: Role) {
      return role.user ? backend.as(role.user) : backend.unauthenticated();
    }

    function record(route: string, role: Role, scope: Scope | '-') {
      routesSeen.add(route);
      cells.push({ route, role: role.role, scope });
    }

    /** Fails set-up loudly: a matrix cell on a fixture that was not made would prove nothing. */
    function required(res: request.Response, status: number, what: string) {
      if (res.status !== status) {
        throw new Error(
          `${what}: expected ${status}, got ${res.status} ${JSON.stringify(
            res.body,
          )}`,
        );
      }
      return res;
    }

    /** A sekretess synpunkt of the unit, registered by the administrator, then taken through the steps. */
    async function prepared(unit: string, steps: readonly string[]) {
      const created = required(
        await sara().post(
          '/synpunkter',
          aSynpunkt({
            unitRef: ref(unit),
            area: 'ovrigt',
            type: 'forslag',
            receivedAt: undefined,
            sekretess: true,
            description: SECRET.description,
            contact: {
              name: SECRET.name,
              email: SECRET.email,
              phone: SECRET.phone,
              address: SECRET.address,
            },
            handlaggareRef: handlerOf(unit),
          }),
        ),
        201,
        `registering in ${unit}`,
      );
      let version = created.body.version as number;
      for (const step of steps) {
        const res = required(
          await sara().post(`/synpunkter/${created.body.id}/${step}`, {
            version,
            ...ACTIONS[step as ActionName].body(unit),
          }),
          200,
          `${step} in ${unit}`,
        );
        version = res.body.version;
      }
      return {
        id: created.body.id as string,
        number: created.body.registrationNumber as string,
        version,
      };
    }

    /** The personal-data reads the auditor was told of since the last clear. */
    function personalDataAudit() {
      return backend.auditor.createEvent.mock.calls
        .map(([event]) => event)
        .filter(event => event.eventId === 'synpunkt-personal-data-read')
        .map(event => {
          const meta = event.meta as { synpunkter: string[] };
          return { ...meta, synpunkter: [...meta.synpunkter].sort() };
        });
    }

    /** The one audit event a read of the synpunkter's personal data must leave. */
    function auditOf(role: Role, numbers: string[], requestName: string) {
      return [
        {
          actor: `user:default/${role.user}`,
          request: requestName,
          reason: expect.stringMatching(/handläggare/),
          synpunkter: [...numbers].sort(),
        },
      ];
    }

    beforeAll(async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startSynpunktBackend({
        knex,
        // The kommun too, so that "above" reaches the top of the tree.
        config: {
          serviceGuidelines: {
            synpunkter: {
              registrableUnitTypes: ['kommun', 'nämnd', 'förvaltning', 'enhet'],
            },
          },
        },
        // A request without credentials is not signed in (the test default is a mock user).
        extraFeatures: [
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
        ],
      });
      // The organ the matrix's import files list, known to the directory before any import.
      const importOrgan = await sara().post('/fortroendevalda', {
        name: 'Importerad Ledamot',
        party: 'S',
        email: 'import.ledamot@kommun.se',
        uppdrag: [
          {
            organ: 'Importnämnden',
            role: 'ledamot',
            from: '2023-01-01',
            newOrgan: true,
          },
        ],
      });
      required(importOrgan, 201, 'the import organ');
      for (const unit of ALL_UNITS) {
        fixture.set(unit, await prepared(unit, ['utredning', 'aterkoppling']));
        const mall = await sara().post('/svarsmallar', {
          unitRef: ref(unit),
          title: `Svar för ${unit}`,
          body: 'Tack för din synpunkt.',
        });
        svarsmall.set(unit, required(mall, 201, `svarsmall of ${unit}`).body);
        if (CHEF_OF[unit]) {
          const recorded = await backend
            .as(CHEF_OF[unit])
            .post('/uppfoljningar', anUppfoljning(unit));
          uppfoljning.set(
            unit,
            required(recorded, 201, `uppföljning of ${unit}`).body,
          );
        }
      }
    });

    describe.each(ROLES)('$role', role => {
      const scopes = Object.keys(role.units) as Scope[];
      const status = (level: Level, ok: number) => {
        if (!role.user) return 401;
        return level === 'none' ? 403 : ok;
      };

      it.each(scopes)('reads one synpunkt of the %s unit', async scope => {
        const unit = role.units[scope]!;
        const level = role.synpunkter[scope]!;
        const { id, number } = fixture.get(unit)!;
        backend.auditor.createEvent.mockClear();
        const res = await caller(role).get(`/synpunkter/${id}`);
        record('GET /synpunkter/:id', role, scope);

        const keys = (value: unknown) =>
          value && typeof value === 'object'
            ? Object.keys(value).sort()
            : undefined;
        const observed = {
          status: res.status,
          fields: res.status === 200 ? keys(res.body) : undefined,
          personalDataVisible: res.body.personalDataVisible,
          contact: res.body.contact,
          utredning: keys(res.body.utredning),
          aterkoppling: keys(res.body.aterkoppling),
          history: res.body.history?.map((h: { kind: string }) => h.kind),
          secrets: secretsIn(res.body),
          audit: personalDataAudit(),
        };
        const history = ['registrerad', 'utredning', 'aterkopplad'];
        const expected = {
          none: {
            status: status(level, 200),
            fields: undefined,
            personalDataVisible: undefined,
            contact: undefined,
            utredning: undefined,
            aterkoppling: undefined,
            history: undefined,
            secrets: [],
            audit: [],
          },
          // The history says what changed, never the hidden texts themselves.
          read: {
            status: 200,
            fields: READ_FIELDS,
            personalDataVisible: false,
            contact: undefined,
            utredning: ['date'],
            aterkoppling: ['date', 'method'],
            history,
            secrets: [],
            audit: [],
          },
          handle: {
            status: 200,
            fields: HANDLE_FIELDS,
            personalDataVisible: true,
            contact: {
              name: SECRET.name,
              email: SECRET.email,
              phone: SECRET.phone,
              address: SECRET.address,
            },
            utredning: ['date', 'text'],
            aterkoppling: ['date', 'method', 'summary'],
            history,
            secrets: SECRET_STRINGS,
            audit: auditOf(role, [number], 'read'),
          },
        }[level];
        expect(observed).toEqual(expected);
      });

      it.each(scopes)('lists the synpunkter of the %s unit', async scope => {
        const unit = role.units[scope]!;
        const level = role.synpunkter[scope]!;
        backend.auditor.createEvent.mockClear();
        const res = await caller(role).get(
          `/synpunkter?unit=${ref(unit)}&limit=200`,
        );
        record('GET /synpunkter', role, scope);

        type Item = {
          unitRef: string;
          personalDataVisible: boolean;
          registrationNumber: string;
          contact?: { email?: string };
        };
        const items: Item[] = res.body.items ?? [];
        const shown = items.filter(item => item.personalDataVisible);
        const observed = {
          status: res.status,
          // Whether the unit's own synpunkter come with personal data, once per answer given.
          ofUnit: [
            ...new Set(
              items
                .filter(item => item.unitRef === ref(unit))
                .map(item => item.personalDataVisible),
            ),
          ],
          hiddenButLeaking: items
            .filter(item => !item.personalDataVisible && secretsIn(item).length)
            .map(item => item.registrationNumber),
          shownWithoutContact: shown
            .filter(item => item.contact?.email !== SECRET.email)
            .map(item => item.registrationNumber),
          secretsOutsideItems: secretsIn({ ...res.body, items: undefined }),
          audit: personalDataAudit(),
        };
        expect(observed).toEqual({
          status: role.user ? 200 : 401,
          ofUnit: { none: [], read: [false], handle: [true] }[level],
          hiddenButLeaking: [],
          shownWithoutContact: [],
          secretsOutsideItems: [],
          audit: shown.length
            ? auditOf(
                role,
                shown.map(item => item.registrationNumber),
                'list',
              )
            : [],
        });
      });

      it.each(scopes)(
        'corrects and acts on a synpunkt of the %s unit only when handling it',
        async scope => {
          const unit = role.units[scope]!;
          const level = role.synpunkter[scope]!;
          const handles = level === 'handle';
          const refused = role.user ? 403 : 401;
          const steps: Array<[string, string, ActionName | 'update']> = [
            ['PATCH /synpunkter/:id', 'patch', 'update'],
            ...(Object.keys(ACTIONS) as ActionName[]).map(
              action =>
                [`POST /synpunkter/:id/${action}`, 'post', action] as [
                  string,
                  string,
                  ActionName,
                ],
            ),
          ];
          for (const [route, method, action] of steps) {
            const target = await prepared(
              unit,
              action === 'update' ? [] : ACTIONS[action].needs,
            );
            const body =
              action === 'update'
                ? {
                    version: target.version,
                    description: `${SECRET.description}.`,
                  }
                : { version: target.version, ...ACTIONS[action].body(unit) };
            backend.auditor.createEvent.mockClear();
            const path = `/synpunkter/${target.id}${
              action === 'update' ? '' : `/${action}`
            }`;
            const res =
              method === 'patch'
                ? await caller(role).patch(path, body)
                : await caller(role).post(path, body);
            record(route, role, scope);
            const audit = personalDataAudit();
            const after = await sara().get(`/synpunkter/${target.id}`);

            const observed = {
              route,
              status: res.status,
              answerHasPersonalData: secretsIn(res.body).length > 0,
              audit,
              versionAfter: after.body.version,
            };
            // Refused: nothing written, nothing personal said, nothing to audit.
            expect(observed).toEqual({
              route,
              status: handles ? 200 : refused,
              answerHasPersonalData: handles,
              audit: handles
                ? auditOf(role, [target.number], AUDITED_AS[action])
                : [],
              versionAfter: handles ? target.version + 1 : target.version,
            });
          }
        },
      );

      it.each(scopes)(
        'uses and keeps svarsmallar of the %s unit',
        async scope => {
          const unit = role.units[scope]!;
          // Every employee may keep svarsmallar (the policy allows it to all); see the report.
          const ok = (code: number) => (role.user ? code : 401);
          const list = await caller(role).get(`/svarsmallar?unit=${ref(unit)}`);
          record('GET /svarsmallar', role, scope);
          const created = await caller(role).post('/svarsmallar', {
            unitRef: ref(unit),
            title: `Mall av ${role.role}`,
            body: 'Hej!',
          });
          record('POST /svarsmallar', role, scope);
          const mall =
            created.status === 201 ? created.body : svarsmall.get(unit)!;
          const put = await caller(role).put(`/svarsmallar/${mall.id}`, {
            version: mall.version,
            title: 'Ändrad',
          });
          record('PUT /svarsmallar/:id', role, scope);
          const removed = await caller(role).delete(`/svarsmallar/${mall.id}`);
          record('DELETE /svarsmallar/:id', role, scope);

          expect({
            list: list.status,
            listsTheUnitsMall: (list.body.items ?? []).some(
              (m: { id: string }) => m.id === svarsmall.get(unit)!.id,
            ),
            create: created.status,
            update: put.status,
            remove: removed.status,
          }).toEqual({
            list: ok(200),
            listsTheUnitsMall: Boolean(role.user),
            create: ok(201),
            update: ok(200),
            remove: ok(204),
          });
        },
      );

      it.each(scopes)(
        'reads the report and its CSV export of the %s unit',
        async scope => {
          const unit = role.units[scope]!;
          const expected = role.reports[scope]!;
          const query = `period=helar&year=2026&unit=${ref(unit)}`;
          const report = await caller(role).get(`/reports/synpunkter?${query}`);
          record('GET /reports/synpunkter', role, scope);
          const csv = await caller(role).get(
            `/reports/synpunkter/export?${query}&format=csv`,
          );
          record('GET /reports/synpunkter/export', role, scope);

          const granted = expected === 200;
          expect({
            report: report.status,
            scope: report.body.scope?.unitRef,
            counted: (report.body.total?.current?.antal ?? 0) > 0,
            reportSecrets: secretsIn(report.body),
            csv: csv.status,
            csvIsCsv: /text\/csv/.test(csv.headers['content-type'] ?? ''),
            csvSecrets: secretsIn(csv.text ?? ''),
          }).toEqual({
            report: expected,
            scope: granted ? ref(unit) : undefined,
            counted: granted,
            reportSecrets: [],
            csv: expected,
            csvIsCsv: granted,
            csvSecrets: [],
          });
        },
      );

      it('reads the report options', async () => {
        const res = await caller(role).get('/reports/options');
        record('GET /reports/options', role, '-');
        expect(res.status).toBe(role.reports.options);
      });

      it('reads the directory of förtroendevalda, and changes it only as administrator', async () => {
        const who = caller(role);
        const signedIn = role.user ? 200 : 401;
        const refused = role.user ? 403 : 401;
        const write = (ok: number) => (role.administrator ? ok : refused);
        const answers: Array<{ route: string; status: number }> = [];
        const expectedAnswers: typeof answers = [];
        const check = async (
          route: string,
          res: request.Response | Promise<request.Response>,
          expected: number,
        ) => {
          const answer = await res;
          record(route, role, '-');
          answers.push({ route, status: answer.status });
          expectedAnswers.push({ route, status: expected });
          // The chain goes on only as far as the answers are right.
          if (answer.status !== expected) {
            throw new Error(
              `${route}: expected ${expected}, got ${
                answer.status
              } ${JSON.stringify(answer.body)}`,
            );
          }
          return answer;
        };

        // The administrator works on a person of her own; the others try the shared one.
        const shared = (
          await sara().post('/fortroendevalda', {
            name: `Delad Ledamot ${role.role}`,
            party: 'S',
            email: `delad.${cells.length}@kommun.se`,
            uppdrag: [
              {
                organ: 'Kommunstyrelsen',
                role: 'ledamot',
                from: '2023-01-01',
                newOrgan: true,
              },
            ],
          })
        ).body;
        await check(
          'GET /fortroendevalda',
          who.get('/fortroendevalda'),
          signedIn,
        );
        await check(
          'GET /fortroendevalda/facets',
          who.get('/fortroendevalda/facets'),
          signedIn,
        );
        await check(
          'GET /fortroendevalda/organs',
          who.get('/fortroendevalda/organs'),
          signedIn,
        );
        await check(
          'GET /fortroendevalda/:id',
          who.get(`/fortroendevalda/${shared.id}`),
          signedIn,
        );
        const created = await check(
          'POST /fortroendevalda',
          who.post('/fortroendevalda', {
            name: 'Ny Ledamot',
            party: 'M',
            email: `ny.${cells.length}@kommun.se`,
          }),
          write(201),
        );
        let person = role.administrator ? created.body : shared;
        const updated = await check(
          'PUT /fortroendevalda/:id',
          who.put(`/fortroendevalda/${person.id}`, {
            version: person.version,
            name: 'Ny Ledamot',
            party: 'M',
            email: person.email,
          }),
          write(200),
        );
        if (role.administrator) person = updated.body;
        const added = await check(
          'POST /fortroendevalda/:id/uppdrag',
          who.post(`/fortroendevalda/${person.id}/uppdrag`, {
            version: person.version,
            organ: 'Kommunstyrelsen',
            role: 'ersättare',
            from: '2024-01-01',
          }),
          write(201),
        );
        if (role.administrator) person = added.body;
        const uppdragId = person.uppdrag[person.uppdrag.length - 1].id;
        const changed = await check(
          'PUT /fortroendevalda/:id/uppdrag/:uppdragId',
          who.put(`/fortroendevalda/${person.id}/uppdrag/${uppdragId}`, {
            version: person.version,
            organ: 'Kommunstyrelsen',
            role: 'ersättare',
            from: '2024-02-01',
          }),
          write(200),
        );
        if (role.administrator) person = changed.body;
        const ended = await check(
          'POST /fortroendevalda/:id/uppdrag/:uppdragId/end',
          who.post(`/fortroendevalda/${person.id}/uppdrag/${uppdragId}/end`, {
            version: person.version,
          }),
          write(200),
        );
        if (role.administrator) person = ended.body;
        const removedUppdrag = await check(
          'DELETE /fortroendevalda/:id/uppdrag/:uppdragId',
          who.delete(
            `/fortroendevalda/${person.id}/uppdrag/${uppdragId}?version=${person.version}`,
          ),
          write(200),
        );
        if (role.administrator) person = removedUppdrag.body;
        await check(
          'DELETE /fortroendevalda/:id',
          who.delete(`/fortroendevalda/${person.id}?version=${person.version}`),
          write(204),
        );
        const file = `namn,parti,epost,telefon,organ,roll,fran,till\nImport Ledamot,S,import.ledamot@kommun.se,,Importnämnden,ledamot,2023-01-01,2026-12-31\n`;
        for (const route of ['dry-run', 'apply']) {
          const path = `/fortroendevalda/import/${route}`;
          await check(
            `POST ${path}`,
            request(backend.server)
              .post(`/api/service-guidelines${path}`)
              .set(
                role.user
                  ? {
                      Authorization: mockCredentials.user.header(
                        `user:default/${role.user}`,
                      ),
                    }
                  : {},
              )
              .set('Content-Type', 'text/csv')
              .send(file),
            write(200),
          );
        }
        // The shared person is untouched by everyone but the administrator.
        const sharedNow = await sara().get(`/fortroendevalda/${shared.id}`);
        expect({ answers, sharedVersion: sharedNow.body.version }).toEqual({
          answers: expectedAnswers,
          sharedVersion: shared.version,
        });
      });

      it.each(scopes)(
        'follows up the %s unit only as its chef or a chef above (uppföljningar)',
        async scope => {
          const unit = role.units[scope]!;
          const who = caller(role);
          const inScope = (FOLLOW_UP_SCOPE[role.user ?? ''] ?? []).includes(
            unit,
          );
          /** 401 without sign-in, else `ok` when the condition holds and 403 when not. */
          const answer = (ok: number, condition: boolean) => {
            if (!role.user) return 401;
            return condition ? ok : 403;
          };
          const allowed = (ok: number) => answer(ok, inScope);
          const answers: Record<string, number> = {};
          const bodies: unknown[] = [];
          const check = async (route: string, res: request.Response) => {
            record(route, role, scope);
            answers[route] = res.status;
            bodies.push(res.body);
          };
          await check(
            'GET /uppfoljningar',
            await who.get(`/uppfoljningar?unit=${ref(unit)}`),
          );
          await check(
            'POST /uppfoljningar',
            await who.post('/uppfoljningar', anUppfoljning(unit)),
          );
          const expected: Record<string, number> = {
            'GET /uppfoljningar': allowed(200),
            'POST /uppfoljningar': allowed(201),
          };
          const existing = uppfoljning.get(unit);
          if (existing) {
            await check(
              'GET /uppfoljningar/:id',
              await who.get(`/uppfoljningar/${existing.id}`),
            );
            const { unitRef: _unit, ...fields } = anUppfoljning(unit);
            // Only the chef who recorded it may change it; a chef above reads it.
            const mine = role.user === CHEF_OF[unit];
            const put = await who.put(`/uppfoljningar/${existing.id}`, {
              ...fields,
              version: existing.version,
              conclusions: `Ändrad av ${role.role}`,
            });
            await check('PUT /uppfoljningar/:id', put);
            if (put.status === 200) {
              uppfoljning.set(unit, put.body);
            }
            expected['GET /uppfoljningar/:id'] = allowed(200);
            expected['PUT /uppfoljningar/:id'] = answer(200, inScope && mine);
          }
          expect(answers).toEqual(expected);
          expect(bodies.flatMap(secretsIn)).toEqual([]);
        },
      );

      it('sees Min uppföljning for exactly the units it leads, and gallring only as administrator', async () => {
        const who = caller(role);
        const overview = await who.get('/uppfoljning/oversikt');
        record('GET /uppfoljning/oversikt', role, '-');
        const preview = await who.get('/gallring/preview');
        record('GET /gallring/preview', role, '-');
        const log = await who.get('/gallring/log');
        record('GET /gallring/log', role, '-');
        const signedIn = (ok: number) => {
          if (!role.user) return 401;
          return role.administrator ? ok : 403;
        };
        expect({
          overview: overview.status,
          units: (overview.body.units ?? [])
            .map((u: { unitRef: string }) => u.unitRef)
            .sort(),
          preview: preview.status,
          log: log.status,
          secrets: [overview.body, preview.body, log.body].flatMap(secretsIn),
        }).toEqual({
          overview: role.user ? 200 : 401,
          units: (FOLLOW_UP_SCOPE[role.user ?? ''] ?? []).map(ref).sort(),
          preview: signedIn(200),
          log: signedIn(200),
          secrets: [],
        });
      });

      it('reads the public directory, health and the API description', async () => {
        const publicList = await backend
          .unauthenticated()
          .get('/public/fortroendevalda');
        record('GET /public/fortroendevalda', role, '-');
        const health = await caller(role).get('/health');
        record('GET /health', role, '-');
        const openApi = await caller(role).get('/openapi.json');
        record('GET /openapi.json', role, '-');
        expect([publicList.status, health.status, openApi.status]).toEqual([
          200,
          role.user ? 200 : 401,
          role.user ? 200 : 401,
        ]);
      });

      it.each(scopes)(
        'registers a synpunkt for the %s unit and sees what it typed once',
        async scope => {
          const unit = role.units[scope]!;
          const res = await caller(role).post(
            '/synpunkter',
            aSynpunkt({
              unitRef: ref(unit),
              area: 'ovrigt',
              receivedAt: undefined,
              contact: { name: SECRET.name, email: SECRET.email },
            }),
          );
          record('POST /synpunkter', role, scope);
          expect({ status: res.status, contact: res.body.contact }).toEqual({
            status: role.user ? 201 : 401,
            contact: role.user
              ? { name: SECRET.name, email: SECRET.email }
              : undefined,
          });
        },
      );
    });

    it('logged nothing personal, and covered every route', () => {
      const lines = backend.logLines;
      // The logger was in use, and said nothing personal.
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter(line => secretsIn(line).length)).toEqual([]);

      const routes = [...routesSeen].sort();
      const byRoute = routes.map(route => ({
        route,
        cells: cells.filter(c => c.route === route).length,
      }));
      // The report to the lead: how much of the matrix ran.
      process.stdout.write(
        `access matrix on ${databaseId}: ${routes.length} routes × ${
          ROLES.length
        } roles × scopes = ${cells.length} cells\n${byRoute
          .map(r => `  ${r.route}: ${r.cells}`)
          .join('\n')}\n`,
      );
      expect(routes).toEqual(MATRIX_ROUTES);
    });
  },
);
