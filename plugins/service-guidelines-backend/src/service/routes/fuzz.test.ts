import { mockCredentials, TestDatabaseId } from '@backstage/backend-test-utils';
import {
  ATERKOPPLING_METHODS,
  CHANNELS,
  DEFAULT_AREAS,
  NOT_SYNPUNKT_CATEGORIES,
  SYNPUNKT_STATUSES,
  SYNPUNKT_TYPES,
} from '@service-guidelines/plugin-service-guidelines-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

/**
 * Bad input never costs data: generated bodies and query strings, valid, nearly valid and
 * nonsense, sent to every write and list route. Every answer is 2xx, or 4xx with a message; never
 * 5xx. Afterwards the database holds exactly the synpunkter, history entries, svarsmallar and
 * uppföljningar the 2xx answers acknowledged.
 */

jest.setTimeout(300_000);

const databases = createConfiguredTestDatabases();

/** Fixed, so that a failure is reproduced by the next run; fast-check prints it with the case. */
const SEED = 20261124;

// ---- values: the valid ones of each field, and junk of every JSON shape --------------------

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
  // Any code point: control characters, NUL, emoji, right-to-left marks.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      "'; DROP TABLE synpunkter; --",
      '   ',
      '',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('x'.repeat(10_001), 'å'.repeat(501)),
  },
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1e308, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), {
    maxKeys: 2,
  }),
);
/** Mostly a valid value, sometimes junk, sometimes left out. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.option(
    fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: junk }),
    { nil: undefined, freq: 6 },
  );
}
const isoDate = fc
  .date({
    min: new Date('2019-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(d => d.toISOString().slice(0, 10));
const instant = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2026-11-20T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(d => d.toISOString());
const version = fc.oneof(
  { weight: 5, arbitrary: fc.constant(1) },
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 4 }) },
);
const UNITS = [
  'skolan',
  'grundskola',
  'ifo',
  'kontaktcenter',
  'bun',
  'nowhere',
].map(u => `group:default/${u}`);
const USERS = ['sara', 'maria', 'ahmed', 'erik', 'nobody'].map(
  u => `user:default/${u}`,
);
const unitRef = fc.constantFrom(...UNITS);
const realUnitRef = fc.constantFrom(...UNITS.slice(0, 5));
const userRef = fc.constantFrom(...USERS);
const contact = fc.record(
  {
    name: field(text),
    email: fc.emailAddress(),
    phone: field(fc.constantFrom('08-123 45 67', '+46 70 123 45 67', '12')),
    address: field(text),
  },
  { requiredKeys: ['email'] },
);
const validText = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter(t => t.trim().length > 0);

/**
 * A body for a route, from the valid values of its fields: a valid body; a valid body with one
 * field turned to junk or left out; every field mostly valid; an extra key; or any JSON at all.
 */
