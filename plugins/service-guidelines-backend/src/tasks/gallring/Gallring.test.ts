import { mockServices } from '@backstage/backend-test-utils';
import {
  ReportExportQuery,
  ReportQuery,
  ResolvedGallringConfig,
  resolveGallringConfig,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { KnexGallringStore } from '../../database/GallringStore';
import { KnexOrganisationStore } from '../../database/OrganisationStore';
import {
  CUSTOMER,
  FIXTURE_SYNPUNKTER,
  loadReportFixture,
} from '../../report/__testUtils__/reportFixture';
import { ReportService } from '../../report/ReportService';
import { ReportStore } from '../../report/ReportStore';
import { Gallring } from './Gallring';

jest.setTimeout(120_000);

const AREAS = [
  { id: 'utbildning', title: 'Förskola och skola' },
  { id: 'socialtjanst', title: 'Socialtjänst och omsorg' },
  { id: 'ovrigt', title: 'Övrigt' },
];

/**
 * Klagomål and beröm a year after closing, förslag kept; in socialtjänst klagomål are kept and
 * beröm go after six months.
 */
const CONFIG = resolveGallringConfig(
  {
    perType: { berom: 'P1Y', klagomal: '1 år', forslag: 'bevaras' },
    perArea: { socialtjanst: { klagomal: 'bevaras', berom: '6 månader' } },
    batchSize: 2,
  },
  AREAS.map(a => a.id),
)!;

// On 20 March 2027 a year back is 20 March 2026, six months back 20 September 2026. Due, of the
// closed synpunkter of the fixture: S1 (klagomål closed 12 March 2026), S12 (klagomål, 17 March
// 2026), S13 (klagomål, 20 March 2025), S14 (beröm in socialtjänst, 6 May 2025). Not due: S3
// (förslag: bevaras), S4 (beröm closed 8 April 2026), S7 (klagomål in socialtjänst: bevaras),
// S10 (beröm closed 2 September 2026), and every open one.
const NOW = '2027-03-20T11:00:00.000Z';
const DUE = ['s01', 's12', 's13', 's14'];

/** Words of the customer and of staff about the customer, put where gallring must reach. */
const SECRET = 'Hemliga Kundsson';

async function addFreeTexts(knex: Knex) {
  await knex('synpunkter')
    .where({ id: 's01' })
    .update({
      utredning: `Talade med ${SECRET} om skolskjutsen`,
      outcome: `Bad ${SECRET} om ursäkt`,
      search_text: `syn-test-00001 ${CUSTOMER.description.toLowerCase()}`,
    });
  await knex('synpunkter').where({ id: 's12' }).update({ sekretess: true });
  await knex('synpunkt_pauses').insert({
    synpunkt_id: 's13',
    from_date: '2025-03-05',
    to_date: '2025-03-07',
    reason: `${SECRET} var bortrest`,
    paused_by: 'user:default/maria',
  });
  // S13 was closed, reopened and closed again: the reports read its closings from the history.
  const events = [
    ['2025-03-10T09:00:00.000Z', 'utredning', { utredning: { to: SECRET } }],
    [
      '2025-03-14T09:00:00.000Z',
      'aterkopplad',
      {
        aterkopplingDate: { to: '2025-03-14' },
        aterkopplingSummary: { to: `Hej ${SECRET}` },
      },
    ],
    [
      '2025-03-17T09:00:00.000Z',
      'avslutad',
      {
        closedDate: { to: '2025-03-17' },
        outcome: { to: `Ringde ${SECRET}` },
        ledToImprovement: { to: false },
      },
    ],
    [
      '2025-03-18T09:00:00.000Z',
      'ateroppnad',
      { reason: { to: `${SECRET} ringde igen` }, outcome: { from: 'x' } },
    ],
    [
      '2025-03-19T09:00:00.000Z',
      'pausad',
      { pause: { to: { from: '2025-03-05', reason: `${SECRET} bortrest` } } },
    ],
    [
      '2025-03-20T09:00:00.000Z',
      'avslutad',
      {
        closedDate: { to: '2025-03-20' },
        ledToImprovement: { to: true },
        improvementDescription: { to: 'Bättre skyltning vid entrén' },
      },
    ],
    [
      '2026-01-01T09:00:00.000Z',
      'uppdaterad',
      { description: { changed: true } },
    ],
  ] as const;
  await knex('synpunkt_events').insert(
    events.map(([at, kind, changes]) => ({
      synpunkt_id: 's13',
      at,
      kind,
      actor_ref: 'user:default/maria',
      changes: JSON.stringify(changes),
    })),
  );
}

/** What S13's history holds after gallring, written out by hand. */
const S13_HISTORY_AFTER = [
  { utredning: { changed: true } },
  {
    aterkopplingDate: { to: '2025-03-14' },
    aterkopplingSummary: { changed: true },
  },
  {
    closedDate: { to: '2025-03-17' },
    outcome: { changed: true },
    ledToImprovement: { to: false },
  },
  { reason: { changed: true }, outcome: { changed: true } },
  { pause: { to: { from: '2025-03-05' } } },
  {
    closedDate: { to: '2025-03-20' },
    ledToImprovement: { to: true },
    improvementDescription: { to: 'Bättre skyltning vid entrén' },
  },
  { description: { changed: true } },
];

async function tables(knex: Knex) {
  return {
    synpunkter: await knex('synpunkter').orderBy('id'),
    pauses: await knex('synpunkt_pauses').orderBy('id'),
    events: await knex('synpunkt_events').orderBy('id'),
  };
}

function gallringOn(
  knex: Knex,
  now = NOW,
  config: { rules?: ResolvedGallringConfig; refreshAfter?: number } = {
    rules: CONFIG,
  },
  betweenBatches?: () => Promise<void>,
) {
  return new Gallring({
    store: new KnexGallringStore(knex),
    config: config.rules,
    clock: () => new Date(now),
    logger: mockServices.logger.mock(),
    betweenBatches,
    refreshAfter: config.refreshAfter,
  });
}

function reportsOn(knex: Knex, now: string) {
  return new ReportService({
    store: new ReportStore(knex),
    organisation: new KnexOrganisationStore(knex),
    settings: {
      delar: { from: '01-01', to: '08-31' },
      improvementsPageSize: 2,
    },
    areas: AREAS,
    organisationName: 'Testkommunen',
    clock: () => new Date(now),
  });
}

const REPORT_QUERIES: ReportQuery[] = [
  { period: 'delar', year: 2026 },
  { period: 'helar', year: 2026 },
  { period: 'helar', year: 2025 },
  { period: 'delar', year: 2025, unit: 'group:default/soc' },
  { period: 'range', from: '2025-01-01', to: '2027-03-20' },
] as ReportQuery[];

/** Every report and its CSV export (every figure and every improvement), read at two moments. */
async function everyReport(knex: Knex) {
  const result: unknown[] = [];
  for (const now of ['2026-11-24T10:00:00Z', NOW]) {
    const reports = reportsOn(knex, now);
    for (const query of REPORT_QUERIES) {
      result.push(await reports.report(query, 'all'));
      const file = await reports.exportFile(
        { ...query, format: 'csv' } as ReportExportQuery,
        'all',
      );
      const chunks: Buffer[] = [];
      for await (const chunk of file.body) chunks.push(Buffer.from(chunk));
      result.push(Buffer.concat(chunks).toString('utf8'));
    }
  }
  return result;
}

function personalValuesIn(text: string): string[] {
  return [
    SECRET,
    CUSTOMER.name,
    CUSTOMER.email,
    CUSTOMER.phone,
    CUSTOMER.address,
    CUSTOMER.description,
    'kundsson',
  ].filter(value => text.toLowerCase().includes(value.toLowerCase()));
}

describe('Gallring', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await loadReportFixture(knex);
      await addFreeTexts(knex);
    });

    it('clears exactly the synpunkter that are due, of exactly their personal data', async () => {
      const before = await tables(knex);

      expect(await gallringOn(knex).run()).toBe(DUE.length);

      const after = await tables(knex);
      expect(after.synpunkter).toEqual(
        before.synpunkter.map(row =>
          DUE.includes(row.id)
            ? {
                ...row,
                description: null,
                contact_name: null,
                contact_email: null,
                contact_phone: null,
                contact_address: null,
                utredning: null,
                aterkoppling_summary: null,
                outcome: null,
                search_text: row.registration_number.toLowerCase(),
                gallrad_at: NOW,
                version: row.version + 1,
                updated_at: NOW,
              }
            : row,
        ),
      );
      // Kept: what the reports read, among them S1's and S12's improvement descriptions.
      const s01 = after.synpunkter.find(r => r.id === 's01');
      expect(s01).toMatchObject({
        improvement_description: 'Nya rutiner för skolskjuts',
        aterkoppling_date: '2026-03-10',
        closed_date: '2026-03-12',
      });
      expect(after.pauses).toEqual(
        before.pauses.map(p =>
          DUE.includes(p.synpunkt_id) ? { ...p, reason: '' } : p,
        ),
      );
      expect(
        after.events
          .filter(e => e.synpunkt_id === 's13')
          .map(e => JSON.parse(e.changes)),
      ).toEqual(S13_HISTORY_AFTER);
      expect(after.events.filter(e => e.synpunkt_id !== 's13')).toEqual(
        before.events.filter(e => e.synpunkt_id !== 's13'),
      );
      const dueState = JSON.stringify([
        after.synpunkter.filter(r => DUE.includes(r.id)),
        after.pauses.filter(p => DUE.includes(p.synpunkt_id)),
        after.events.filter(e => DUE.includes(e.synpunkt_id)),
      ]);
      expect(personalValuesIn(dueState)).toEqual([]);
    });

    it('lets other work run between its batches, which are synchronous on SQLite', async () => {
      let cleared = 0;
      const record = (query: { sql: string }) => {
        if (/^update .synpunkter. set/i.test(query.sql)) cleared += 1;
      };
      knex.on('query', record);
      try {
        let clearedWhenOtherWorkRan: number | undefined;
        const running = gallringOn(knex).run();
        // Work that arrives meanwhile (a request, a timer) runs when the event loop turns.
        setImmediate(() => {
          clearedWhenOtherWorkRan = cleared;
        });
        expect(await running).toBe(DUE.length);
        expect(cleared).toBe(DUE.length);
        // Not after the whole run: at the latest once its first batch (two) was done.
        expect(clearedWhenOtherWorkRan).toBeLessThanOrEqual(2);
      } finally {
        knex.removeListener('query', record);
      }
    });

    /** The due reads of a run: their limit, and the number each starts after, if any. */
    async function dueQueriesOf(run: () => Promise<unknown>) {
      const due = jest.spyOn(KnexGallringStore.prototype, 'due');
      try {
        await run();
        return due.mock.calls.map(([, { limit, after }]) => ({
          limit,
          ...(after !== undefined ? { after } : {}),
        }));
      } finally {
        due.mockRestore();
      }
    }

    it('starts each batch after the last number of the one before', async () => {
      const queries = await dueQueriesOf(() => gallringOn(knex).run());
      const numbers = await knex('synpunkter')
        .whereIn('id', DUE)
        .orderBy('registration_number')
        .pluck('registration_number');
      // Batches of two: the third finds none after the fourth.
      expect(queries).toEqual([
        { limit: 2 },
        { limit: 2, after: numbers[1] },
        { limit: 2, after: numbers[3] },
      ]);
    });

    it('waits for what it is given between two batches (on an SQLite file, the checkpointer)', async () => {
      const clearedAtEachWait: number[] = [];
      const cleared = async () =>
        (
          await knex('gallringslogg').count<Array<{ n: number | string }>>({
            n: '*',
          })
        )[0].n;
      const gallrad = await gallringOn(
        knex,
        NOW,
        { rules: CONFIG },
        async () => {
          clearedAtEachWait.push(Number(await cleared()));
        },
      ).run();
      expect(gallrad).toBe(DUE.length);
      // Batches of two: after the first and the second; the third, finding none, is the last.
      expect(clearedAtEachWait).toEqual([2, 4]);
    });

    it('sizes its batches by their time on SQLite, where they hold every request, and as set on PostgreSQL', async () => {
      const rules = { ...CONFIG, batchSize: 500 };
      const queries = await dueQueriesOf(() =>
        gallringOn(knex, NOW, { rules }).run(),
      );
      // A first SQLite batch of 50 at most, which here finds all four.
      expect(queries).toEqual([
        { limit: databaseId.startsWith('SQLITE') ? 50 : 500 },
      ]);
    });

    it.each([
      [DUE.length, 'as many as it cleared'],
      [DUE.length + 1, 'more than it cleared'],
    ])(
      'vacuums the synpunkter and refreshes their statistics on PostgreSQL after clearing many (the threshold %p: %s)',
      async refreshAfter => {
        const sent: string[] = [];
        const record = (query: { sql: string }) => sent.push(query.sql);
        knex.on('query', record);
        try {
          expect(
            await gallringOn(knex, NOW, { rules: CONFIG, refreshAfter }).run(),
          ).toBe(DUE.length);
        } finally {
          knex.removeListener('query', record);
        }
        const refreshed =
          databaseId.startsWith('POSTGRES') && refreshAfter <= DUE.length;
        expect(sent.filter(sql => /^vacuum/i.test(sql))).toEqual(
          refreshed ? ['VACUUM (ANALYZE) synpunkter'] : [],
        );
      },
    );

    it('says what it cleared even when the refresh after it fails', async () => {
      const store = new KnexGallringStore(knex);
      jest
        .spyOn(store, 'refreshAfterManyCleared')
        .mockRejectedValue(new Error('must be owner of table synpunkter'));
      const logger = mockServices.logger.mock();
      const gallring = new Gallring({
        store,
        config: CONFIG,
        clock: () => new Date(NOW),
        logger,
        refreshAfter: 1,
      });
      await expect(gallring.run()).rejects.toThrow('must be owner');
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(`${DUE.length} closed synpunkter`),
      );
      expect(await knex('gallringslogg').count({ n: '*' })).toEqual([
        {
          n: databaseId.startsWith('POSTGRES')
            ? String(DUE.length)
            : DUE.length,
        },
      ]);
    });

    it('does nothing the second time', async () => {
      const gallring = gallringOn(knex);
      await gallring.run();
      const once = await tables(knex);
      const logOnce = await knex('gallringslogg').orderBy('id');

      expect(await gallringOn(knex, '2027-03-21T11:00:00.000Z').run()).toBe(0);

      expect(await tables(knex)).toEqual(once);
      expect(await knex('gallringslogg').orderBy('id')).toEqual(logOnce);
    });

    it('logs each gallring with its rule and cleared fields, and no personal data', async () => {
      await gallringOn(knex).run();

      const rows = await knex('gallringslogg').orderBy('registration_number');
      expect(personalValuesIn(JSON.stringify(rows))).toEqual([]);
      const byId = Object.fromEntries(rows.map(r => [r.synpunkt_id, r]));
      expect(Object.keys(byId).sort()).toEqual(DUE);
      expect(byId.s01).toMatchObject({
        registration_number: FIXTURE_SYNPUNKTER[0].registration_number,
        type: 'klagomal',
        area: 'utbildning',
        closed_date: '2026-03-12',
        rule: 'serviceGuidelines.gallring.perType.klagomal',
        retention: 'P1Y',
        gallrad_at: NOW,
      });
      expect(JSON.parse(byId.s01.fields)).toEqual([
        'description',
        'contact.name',
        'contact.email',
        'contact.phone',
        'contact.address',
        'utredning.text',
        'aterkoppling.summary',
        'closed.outcome',
      ]);
      expect(JSON.parse(byId.s13.fields)).toEqual([
        'description',
        'contact.name',
        'contact.email',
        'contact.phone',
        'contact.address',
        'pauses.reason',
        'history.texts',
      ]);
      // Anonymous: only its words.
      expect(byId.s14).toMatchObject({
        rule: 'serviceGuidelines.gallring.perArea.socialtjanst.berom',
        retention: 'P6M',
      });
      expect(JSON.parse(byId.s14.fields)).toEqual(['description']);
    });

    it('gives the same reports, figures and exported improvements, before and after', async () => {
      const before = await everyReport(knex);
      // The fixture's reopened S13 reads its closing and improvement from the history.
      expect(JSON.stringify(before)).toContain('Bättre skyltning vid entrén');

      await gallringOn(knex).run();

      expect(await everyReport(knex)).toEqual(before);
    });

    it('previews exactly what the run then clears', async () => {
      const gallring = gallringOn(knex);
      const first = await gallring.preview({ limit: 3 });
      expect(first).toMatchObject({
        configured: true,
        asOf: '2027-03-20',
        totalCount: 4,
      });
      expect(first.items).toHaveLength(3);
      const second = await gallring.preview({
        limit: 3,
        cursor: first.nextCursor,
      });
      expect(second.nextCursor).toBeUndefined();
      const previewed = [...first.items, ...second.items];
      expect(personalValuesIn(JSON.stringify(previewed))).toEqual([]);

      await gallring.run();

      const log = await gallring.log({ limit: 2 });
      const rest = await gallring.log({ limit: 2, cursor: log.nextCursor });
      const logged = [...log.items, ...rest.items];
      expect(logged.map(e => e.gallradAt)).toEqual([NOW, NOW, NOW, NOW]);
      expect(
        logged
          .map(({ id: _id, gallradAt: _at, ...candidate }) => candidate)
          .sort((a, b) =>
            a.registrationNumber.localeCompare(b.registrationNumber),
          ),
      ).toEqual(previewed);
      expect(await gallring.preview({})).toMatchObject({
        totalCount: 0,
        items: [],
      });
    });

    it('makes a synpunkt due on the day its retention has passed, not the day before', async () => {
      // S12 was closed on 17 March 2026.
      const dayBefore = await gallringOn(
        knex,
        '2027-03-16T11:00:00.000Z',
      ).preview({});
      expect(dayBefore.items.map(i => i.synpunktId)).not.toContain('s12');
      const onTheDay = await gallringOn(
        knex,
        '2027-03-17T11:00:00.000Z',
      ).preview({});
      expect(onTheDay.items.map(i => i.synpunktId)).toContain('s12');
    });

    it('clears nothing when every rule says bevaras, or nothing is configured', async () => {
      const keepAll = resolveGallringConfig(
        {
          perType: {
            berom: 'bevaras',
            klagomal: 'bevaras',
            forslag: 'bevaras',
          },
        },
        AREAS.map(a => a.id),
      );
      const before = await tables(knex);
      expect(await gallringOn(knex, NOW, { rules: keepAll }).run()).toBe(0);
      expect(await gallringOn(knex, NOW, {}).run()).toBe(0);
      expect(await gallringOn(knex, NOW, {}).preview({})).toEqual({
        configured: false,
        asOf: '2027-03-20',
        totalCount: 0,
        items: [],
      });
      expect(await tables(knex)).toEqual(before);
    });

    it('leaves a synpunkt reopened between the preview and the run', async () => {
      await knex('synpunkter')
        .where({ id: 's01' })
        .update({ status: 'tilldelad', closed_date: null });
      expect(await gallringOn(knex).run()).toBe(3);
      expect(
        await knex('synpunkter').where({ id: 's01' }).first('description'),
      ).toEqual({ description: CUSTOMER.description });
    });
  });
});
