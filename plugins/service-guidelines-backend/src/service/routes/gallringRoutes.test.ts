import {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

/** The test scheduler, which runs a task when told to. */
type TestScheduler = SchedulerService & {
  factory(): ServiceFactory;
  triggerTask(id: string): Promise<void>;
};

const GALLRING_CONFIG = {
  serviceGuidelines: {
    gallring: {
      perType: { berom: 'P2Y', klagomal: '2 år', forslag: 'bevaras' },
      perArea: { socialtjanst: { klagomal: 'bevaras' } },
    },
  },
};

const CUSTOMER_WORDS = 'Skolskjutsen kom inte i måndags.';
const STAFF_TEXTS = [
  'Anna Kund väntar på besked från skolan',
  'Ringde Anna Kund och förklarade',
  'Talade med Anna Kunds dotter',
  'Bad Anna Kund om ursäkt',
];
const PERSONAL = ['Anna Kund', 'anna.kund@example.se', CUSTOMER_WORDS];

describe.each(databases.eachSupportedId())('gallring API on %p', databaseId => {
  let knex: Knex;
  let scheduler: TestScheduler;
  let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;

  beforeAll(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    scheduler = mockServices.scheduler() as TestScheduler;
    backend = await startSynpunktBackend({
      knex,
      config: GALLRING_CONFIG,
      extraFeatures: [scheduler.factory()],
    });
  });

  /** A klagomål taken to closed by Maria, with a free text at every step. */
  async function closedSynpunkt() {
    const registered = await backend
      .as('erik')
      .post(
        '/synpunkter',
        aSynpunkt({ receivedAt: '2026-11-16T10:00:00+01:00' }),
      );
    expect(registered.status).toBe(201);
    const { id } = registered.body;
    const maria = backend.as('maria');
    const steps: Array<[string, object]> = [
      ['assign', { handlaggareRef: 'user:default/maria' }],
      ['pause', { reason: STAFF_TEXTS[0], from: '2026-11-17' }],
      ['resume', { to: '2026-11-18' }],
      ['aterkoppling', { method: 'telefon', summary: STAFF_TEXTS[1] }],
      ['utredning', { text: STAFF_TEXTS[2] }],
      [
        'close',
        {
          outcome: STAFF_TEXTS[3],
          ledToImprovement: true,
          improvementDescription: 'Sms när en tur ställs in',
        },
      ],
    ];
    for (const [index, [action, body]] of steps.entries()) {
      await maria
        .post(`/synpunkter/${id}/${action}`, { version: index + 1, ...body })
        .expect(200);
    }
    return registered.body as { id: string; registrationNumber: string };
  }

  /** As if closed long ago: the retention of two years has passed. */
  async function closedIn2020(id: string) {
    await knex('synpunkter')
      .where({ id })
      .update({ closed_date: '2020-01-15' });
  }

  it('shows administrators what the next run removes, and nobody else', async () => {
    const due = await closedSynpunkt();
    await closedIn2020(due.id);
    const recent = await closedSynpunkt();

    const preview = await backend.as('sara').get('/gallring/preview');

    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ configured: true, totalCount: 1 });
    expect(preview.body.items).toEqual([
      {
        synpunktId: due.id,
        registrationNumber: due.registrationNumber,
        type: 'klagomal',
        area: 'utbildning',
        closedDate: '2020-01-15',
        rule: 'serviceGuidelines.gallring.perType.klagomal',
        retention: 'P2Y',
        fields: [
          'description',
          'contact.name',
          'contact.email',
          'utredning.text',
          'aterkoppling.summary',
          'closed.outcome',
          'pauses.reason',
          'history.texts',
        ],
      },
    ]);
    expect(JSON.stringify(preview.body)).not.toContain(recent.id);
    for (const value of [...PERSONAL, ...STAFF_TEXTS]) {
      expect(JSON.stringify(preview.body)).not.toContain(value);
    }

    for (const user of ['erik', 'maria', 'lars', 'karin', 'ahmed']) {
      for (const path of ['/gallring/preview', '/gallring/log']) {
        const refused = await backend.as(user).get(path);
        expect({ user, path, status: refused.status }).toEqual({
          user,
          path,
          status: 403,
        });
        expect(refused.body.error.message).toBe(
          'Only administrators may see the gallring and its log',
        );
      }
    }
    const badLimit = await backend.as('sara').get('/gallring/log?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.message).toMatch(/limit/);

    // Leave nothing due for the next test.
    await knex('synpunkter')
      .where({ id: due.id })
      .update({ closed_date: '2026-11-24' });
  });

  it('runs once across instances, and the gallrad synpunkt shows as such everywhere', async () => {
    expect(await scheduler.getScheduledTasks()).toContainEqual(
      expect.objectContaining({
        id: 'service-guidelines-gallring',
        scope: 'global',
      }),
    );
    const s = await closedSynpunkt();
    await closedIn2020(s.id);
    const previewed = await backend.as('sara').get('/gallring/preview');

    await scheduler.triggerTask('service-guidelines-gallring');

    const maria = backend.as('maria');
    const shown = await maria.get(`/synpunkter/${s.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.gallradAt).toEqual(expect.any(String));
    expect(shown.body.description).toBeUndefined();
    expect(shown.body.contact).toBeUndefined();
    expect(shown.body.utredning).toEqual({ date: expect.any(String) });
    expect(shown.body.aterkoppling).toEqual({
      date: expect.any(String),
      method: 'telefon',
    });
    expect(shown.body.closed).toEqual({
      date: '2020-01-15',
      ledToImprovement: true,
      improvementDescription: 'Sms när en tur ställs in',
    });
    expect(shown.body.pauses).toEqual([
      expect.objectContaining({ from: '2026-11-17', reason: '' }),
    ]);
    for (const value of [...PERSONAL, ...STAFF_TEXTS]) {
      expect(JSON.stringify(shown.body)).not.toContain(value);
    }

    const byWords = await maria.get(
      `/synpunkter?q=${encodeURIComponent('skolskjutsen kom inte')}`,
    );
    expect(byWords.body.items.map((i: { id: string }) => i.id)).not.toContain(
      s.id,
    );
    const byNumber = await maria.get(`/synpunkter?q=${s.registrationNumber}`);
    expect(byNumber.body.items.map((i: { id: string }) => i.id)).toEqual([
      s.id,
    ]);

    const reopened = await maria.post(`/synpunkter/${s.id}/reopen`, {
      version: shown.body.version,
      reason: 'Kunden ringde igen',
    });
    expect(reopened.status).toBe(400);
    expect(reopened.body.error.message).toMatch(
      /was gallrad on \d{4}-\d{2}-\d{2} under the dokumenthanteringsplan and can no longer be changed/,
    );

    const log = await backend.as('sara').get('/gallring/log');
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([
      {
        id: expect.any(Number),
        gallradAt: shown.body.gallradAt,
        ...previewed.body.items[0],
      },
    ]);
    expect(
      (await backend.as('sara').get('/gallring/preview')).body,
    ).toMatchObject({ totalCount: 0, items: [] });
  });
});

describe('gallring configuration', () => {
  async function startWithGallring(gallring: object) {
    const knex = await databases.init('SQLITE_3');
    return startSynpunktBackend({
      knex,
      config: { serviceGuidelines: { gallring } },
    });
  }

  it.each<[string, object, RegExp]>([
    [
      'a retention in English and a type left out',
      { perType: { berom: '2 years', klagomal: 'P2Y' } },
      /serviceGuidelines\.gallring\.perType\.berom must be a period after closing written in ISO 8601 \(P2Y, P6M, P1Y6M, P30D\) or in words \('2 år', '6 månader', '30 dagar'\), or bevaras to keep them \(got "2 years"\); serviceGuidelines\.gallring\.perType\.forslag is required/,
    ],
    [
      'a schedule Backstage cannot read',
      {
        ...GALLRING_CONFIG.serviceGuidelines.gallring,
        schedule: { frequency: 'daily' },
      },
      /serviceGuidelines\.gallring\.schedule: Invalid duration .daily./,
    ],
  ])(
    'stops start-up on %s, naming the key and what to write',
    async (_, gallring, message) => {
      await expect(startWithGallring(gallring)).rejects.toThrow(message);
    },
  );

  it('without it, schedules nothing and says so in the preview', async () => {
    const knex = await databases.init('SQLITE_3');
    const scheduler = mockServices.scheduler() as TestScheduler;
    const backend = await startSynpunktBackend({
      knex,
      extraFeatures: [scheduler.factory()],
    });
    expect((await scheduler.getScheduledTasks()).map(t => t.id)).not.toContain(
      'service-guidelines-gallring',
    );
    const preview = await backend.as('sara').get('/gallring/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ configured: false, items: [] });
  });
});