function body(
  valid: Record<string, fc.Arbitrary<unknown>>,
  optional: Record<string, fc.Arbitrary<unknown>> = {},
) {
  const keys = [...Object.keys(valid), ...Object.keys(optional)];
  const validBody = fc.record(
    { ...valid, ...optional },
    { requiredKeys: Object.keys(valid) },
  );
  const fuzzed = Object.fromEntries(
    keys.map(k => [k, field({ ...valid, ...optional }[k])]),
  );
  return fc.oneof(
    { weight: 4, arbitrary: validBody },
    {
      weight: 3,
      arbitrary: fc
        .tuple(validBody, fc.constantFrom(...keys), fc.option(junk))
        .map(([b, key, value]) => {
          const copy: Record<string, unknown> = { ...b };
          if (value === null) delete copy[key];
          else copy[key] = value;
          return copy;
        }),
    },
    { weight: 2, arbitrary: fc.record(fuzzed, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(validBody, fc.string({ maxLength: 8 }), junk)
        .map(([b, key, value]) => ({ ...b, [key]: value })),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  );
}

// ---- query strings ----------------------------------------------------------------------

/** A query string of the given keys with valid or junk values, or raw nonsense. */
function query(keys: Record<string, fc.Arbitrary<string>>) {
  const anyValue = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const pairs = fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .constantFrom(...Object.keys(keys))
          .chain(k =>
            fc.tuple(
              fc.constant(k),
              fc.oneof(
                { weight: 3, arbitrary: keys[k] },
                { weight: 1, arbitrary: anyValue },
              ),
            ),
          ),
      },
      // Unknown keys, and the bracket syntax that makes arrays and objects of a query.
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('x', 'status[]', 'q[a]', 'limit[0]', '__proto__'),
          anyValue,
        ),
      },
    ),
    { maxLength: 5 },
  );
  const encoded = pairs.map(list =>
    list
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&'),
  );
  // Broken percent-encoding and separators, sent as they are.
  const raw = fc
    .array(
      fc.constantFrom(
        'q',
        'status',
        'limit',
        '=',
        '&',
        '%',
        '%00',
        '%E0%A4%A',
        '%ZZ',
        '[',
        ']',
        ',',
        '+',
        'a',
        '1',
      ),
      { maxLength: 12 },
    )
    .map(parts => parts.join(''));
  return fc.oneof(
    { weight: 5, arbitrary: encoded },
    { weight: 1, arbitrary: raw },
  );
}
const csvOf = <T extends string>(values: readonly T[]) =>
  fc.subarray([...values], { minLength: 1 }).map(v => v.join(','));

// ---- the routes -------------------------------------------------------------------------

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
interface FuzzedRequest {
  user: string;
  method: Method;
  path: string;
  /** A JSON body, or a raw string sent as it is with the given content type. */
  body?: unknown;
  raw?: { text: string; contentType: string };
}

interface Targets {
  synpunktIds: string[];
  uppfoljningIds: string[];
  svarsmallIds: string[];
  personIds: string[];
  uppdragIds: string[];
}

const user = fc.constantFrom('sara', 'sara', 'maria', 'ahmed', 'erik', 'karin');
/** For the follow-up routes: mostly chefs (Maria of skolan, Lars above it), sometimes not. */
const chefs = fc.constantFrom('maria', 'maria', 'lars', 'erik', 'sara');
const id = (ids: () => string[]) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.nat().map(n => encodeURIComponent(ids()[n % ids().length])),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('does-not-exist', '..', "1' OR '1'='1")
        .map(encodeURIComponent),
    },
    // Sent as they are: a NUL, and a broken percent-encoding.
    { weight: 1, arbitrary: fc.constantFrom('%00', 'a%00b', '%E0%A4%A') },
  );

