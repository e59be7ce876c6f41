import { TestDatabaseId } from '@backstage/backend-test-utils';
import request from 'supertest';
import { FigureRow, ReportStore } from '../../report/ReportStore';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { startSynpunktBackend } from '../../__testUtils__/synpunktBackend';
import {
  CUSTOMER,
  loadReportFixture,
} from '../../report/__testUtils__/reportFixture';
import {
  csvSection,
  pdfTextOf,
  readXlsxExport,
} from '../../report/__testUtils__/readExports';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

const DELAR_2026_BUN = 'period=delar&year=2026&unit=group:default/bun';

/** supertest collects a binary body with this parser. */
function binary(
  res: request.Response,
  callback: (error: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe.each(databases.eachSupportedId())('report API on %p', databaseId => {
  let backend: Awaited<ReturnType<typeof startSynpunktBackend>>;

  beforeAll(async () => {
    const knex = await databases.init(databaseId as TestDatabaseId);
    backend = await startSynpunktBackend({ knex });
    // The backend has migrated and filled the report calendar; the units come from its mirror
    // of the test organisation (skolan below bun, ifo below soc), as in production.
    await loadReportFixture(knex, { organisation: false });
  });

  describe('who may read reports', () => {
    it.each(['karin', 'sara'])(
      'lets %s (report reader, administrator) read the figures',
      async user => {
        const res = await backend
          .as(user)
          .get(`/reports/synpunkter?${DELAR_2026_BUN}`);
        expect(res.status).toBe(200);
        // The hand-computed figures of the fixture (see ReportService.test.ts).
        expect(res.body.scope).toEqual({
          unitRef: 'group:default/bun',
          title: 'bun',
          type: 'nämnd',
        });
        expect(res.body.total.current).toMatchObject({
          antal: 9,
          anonyma: 1,
          aterkoppling: { iTid: 4, sent: 2, pagaende: 2 },
          arbetsdagarTillAterkoppling: { antal: 5, median: 6, p90: 11 },
          oppnaVidPeriodensSlut: 5,
          varavForsenade: 1,
          forbattringar: 2,
        });
        expect(res.body.total.previous.antal).toBe(1);
        expect(res.body.definitions).toHaveLength(22);
        // Enheter below bun: grundskola and skolan; none followed up in the fixture.
        expect(res.body.uppfoljning.current).toEqual({
          available: true,
          enheter: 2,
          uppfoljda: 0,
          andel: 0,
        });
        expect(JSON.stringify(res.body)).not.toContain(CUSTOMER.email);
      },
    );

    it.each(['erik', 'lars', 'maria'])(
      'refuses %s (employee, chefs) with 403 on every report route',
      async user => {
        for (const path of [
          '/reports/options',
          `/reports/synpunkter?${DELAR_2026_BUN}`,
          `/reports/synpunkter/export?${DELAR_2026_BUN}&format=csv`,
        ]) {
          const res = await backend.as(user).get(path);
          expect(res.status).toBe(403);
          expect(res.body.error.message).toBe(
            'Only report readers and administrators may read reports',
          );
        }
      },
    );
  });

  describe('bad input gets 400 naming the field', () => {
    it.each([
      ['period=delar', /year: is required for period=delar/],
      [
        'period=range&from=2026-03-01&to=2026-02-01',
        /to: 2026-02-01 is before from \(2026-03-01\)/,
      ],
      [
        'period=range&from=2019-01-01&to=2026-01-01',
        /to: the range from 2019-01-01 to 2026-01-01 is longer than 5 years/,
      ],
      [
        'period=kvartal&year=2026',
        /period: must be one of delar, helar, range/,
      ],
      [
        'period=delar&year=2026&unit=group:default/okand',
        /unit: 'group:default\/okand' is not a unit/,
      ],
    ])('%s', async (query, message) => {
      const res = await backend.as('karin').get(`/reports/synpunkter?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
    });

    it('refuses an unknown export format', async () => {
      const res = await backend
        .as('karin')
        .get(`/reports/synpunkter/export?${DELAR_2026_BUN}&format=docx`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /format: must be one of xlsx, csv, pdf/,
      );
    });
  });

  it('offers the units to choose from', async () => {
    const res = await backend.as('karin').get('/reports/options');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      delar: { from: '01-01', to: '08-31' },
      maxYears: 5,
      wholeOrganisation: true,
    });
    const units = res.body.units.map((u: { unitRef: string }) => u.unitRef);
    expect(units).toEqual(
      expect.arrayContaining([
        'group:default/kommunen',
        'group:default/bun',
        'group:default/skolan',
      ]),
    );
  });

  describe('downloads', () => {
    it('sends a CSV as an attachment with the figures', async () => {
      const res = await backend
        .as('karin')
        .get(`/reports/synpunkter/export?${DELAR_2026_BUN}&format=csv`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="synpunkter-delar-2026-bun.csv"',
      );
      expect(res.headers['access-control-expose-headers']).toBe(
        'Content-Disposition',
      );
      const summary = csvSection(res.body, 'Sammanfattning');
      expect(summary[1]).toEqual(['Antal', '9', '1', '8']);
      expect(summary[13]).toEqual([
        'Median arbetsdagar till återkoppling',
        '6',
        '9',
        '-3',
      ]);
    });

    it('sends an XLSX that a spreadsheet library reads back', async () => {
      const res = await backend
        .as('sara')
        .get(`/reports/synpunkter/export?${DELAR_2026_BUN}&format=xlsx`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = await readXlsxExport(res.body);
      expect(
        workbook.getWorksheet('Sammanfattning')!.getCell('B11').value,
      ).toBe(9);
    });

    it('sends a PDF', async () => {
      const res = await backend
        .as('karin')
        .get(`/reports/synpunkter/export?${DELAR_2026_BUN}&format=pdf&lang=en`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = pdfTextOf(res.body);
      expect(text).toContain(
        'Synpunkter: bun, Interim (delår) 2026-01-01 – 2026-08-31',
      );
      expect(text).toMatch(/Number\n9\n1\n8\n/);
      expect(text).not.toContain(CUSTOMER.name);
    });
  });

  describe('a download while the figures are computed', () => {
    const EXPORT = `/reports/synpunkter/export?${DELAR_2026_BUN}&format=csv`;
    let figures: jest.SpyInstance;
    let release: { resolve: () => void; reject: (error: Error) => void };

    beforeEach(() => {
      // The figures query waits until the test lets it go on (or fail).
      const original = ReportStore.prototype.figures;
      figures = jest
        .spyOn(ReportStore.prototype, 'figures')
        .mockImplementation(function figuresOnRelease(this: ReportStore, s) {
          return new Promise<FigureRow[]>((resolve, reject) => {
            release = {
              resolve: () => resolve(original.call(this, s)),
              reject,
            };
          });
        });
    });
    afterEach(() => figures.mockRestore());

    /** The export, with its first chunk as soon as it arrives and its outcome at the end. */
    function download() {
      let arrived!: (chunk: Buffer) => void;
      const first = new Promise<Buffer>(resolve => (arrived = resolve));
      const outcome = backend
        .as('karin')
        .get(EXPORT)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          const body = () => Buffer.concat(chunks);
          res.on('data', (chunk: Buffer) => {
            if (chunks.length === 0) arrived(chunk);
            chunks.push(chunk);
          });
          res.on('end', () => callback(null, body()));
          res.on('error', error => callback(error, body()));
          res.on('aborted', () => callback(new Error('aborted'), body()));
        })
        .then(
          res => ({ res }),
          error => ({ error: error as Error }),
        );
      return { first, outcome };
    }

    it('starts with the title and period lines before the figures are ready', async () => {
      const { first, outcome } = download();
      const start = (await first).toString('utf8');
      expect(figures).toHaveBeenCalled();
      expect(start.startsWith('\uFEFFSynpunkter: bun, Delår 2026-01-01')).toBe(
        true,
      );
      expect(start).toContain('Period;Delår 2026-01-01 – 2026-08-31');
      expect(start).not.toContain('Sammanfattning');
      release.resolve();
      const result = await outcome;
      if (!('res' in result)) throw result.error;
      expect(result.res.status).toBe(200);
      expect(csvSection(result.res.body, 'Sammanfattning')[1]).toEqual([
        'Antal',
        '9',
        '1',
        '8',
      ]);
    });

    it('breaks the download off when the figures fail after it started', async () => {
      const { first, outcome } = download();
      await first;
      release.reject(new Error('the database went away'));
      // Not a complete-looking file that lacks its figures: the connection is cut instead.
      expect('error' in (await outcome)).toBe(true);
    });

    it.each([
      [
        'an unknown unit',
        'karin',
        'period=delar&year=2026&unit=group:default/okand&format=csv',
        400,
        /unit: 'group:default\/okand' is not a unit/,
      ],
      [
        "a unit beyond the reader's reach",
        'nils',
        'period=delar&year=2026&unit=group:default/soc&format=csv',
        403,
        /You may report on group:default\/bun/,
      ],
      [
        'a missing year',
        'karin',
        'period=delar&format=xlsx',
        400,
        /year: is required for period=delar/,
      ],
    ])(
      'still refuses %s with a JSON error before anything is sent',
      async (_case, user, query, status, message) => {
        const res = await backend
          .as(user)
          .get(`/reports/synpunkter/export?${query}`);
        expect(res.status).toBe(status);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.body.error.message).toMatch(message);
        expect(figures).not.toHaveBeenCalled();
      },
    );
  });

  it('counts the enheter followed up in the period as "Andel enheter uppföljda"', async () => {
    await backend
      .as('maria')
      .post('/uppfoljningar', {
        unitRef: 'group:default/skolan',
        heldDate: '2026-05-04',
        participants: [{ name: 'Personalen' }],
        conclusions: 'Vårens synpunkter genomgångna.',
      })
      .expect(201);
    const res = await backend
      .as('karin')
      .get(`/reports/synpunkter?${DELAR_2026_BUN}`)
      .expect(200);
    expect(res.body.uppfoljning.current).toEqual({
      available: true,
      enheter: 2,
      uppfoljda: 1,
      andel: 0.5,
    });
    // The previous period (delår 2025) had none.
    expect(res.body.uppfoljning.previous).toMatchObject({ uppfoljda: 0 });
  });
});
