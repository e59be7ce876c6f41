import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { ConfigReader } from '@backstage/config';
import knexFactory, { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';
import { readUppfoljningSettings } from '../../config/uppfoljningSettings';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testOrganisation } from '../../__testUtils__/organisation';
import { DEFAULT_UNIT_TYPES } from '../../config/registrySettings';
import { KnexOrganisationStore } from '../../database/OrganisationStore';
import { OrganisationSync } from '../../service/organisation/OrganisationSync';
import { KnexReminderStore } from '../../database/ReminderStore';
import { readSvarstidRules } from '../../service/synpunkter/deadlineRules';
import { Reminders } from './Reminders';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

function remindersOn(
  knex: Knex,
  now: string,
  sent: NotificationSendOptions[],
  config: object = {},
  send?: (options: NotificationSendOptions) => Promise<void>,
) {
  const settings = readUppfoljningSettings(
    new ConfigReader({ serviceGuidelines: { uppfoljning: config } }),
  );
  return new Reminders({
    store: new KnexReminderStore(knex),
    organisation: new KnexOrganisationStore(knex),
    notifications: {
      send:
        send ??
        (async options => {
          sent.push(options);
        }),
    },
    rules: readSvarstidRules(new ConfigReader({})),
    settings,
    followUpUnitTypes: settings.unitTypes,
    clock: () => new Date(now),
    logger: mockServices.logger.mock(),
  });
}

/** The arbetsdag that many arbetsdagar before the date. */
function workingDaysBefore(date: string, days: number): string {
  const { calendar } = readSvarstidRules(new ConfigReader({}));
  const d = new Date(`${date}T00:00:00Z`);
  for (;;) {
    d.setUTCDate(d.getUTCDate() - 1);
    const candidate = d.toISOString().slice(0, 10);
    if (
      calendar.isWorkingDay(candidate) &&
      calendar.addWorkingDays(candidate, days) === date
    ) {
      return candidate;
    }
  }
}

const recipientsOf = (options: NotificationSendOptions) =>
  options.recipients.type === 'entity'
    ? [options.recipients.entityRef].flat().sort()
    : [];