/** Each route with how many generated requests it gets, and how to generate one. */
function routes(targets: Targets) {
  const synpunkt = id(() => targets.synpunktIds);
  const svarsmall = id(() => targets.svarsmallIds);
  const uppfoljningId = id(() => targets.uppfoljningIds);
  const synpunktIds = fc.array(
    fc.nat().map(n => targets.synpunktIds[n % targets.synpunktIds.length]),
    { maxLength: 3 },
  );
  const uppfoljningFields = {
    heldDate: isoDate,
    participants: fc.array(fc.record({ name: validText }), {
      minLength: 1,
      maxLength: 3,
    }),
    conclusions: validText,
  };
  const uppfoljningOptional = {
    synpunktIds,
    actions: fc.array(
      fc.record({
        description: validText,
        responsible: validText,
        dueDate: isoDate,
      }),
      { maxLength: 2 },
    ),
  };
  const person = id(() => targets.personIds);
  const uppdrag = id(() => targets.uppdragIds);
  const json = (
    method: Method,
    path: fc.Arbitrary<string>,
    b: fc.Arbitrary<unknown>,
    who: fc.Arbitrary<string> = user,
  ) =>
    fc.record({
      user: who,
      method: fc.constant(method),
      path,
      body: b,
    }) as fc.Arbitrary<FuzzedRequest>;
  const get = (path: string, q: fc.Arbitrary<string>) =>
    fc.record({
      user,
      method: fc.constant<Method>('get'),
      path: q.map(s => `${path}?${s}`),
    });
  const action = (
    name: string,
    shape: Record<string, fc.Arbitrary<unknown>>,
    optional: Record<string, fc.Arbitrary<unknown>> = {},
  ) =>
    json(
      'post',
      synpunkt.map(i => `/synpunkter/${i}/${name}`),
      body({ version, ...shape }, optional),
    );

  /** A DELETE of the path with the version it is based on in the query. */
  const removal = (path: fc.Arbitrary<string>) =>
    fc.record({
      user,
      method: fc.constant<Method>('delete'),
      path: fc
        .tuple(
          path,
          query({ version: fc.integer({ min: 1, max: 8 }).map(String) }),
        )
        .map(([p, q]) => `${p}?${q}`),
    });
  const uppdragShape = {
    version,
    organ: fc.constantFrom(
      'Kommunstyrelsen',
      'Barn- och utbildningsnämnden',
      'Okänd nämnd',
    ),
    role: fc.constantFrom('ledamot', 'ersättare', 'Ordförande', 'talman'),
    from: isoDate,
  };
  const uppdragOptional = { to: isoDate, newOrgan: fc.boolean() };
  const { version: _v, ...uppdragFields } = uppdragShape;
  const personShape = {
    name: validText,
    party: fc.constantFrom('S', 'M', 'kd', 'Lokalpartiet', '???'),
    email: fc.emailAddress(),
  };
  const personOptional = {
    phone: fc.constantFrom('070-123 45 67', 'abc'),
    photoUrl: fc.constantFrom(
      'https://example.se/a.jpg',
      'http://x',
      // A script address, which a photo link must never be.
      ['javascript', 'alert(1)'].join(':'),
    ),
  };
  const csvFile = fc
    .array(
      fc.tuple(
        text,
        fc.constantFrom('S', 'M'),
        fc.emailAddress(),
        fc.constantFrom('Kommunstyrelsen', 'Okänd'),
        fc.constantFrom('ledamot', 'ordförande', 'x'),
        isoDate,
      ),
      { maxLength: 4 },
    )
    .map(rows =>
      [
        'namn,parti,epost,telefon,organ,roll,fran,till',
        ...rows.map(
          r =>
            `${r[0].replace(/[,\n"]/g, ' ')},${r[1]},${r[2]},,${r[3]},${r[4]},${
              r[5]
            },`,
        ),
      ].join('\n'),
    );
  const importFile = (path: string) =>
    fc.record({
      user,
      method: fc.constant<Method>('post'),
      path: fc.constant(path),
      raw: fc.oneof(
        csvFile.map(t => ({ text: t, contentType: 'text/csv' })),
        fc
          .string({ unit: 'binary', maxLength: 200 })
          .map(t => ({ text: t, contentType: 'text/csv' })),
        fc.jsonValue({ maxDepth: 2 }).map(v => ({
          text: JSON.stringify(v),
          contentType: 'application/json',
        })),
      ),
    });

  return {
    'POST /synpunkter': [
      2000,
      json(
        'post',
        fc.constant('/synpunkter'),
        body(
          {
            // Now and then a matter that is not a synpunkt, to be answered with guidance.
            type: fc.oneof(
              { weight: 9, arbitrary: fc.constantFrom(...SYNPUNKT_TYPES) },
              {
                weight: 1,
                arbitrary: fc.constantFrom(...NOT_SYNPUNKT_CATEGORIES),
              },
            ),
            channel: fc.constantFrom(...CHANNELS),
            unitRef: realUnitRef,
            area: fc.constantFrom(...DEFAULT_AREAS.map(a => a.id)),
            description: validText,
            anonymous: fc.constant(false),
            contact,
          },
          {
            receivedAt: instant,
            handlaggareRef: fc.constantFrom(...USERS.slice(0, 4)),
            sekretess: fc.boolean(),
          },
        ),
      ),
    ],
    'PATCH /synpunkter/:id': [
      800,
      json(
        'patch',
        synpunkt.map(i => `/synpunkter/${i}`),
        body(
          { version },
          {
            type: fc.constantFrom(...SYNPUNKT_TYPES),
            channel: fc.constantFrom(...CHANNELS),
            unitRef: realUnitRef,
            area: fc.constantFrom('ovrigt', 'utbildning', 'okand'),
            description: validText,
            contact,
            sekretess: fc.boolean(),
          },
        ),
      ),
    ],
    'POST /synpunkter/:id/assign': [
      300,
      action('assign', { handlaggareRef: userRef }),
    ],
    'POST /synpunkter/:id/forsta-svar': [
      300,
      action('forsta-svar', {}, { date: isoDate }),
    ],
    'POST /synpunkter/:id/pause': [
      300,
      action('pause', { reason: validText }, { from: isoDate }),
    ],
    'POST /synpunkter/:id/resume': [300, action('resume', {}, { to: isoDate })],
    'POST /synpunkter/:id/utredning': [
      300,
      action('utredning', { text: validText }),
    ],
    'POST /synpunkter/:id/aterkoppling': [
      300,
      action(
        'aterkoppling',
        {
          method: fc.constantFrom(...ATERKOPPLING_METHODS),
          summary: validText,
        },
        { date: isoDate },
      ),
    ],
    'POST /synpunkter/:id/close': [
      300,
      action(
        'close',
        { outcome: validText, ledToImprovement: fc.boolean() },
        { improvementDescription: validText },
      ),
    ],
    'POST /synpunkter/:id/reopen': [
      300,
      action('reopen', { reason: validText }),
    ],
    'GET /synpunkter': [
      1500,
      get(
        '/synpunkter',
        query({
          status: csvOf(SYNPUNKT_STATUSES),
          type: csvOf(SYNPUNKT_TYPES),
          channel: csvOf(CHANNELS),
          unit: unitRef,
          area: fc.constantFrom('ovrigt', 'utbildning'),
          handlaggare: userRef,
          mine: fc.constantFrom('true', 'false'),
          open: fc.constantFrom('true', 'false'),
          overdue: fc.constantFrom('true', 'false'),
          dueWithinDays: fc.nat(400).map(String),
          receivedFrom: isoDate,
          receivedTo: isoDate,
          q: fc.string({ maxLength: 20 }),
          limit: fc.integer({ min: -1, max: 250 }).map(String),
          cursor: fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.constant('WyIyMDI2IiwiYSJd'),
          ),
        }),
      ),
    ],
    'GET /uppfoljning/oversikt': [
      200,
      get(
        '/uppfoljning/oversikt',
        query({
          from: isoDate,
          to: isoDate,
          dueWithinDays: fc.integer({ min: -2, max: 70 }).map(String),
        }),
      ),
    ],
    'GET /uppfoljningar': [
      200,
      get('/uppfoljningar', query({ unit: unitRef })),
    ],
    'POST /uppfoljningar': [
      400,
      json(
        'post',
        fc.constant('/uppfoljningar'),
        body(
          {
            // Mostly the unit that Maria leads and Lars is above, so that many are acknowledged.
            unitRef: fc.oneof(
              { weight: 3, arbitrary: fc.constant('group:default/skolan') },
              { weight: 1, arbitrary: realUnitRef },
            ),
            ...uppfoljningFields,
          },
          uppfoljningOptional,
        ),
        chefs,
      ),
    ],
    'PUT /uppfoljningar/:id': [
      300,
      json(
        'put',
        uppfoljningId.map(i => `/uppfoljningar/${i}`),
        body({ version, ...uppfoljningFields }, uppfoljningOptional),
        chefs,
      ),
    ],
    'GET /svarsmallar': [300, get('/svarsmallar', query({ unit: unitRef }))],
    'POST /svarsmallar': [
      400,
      json(
        'post',
        fc.constant('/svarsmallar'),
        body({ unitRef: realUnitRef, title: validText, body: validText }),
      ),
    ],
    'PUT /svarsmallar/:id': [
      300,
      json(
        'put',
        svarsmall.map(i => `/svarsmallar/${i}`),
        body({ version }, { title: validText, body: validText }),
      ),
    ],
    'DELETE /svarsmallar/:id': [
      150,
      fc.record({
        user,
        method: fc.constant<Method>('delete'),
        path: svarsmall.map(i => `/svarsmallar/${i}`),
      }),
    ],
    'GET /fortroendevalda': [
      400,
      get(
        '/fortroendevalda',
        query({
          q: fc.string({ maxLength: 20 }),
          organ: fc.constantFrom('Kommunstyrelsen', 'x'),
          party: fc.constantFrom('S', 'M'),
          role: fc.constantFrom('ledamot', 'talman'),
          term: fc.constantFrom('current', 'past', 'all', 'x'),
          limit: fc.integer({ min: -1, max: 600 }).map(String),
          offset: fc.integer({ min: -1, max: 10 ** 6 }).map(String),
        }),
      ),
    ],
    'POST /fortroendevalda': [
      400,
      json(
        'post',
        fc.constant('/fortroendevalda'),
        body(personShape, {
          ...personOptional,
          uppdrag: fc.array(
            fc.record(
              { ...uppdragFields, ...uppdragOptional },
              { requiredKeys: ['organ', 'role', 'from'] },
            ),
            { maxLength: 2 },
          ),
        }),
      ),
    ],
    'PUT /fortroendevalda/:id': [
      300,
      json(
        'put',
        person.map(i => `/fortroendevalda/${i}`),
        body({ version, ...personShape }, personOptional),
      ),
    ],
    'POST /fortroendevalda/:id/uppdrag': [
      300,
      json(
        'post',
        person.map(i => `/fortroendevalda/${i}/uppdrag`),
        body(uppdragShape, uppdragOptional),
      ),
    ],
    'PUT /fortroendevalda/:id/uppdrag/:uppdragId': [
      200,
      json(
        'put',
        fc
          .tuple(person, uppdrag)
          .map(([p, u]) => `/fortroendevalda/${p}/uppdrag/${u}`),
        body(uppdragShape, uppdragOptional),
      ),
    ],
    'POST /fortroendevalda/:id/uppdrag/:uppdragId/end': [
      200,
      json(
        'post',
        fc
          .tuple(person, uppdrag)
          .map(([p, u]) => `/fortroendevalda/${p}/uppdrag/${u}/end`),
        body({ version }, { to: isoDate }),
      ),
    ],
    'DELETE /fortroendevalda/:id/uppdrag/:uppdragId': [
      150,
      removal(
        fc
          .tuple(person, uppdrag)
          .map(([p, u]) => `/fortroendevalda/${p}/uppdrag/${u}`),
      ),
    ],
    'DELETE /fortroendevalda/:id': [
      100,
      removal(person.map(p => `/fortroendevalda/${p}`)),
    ],
    'POST /fortroendevalda/import/dry-run': [
      300,
      importFile('/fortroendevalda/import/dry-run'),
    ],
    'POST /fortroendevalda/import/apply': [
      150,
      importFile('/fortroendevalda/import/apply'),
    ],
    'GET /reports/synpunkter': [
      300,
      get(
        '/reports/synpunkter',
        query({
          period: fc.constantFrom('delar', 'helar', 'range', 'kvartal'),
          year: fc.integer({ min: 2018, max: 2031 }).map(String),
          from: isoDate,
          to: isoDate,
          unit: unitRef,
        }),
      ),
    ],
    'GET /reports/synpunkter/export': [
      100,
      get(
        '/reports/synpunkter/export',
        query({
          period: fc.constantFrom('delar', 'helar', 'range'),
          year: fc.integer({ min: 2025, max: 2027 }).map(String),
          unit: unitRef,
          // CSV only: XLSX and PDF take long to build and share the same query parsing.
          format: fc.constantFrom('csv', 'docx'),
          decimal: fc.constantFrom('comma', 'point', 'x'),
          lang: fc.constantFrom('sv', 'en', 'de'),
        }),
      ),
    ],
    'GET /public/fortroendevalda': [
      100,
      get('/public/fortroendevalda', query({ x: fc.string() })),
    ],
  } satisfies Record<string, [number, fc.Arbitrary<FuzzedRequest>]>;
}