describe.each(databases.eachSupportedId())('reminders on %p', databaseId => {
  let knex: Knex;
  let assigned: {
    id: string;
    registrationNumber: string;
    aterkopplingDue: string;
  };

  beforeAll(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    const backend = await startSynpunktBackend({ knex });
    // Received Monday 23 November 2026; assigned to Ahmed at IFO's sister unit skolan's chef Maria.
    assigned = (
      await backend.as('erik').post('/synpunkter', aSynpunkt()).expect(201)
    ).body;
    await backend
      .as('maria')
      .post(`/synpunkter/${assigned.id}/assign`, {
        version: 1,
        handlaggareRef: 'user:default/ahmed',
      })
      .expect(200);
    // Skolan was followed up in the third quarter; the other enheter were not.
    await backend
      .as('maria')
      .post('/uppfoljningar', {
        unitRef: 'group:default/skolan',
        heldDate: '2026-09-15',
        participants: [{ name: 'Personalen' }],
        conclusions: 'Genomgång av kvartalets synpunkter.',
      })
      .expect(201);
  });

  afterEach(async () => {
    await knex('reminders_sent').delete();
  });

  it('reminds the handläggare and the chef once when the deadline is near, however often it runs', async () => {
    const sent: NotificationSendOptions[] = [];
    // Two arbetsdagar before the deadline.
    const day = workingDaysBefore(assigned.aterkopplingDue, 2);
    const reminders = remindersOn(knex, `${day}T07:00:00Z`, sent);
    const first = await reminders.run();
    const second = await reminders.run();

    const dueSoon = sent.filter(s =>
      s.payload.title.startsWith('Svarstiden går snart ut'),
    );
    expect(dueSoon).toHaveLength(1);
    expect(dueSoon[0].payload.title).toBe(
      `Svarstiden går snart ut: ${assigned.registrationNumber}`,
    );
    expect(recipientsOf(dueSoon[0])).toEqual([
      'user:default/ahmed',
      'user:default/maria',
    ]);
    expect(dueSoon[0].payload.link).toBe(
      `/service-guidelines/synpunkter/${assigned.id}`,
    );
    expect(first.dueSoon).toBe(1);
    expect(second).toEqual({ overdue: 0, dueSoon: 0, followUp: 0, failed: 0 });
    // No customer data in a reminder.
    expect(JSON.stringify(sent)).not.toMatch(
      /Anna Kund|anna\.kund|Skolskjutsen/,
    );
  });

  it('reminds once when the deadline has passed, and again only when configured to repeat', async () => {
    const rules = readSvarstidRules(new ConfigReader({}));
    const late = (days: number) =>
      `${rules.calendar.addWorkingDays(
        assigned.aterkopplingDue,
        days,
      )}T07:00:00Z`;
    const overdueTitles = (sent: NotificationSendOptions[]) =>
      sent
        .map(s => s.payload.title)
        .filter(t => t.startsWith('Svarstiden har gått ut'));

    const once: NotificationSendOptions[] = [];
    await remindersOn(knex, late(1), once).run();
    await remindersOn(knex, late(2), once).run();
    await remindersOn(knex, late(6), once).run();
    expect(overdueTitles(once)).toEqual([
      `Svarstiden har gått ut: ${assigned.registrationNumber}`,
    ]);
    expect(once.find(s => s.payload.severity === 'high')).toBeDefined();

    await knex('reminders_sent').delete();
    const repeated: NotificationSendOptions[] = [];
    const repeat = { reminders: { repeatOverdueEveryWorkingDays: 5 } };
    await remindersOn(knex, late(1), repeated, repeat).run();
    await remindersOn(knex, late(2), repeated, repeat).run();
    await remindersOn(knex, late(6), repeated, repeat).run();
    expect(overdueTitles(repeated)).toHaveLength(2);
  });

  it('reminds the chef of each enhet not followed up in the last quarter, once per quarter', async () => {
    const sent: NotificationSendOptions[] = [];
    await remindersOn(knex, '2026-10-05T07:00:00Z', sent).run();
    await remindersOn(knex, '2026-12-20T07:00:00Z', sent).run();
    const followUps = sent.filter(s =>
      s.payload.title.startsWith('Uppföljning saknas'),
    );
    // Enheter with a chef in the test organisation: grundskola, ifo, kontaktcenter, skolan.
    expect(followUps.map(s => s.payload.title).sort()).toEqual([
      'Uppföljning saknas: grundskola',
      'Uppföljning saknas: ifo',
      'Uppföljning saknas: kontaktcenter',
    ]);
    expect(
      recipientsOf(
        followUps.find(s => s.payload.title.endsWith('grundskola'))!,
      ),
    ).toEqual(['user:default/jonas']);
    expect(followUps[0].payload.description).toMatch(
      /1 juli 2026–30 sep\. 2026\. Riktlinjerna säger varje kvartal\./,
    );

    // The next quarter is a new occasion, skolan included this time.
    const next: NotificationSendOptions[] = [];
    await remindersOn(knex, '2027-01-04T07:00:00Z', next).run();
    expect(
      next.filter(s => s.payload.title.startsWith('Uppföljning saknas')),
    ).toHaveLength(4);
  });

  it('tries again on the next run when the notifications service fails', async () => {
    const sent: NotificationSendOptions[] = [];
    const failing = remindersOn(knex, '2026-10-05T07:00:00Z', sent, {}, () =>
      Promise.reject(new Error('notifications backend is down')),
    );
    const failed = await failing.run();
    expect(failed.failed).toBeGreaterThan(0);
    expect(sent).toEqual([]);
    const retried = await remindersOn(knex, '2026-10-05T07:00:00Z', sent).run();
    expect(retried.followUp).toBe(failed.failed);
  });

  it('sends each reminder once when two backend instances run the job at the same moment', async () => {
    const sent: NotificationSendOptions[] = [];
    const slowSend = async (options: NotificationSendOptions) => {
      await new Promise(resolve => setTimeout(resolve, 5));
      sent.push(options);
    };
    const at = '2026-10-05T07:00:00Z';
    // On PostgreSQL the second instance has its own connection pool to the same database, as a
    // second backend process would; in-memory SQLite can only be shared through one connection.
    const second = databaseId.startsWith('POSTGRES')
      ? knexFactory(knex.client.config)
      : knex;
    try {
      const [a, b] = await Promise.all([
        remindersOn(knex, at, sent, {}, slowSend).run(),
        remindersOn(second, at, sent, {}, slowSend).run(),
      ]);
      const titles = sent.map(s => s.payload.title);
      expect(new Set(titles).size).toBe(titles.length);
      expect(a.followUp + b.followUp).toBe(3);
    } finally {
      if (second !== knex) await second.destroy();
    }
  });

  it('fills an empty organisation mirror before it looks for chefs', async () => {
    const organisation = new KnexOrganisationStore(knex);
    await organisation.replaceAll([]);
    const sync = new OrganisationSync({
      catalog: catalogServiceMock({ entities: testOrganisation }),
      auth: mockServices.auth(),
      store: organisation,
      logger: mockServices.logger.mock(),
      unitTypes: DEFAULT_UNIT_TYPES,
    });
    const sent: NotificationSendOptions[] = [];
    const settings = readUppfoljningSettings(new ConfigReader({}));
    const result = await new Reminders({
      store: new KnexReminderStore(knex),
      organisation,
      notifications: { send: async options => void sent.push(options) },
      rules: readSvarstidRules(new ConfigReader({})),
      settings,
      followUpUnitTypes: settings.unitTypes,
      clock: () => new Date('2026-10-05T07:00:00Z'),
      logger: mockServices.logger.mock(),
      fillOrganisation: () => sync.fillIfEmpty(),
    }).run();
    expect((await organisation.listUnits()).length).toBeGreaterThan(0);
    expect(result.followUp).toBe(3);
    // A filled mirror is left alone.
    expect(await sync.fillIfEmpty()).toBe(false);
  });
});