/** What is wrong with an answer: a 5xx, a 4xx without a message, or anything but 2xx or 4xx. */
function problemWith(res: request.Response): string | undefined {
  const answer = JSON.stringify(res.body);
  if (res.status >= 500) return `${res.status} ${answer}`;
  if (res.status >= 400) {
    const message: unknown = res.body?.error?.message;
    return typeof message === 'string' && message.trim().length > 0
      ? undefined
      : `${res.status} without a message: ${answer}`;
  }
  return res.status >= 200 && res.status < 300
    ? undefined
    : `unexpected ${res.status}`;
}

async function count(knex: Knex, table: string): Promise<number> {
  const [{ n }] = await knex(table).count({ n: '*' });
  return Number(n);
}

describe.each(databases.eachSupportedId())(
  'fuzzed requests on %p',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;
    const targets: Targets = {
      synpunktIds: [],
      uppfoljningIds: [],
      svarsmallIds: [],
      personIds: [],
      uppdragIds: [],
    };
    /** What the 2xx answers acknowledged, to compare with the database afterwards. */
    const acknowledged = {
      synpunkter: 0,
      events: 0,
      svarsmallar: 0,
      uppfoljningar: 0,
    };
    let sent = 0;
    /** How often each route answered each status, for the record. */
    const statuses = new Map<string, number>();

    async function send(r: FuzzedRequest): Promise<request.Response> {
      const test = backend.as(r.user);
      if (r.raw) {
        return request(backend.server)
          .post(`/api/service-guidelines${r.path}`)
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${r.user}`),
          )
          .set('Content-Type', r.raw.contentType)
          .send(r.raw.text);
      }
      if (r.method === 'get') return test.get(r.path);
      if (r.method === 'delete') return test.delete(r.path);
      // A body of any JSON value, including a bare string or number, sent as JSON.
      return request(backend.server)
        [r.method](`/api/service-guidelines${r.path}`)
        .set(
          'Authorization',
          mockCredentials.user.header(`user:default/${r.user}`),
        )
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(r.body ?? null));
    }

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startSynpunktBackend({ knex });
      const sara = backend.as('sara');
      for (const unit of ['skolan', 'ifo', 'kontaktcenter']) {
        for (const overrides of [
          {},
          { anonymous: true, contact: undefined },
          { sekretess: true, area: 'ovrigt' },
        ]) {
          const s = await sara.post(
            '/synpunkter',
            aSynpunkt({ unitRef: `group:default/${unit}`, ...overrides }),
          );
          if (s.status !== 201) throw new Error(JSON.stringify(s.body));
          targets.synpunktIds.push(s.body.id);
        }
        const mall = await sara.post('/svarsmallar', {
          unitRef: `group:default/${unit}`,
          title: 'Mall',
          body: 'Tack!',
        });
        targets.svarsmallIds.push(mall.body.id);
      }
      const person = await sara.post('/fortroendevalda', {
        name: 'Fuzz Ledamot',
        party: 'S',
        email: 'fuzz.ledamot@kommun.se',
        uppdrag: [
          {
            organ: 'Kommunstyrelsen',
            role: 'ledamot',
            from: '2023-01-01',
            newOrgan: true,
          },
        ],
      });
      targets.personIds.push(person.body.id);
      targets.uppdragIds.push(person.body.uppdrag[0].id);
      const recorded = await backend.as('maria').post('/uppfoljningar', {
        unitRef: 'group:default/skolan',
        heldDate: '2026-11-02',
        participants: [{ name: 'Personalen' }],
        conclusions: 'Genomgång.',
      });
      if (recorded.status !== 201)
        throw new Error(JSON.stringify(recorded.body));
      targets.uppfoljningIds.push(recorded.body.id);
    });

    it.each(Object.keys(routes(targets)))(
      '%s answers every generated request with 2xx or a 4xx that says why',
      async route => {
        const [numRuns, requests] =
          routes(targets)[route as keyof ReturnType<typeof routes>];
        let answered = 0;
        await fc.assert(
          fc.asyncProperty(requests, async r => {
            const res = await send(r);
            sent += 1;
            answered += 1;
            const key = `${route} ${res.status}`;
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
            const problem = problemWith(res);
            if (problem) {
              throw new Error(`${problem} for ${r.method} ${r.path}`);
            }
            if (res.status >= 400) return;
            // Count what was acknowledged, and keep new ids as targets for the routes after.
            if (route === 'POST /synpunkter') {
              acknowledged.synpunkter += 1;
              acknowledged.events += 1;
              targets.synpunktIds.push(res.body.id);
            } else if (
              route.startsWith('PATCH /synpunkter') ||
              route.startsWith('POST /synpunkter/:id/')
            ) {
              acknowledged.events += 1;
            } else if (route === 'POST /uppfoljningar') {
              acknowledged.uppfoljningar += 1;
              targets.uppfoljningIds.push(res.body.id);
            } else if (route === 'POST /svarsmallar') {
              acknowledged.svarsmallar += 1;
              targets.svarsmallIds.push(res.body.id);
            } else if (route === 'DELETE /svarsmallar/:id') {
              acknowledged.svarsmallar -= 1;
            } else if (route === 'POST /fortroendevalda') {
              targets.personIds.push(res.body.id);
              targets.uppdragIds.push(
                ...res.body.uppdrag.map((u: { id: string }) => u.id),
              );
            } else if (route === 'POST /fortroendevalda/:id/uppdrag') {
              targets.uppdragIds.push(
                ...res.body.uppdrag.map((u: { id: string }) => u.id),
              );
            }
          }),
          { numRuns, seed: SEED, endOnFailure: true },
        );
        // Every generated request was sent and answered well (fc.assert throws otherwise).
        expect(answered).toBe(numRuns);
      },
    );

    it('holds exactly the rows the answers acknowledged', async () => {
      // The set-up registered 9 synpunkter (one history entry each) and 3 svarsmallar.
      expect(await count(knex, 'synpunkter')).toBe(9 + acknowledged.synpunkter);
      expect(await count(knex, 'synpunkt_events')).toBe(
        9 + acknowledged.events,
      );
      expect(await count(knex, 'svarsmallar')).toBe(
        3 + acknowledged.svarsmallar,
      );
      // The set-up recorded one uppföljning.
      expect(await count(knex, 'uppfoljningar')).toBe(
        1 + acknowledged.uppfoljningar,
      );
      process.stdout.write(
        `fuzz on ${databaseId}: ${sent} requests sent; acknowledged ${
          acknowledged.synpunkter
        } synpunkter, ${acknowledged.events} history entries, ${
          acknowledged.svarsmallar
        } svarsmallar (net), ${acknowledged.uppfoljningar} uppföljningar\n${[
          ...statuses,
        ]
          .map(([key, n]) => `  ${key}: ${n}`)
          .join('\n')}\n`,
      );
      expect(sent).toBeGreaterThanOrEqual(10_000);
    });
  },
);
