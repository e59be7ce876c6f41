import {
  ReportExportQuery,
  ReportImprovement,
  SynpunktReport,
} from '@service-guidelines/plugin-service-guidelines-common';
import ExcelJS from 'exceljs';
import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { KnexOrganisationStore } from '../../database/OrganisationStore';
import { CUSTOMER, loadReportFixture } from '../__testUtils__/reportFixture';
import {
  csvSection,
  parseCsvExport,
  pdfTextOf,
  readXlsxExport,
  zipEntry,
} from '../__testUtils__/readExports';
import { ReportService } from '../ReportService';
import { ReportStore } from '../ReportStore';
import { reportFile } from '.';

jest.setTimeout(120_000);

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** A promise settled from outside, as a slow figures query would be. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Improvements made up as they are asked for, counting how many were taken and whether closed. */
function manyImprovements(total: number) {
  const source = { taken: 0, closed: false };
  async function* items(): AsyncGenerator<ReportImprovement> {
    try {
      for (; source.taken < total; ) {
        source.taken += 1;
        yield {
          unitRef: 'group:default/skolan',
          unitTitle: 'Skolan',
          type: 'klagomal',
          area: 'utbildning',
          areaTitle: 'Förskola och skola',
          closedDate: '2026-03-12',
          description: `Förbättring nummer ${source.taken}`,
        };
      }
    } finally {
      source.closed = true;
    }
  }
  return { source, items: items() };
}

/** A body's first chunk, and the whole body once the rest has been read. */
async function firstThenAll(body: Readable) {
  const chunks = body[Symbol.asyncIterator]();
  const toBuffer = (chunk: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
  const first = toBuffer((await chunks.next()).value);
  return {
    first,
    all: async () => {
      const read = [first];
      for (let next = await chunks.next(); !next.done; ) {
        read.push(toBuffer(next.value));
        next = await chunks.next();
      }
      return Buffer.concat(read);
    },
  };
}

const SECRETS = [
  CUSTOMER.name,
  CUSTOMER.email,
  CUSTOMER.phone,
  CUSTOMER.address,
  CUSTOMER.description,
  'SYN-TEST',
];

// The summary of delår 2026 for barn- och utbildningsnämnden, as computed by hand in
// ReportService.test.ts: [measure, period, previous period, change], Swedish, decimal comma.
const SUMMARY_SV = [
  ['Antal', '9', '1', '8'],
  ['Anonyma', '1', '0', '1'],
  ['Andel anonyma (%)', '11,1', '0,0', '11,1'],
  ['Första svar i tid', '5', '1', '4'],
  ['Första svar sent', '2', '0', '2'],
  ['Första svar pågående', '1', '0', '1'],
  ['Första svar andel i tid (%)', '71,4', '100,0', '-28,6'],
  ['Återkoppling i tid', '4', '1', '3'],
  ['Återkoppling sent', '2', '0', '2'],
  ['Återkoppling pågående', '2', '0', '2'],
  ['Återkoppling andel i tid (%)', '66,7', '100,0', '-33,3'],
  ['Antal med återkoppling', '5', '1', '4'],
  ['Median arbetsdagar till återkoppling', '6', '9', '-3'],
  ['90:e percentil arbetsdagar till återkoppling', '11', '9', '2'],
  ['Öppna vid periodens slut', '5', '0', '5'],
  ['Varav försenade', '1', '0', '1'],
  ['Förbättringar', '2', '0', '2'],
];

describe('report exports', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let service: ReportService;
    let store: ReportStore;
    const query = (
      format: ReportExportQuery['format'],
      extra: Partial<ReportExportQuery> = {},
    ): ReportExportQuery => ({
      period: 'delar',
      year: 2026,
      unit: 'group:default/bun',
      format,
      ...extra,
    });

    beforeAll(async () => {
      const knex: Knex = await databases.init(databaseId);
      await loadReportFixture(knex);
      store = new ReportStore(knex);
      service = new ReportService({
        store,
        organisation: new KnexOrganisationStore(knex),
        settings: {
          delar: { from: '01-01', to: '08-31' },
          improvementsPageSize: 500,
        },
        areas: [
          { id: 'utbildning', title: 'Förskola och skola' },
          { id: 'socialtjanst', title: 'Socialtjänst och omsorg' },
          { id: 'ovrigt', title: 'Övrigt' },
        ],
        organisationName: 'Testkommunen',
        clock: () => new Date('2026-11-24T10:00:00Z'),
      });
    });

    it('writes a CSV for Swedish Excel with the hand-computed figures', async () => {
      const file = await service.exportFile(query('csv'), 'all');
      expect(file.contentType).toBe('text/csv; charset=utf-8');
      expect(file.filename).toBe('synpunkter-delar-2026-bun.csv');
      const body = await bytesOf(file.body);
      const rows = parseCsvExport(body);
      expect(rows[0]).toEqual([
        'Synpunkter: Barn- och utbildningsnämnden, Delår 2026-01-01 – 2026-08-31',
      ]);
      expect(rows).toContainEqual(['Organisation', 'Testkommunen']);
      expect(rows).toContainEqual(['Period', 'Delår 2026-01-01 – 2026-08-31']);
      expect(rows).toContainEqual([
        'Föregående period',
        'Delår 2025-01-01 – 2025-08-31',
      ]);
      expect(body.toString('utf8')).toContain('\r\n');

      const summary = csvSection(body, 'Sammanfattning');
      expect(summary[0]).toEqual([
        'Mått',
        'Perioden',
        'Föregående period',
        'Förändring',
      ]);
      expect(summary.slice(1, 1 + SUMMARY_SV.length)).toEqual(SUMMARY_SV);
      expect(summary[SUMMARY_SV.length + 1][0]).toBe('Andel enheter uppföljda');
      expect(summary[SUMMARY_SV.length + 1][1]).toMatch(/^ej tillgänglig/);

      const byType = csvSection(body, 'Per typ');
      expect(byType[0].slice(0, 3)).toEqual(['Typ', 'Antal', 'Anonyma']);
      expect(byType.map(r => [r[0], r[1]])).toEqual([
        ['Typ', 'Antal'],
        ['Beröm', '2'],
        ['Klagomål', '6'],
        ['Förslag', '1'],
      ]);
      const byUnit = csvSection(body, 'Per enhet');
      // The unit below the nämnd is indented, which the CSV keeps by quoting the field.
      expect(byUnit.slice(1).map(r => [r[0], r[1]])).toEqual([
        ['Barn- och utbildningsnämnden', '9'],
        ['  Skolan', '9'],
      ]);
      expect(csvSection(body, 'Per månad')[3].slice(0, 2)).toEqual([
        'mars 2026',
        '4',
      ]);

      const improvements = csvSection(body, 'Förbättringar');
      expect(improvements).toEqual([
        ['Enhet', 'Typ', 'Område', 'Avslutad', 'Beskrivning'],
        [
          'Skolan',
          'Klagomål',
          'Förskola och skola',
          '2026-03-12',
          'Nya rutiner för skolskjuts',
        ],
        [
          'Skolan',
          'Klagomål',
          'Förskola och skola',
          '2026-03-17',
          // Neutralised: an apostrophe keeps it text in Excel.
          `'=HYPERLINK("http://example.invalid","klicka")`,
        ],
      ]);

      const definitions = csvSection(body, 'Definitioner');
      expect(definitions[0]).toEqual([
        'Mått',
        'Definition',
        'Measure',
        'Definition (English)',
      ]);
      expect(definitions).toContainEqual([
        'Andel i tid',
        'I tid ÷ (i tid + sent).',
        'Share on time',
        'On time ÷ (on time + late).',
      ]);
      expect(definitions.length - 1).toBe(22);
      for (const secret of SECRETS) {
        expect(body.toString('utf8')).not.toContain(secret);
      }
    });

    it('writes decimal points on request, and English labels', async () => {
      const file = await service.exportFile(
        query('csv', { decimal: 'point', lang: 'en' }),
        'all',
      );
      const body = await bytesOf(file.body);
      const summary = csvSection(body, 'Summary');
      expect(summary[0]).toEqual([
        'Measure',
        'Period',
        'Previous period',
        'Change',
      ]);
      expect(summary[3]).toEqual([
        'Share anonymous (%)',
        '11.1',
        '0.0',
        '11.1',
      ]);
      expect(summary[7]).toEqual([
        'First answer share on time (%)',
        '71.4',
        '100.0',
        '-28.6',
      ]);
    });

    it('writes an XLSX with numbers as numbers, a sheet per table and the definitions', async () => {
      const file = await service.exportFile(query('xlsx'), 'all');
      expect(file.filename).toBe('synpunkter-delar-2026-bun.xlsx');
      const body = await bytesOf(file.body);
      const workbook = await readXlsxExport(body);
      expect(workbook.worksheets.map(w => w.name)).toEqual([
        'Sammanfattning',
        'Per typ',
        'Per kanal',
        'Per område',
        'Per månad',
        'Per enhet',
        'Förbättringar',
        'Definitioner',
      ]);
      const summary = workbook.getWorksheet('Sammanfattning')!;
      expect(summary.getCell('A1').value).toBe(
        'Synpunkter: Barn- och utbildningsnämnden, Delår 2026-01-01 – 2026-08-31 – Sammanfattning',
      );
      expect(summary.getCell('A2').value).toBe('Organisation');
      expect(summary.getCell('B2').value).toBe('Testkommunen');
      const byMeasure = new Map<string, ExcelJS.Row>();
      summary.eachRow(r => byMeasure.set(String(r.getCell(1).value), r));
      const values = (measure: string) =>
        [2, 3, 4].map(c => byMeasure.get(measure)!.getCell(c).value);
      expect(values('Antal')).toEqual([9, 1, 8]);
      expect(values('Median arbetsdagar till återkoppling')).toEqual([
        6, 9, -3,
      ]);
      expect(values('Varav försenade')).toEqual([1, 0, 1]);
      const [share, previousShare, change] = values(
        'Återkoppling andel i tid (%)',
      ) as number[];
      expect(share).toBeCloseTo(4 / 6, 12);
      expect(previousShare).toBe(1);
      expect(change).toBeCloseTo((4 / 6 - 1) * 100, 10);
      expect(
        byMeasure.get('Återkoppling andel i tid (%)')!.getCell(2).numFmt,
      ).toBe('0.0%');

      const improvements = workbook.getWorksheet('Förbättringar')!;
      const listed: unknown[][] = [];
      improvements.eachRow((r, n) => {
        if (n > 10) listed.push([1, 2, 3, 4, 5].map(c => r.getCell(c).value));
      });
      expect(listed).toEqual([
        [
          'Skolan',
          'Klagomål',
          'Förskola och skola',
          '2026-03-12',
          'Nya rutiner för skolskjuts',
        ],
        [
          'Skolan',
          'Klagomål',
          'Förskola och skola',
          '2026-03-17',
          '=HYPERLINK("http://example.invalid","klicka")',
        ],
      ]);
      // Text, not a formula: no <f> anywhere, and Excel's quotePrefix style on that cell.
      const sheetXml = zipEntry(body, 'xl/worksheets/sheet7.xml');
      expect(sheetXml).not.toContain('<f>');
      expect(sheetXml).toMatch(
        /<c r="E12" t="inlineStr" s="5"><is><t xml:space="preserve">=HYPERLINK/,
      );
      expect(improvements.getCell('E12').type).toBe(ExcelJS.ValueType.String);

      const definitions = workbook.getWorksheet('Definitioner')!;
      expect(definitions.getCell('A10').value).toBe('Mått');
      expect(definitions.rowCount).toBe(10 + 22);
      for (const secret of SECRETS) {
        for (const sheet of [1, 2, 3, 4, 5, 6, 7, 8]) {
          expect(
            zipEntry(body, `xl/worksheets/sheet${sheet}.xml`),
          ).not.toContain(secret);
        }
      }
    });

    it('writes a PDF with the figures, the charts and the definitions', async () => {
      const file = await service.exportFile(query('pdf'), 'all');
      expect(file.contentType).toBe('application/pdf');
      const body = await bytesOf(file.body);
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfTextOf(body);
      for (const expected of [
        'Synpunkter: Barn- och utbildningsnämnden, Delår 2026-01-01 – 2026-08-31',
        'Testkommunen',
        'Delår 2025-01-01 – 2025-08-31',
        'Sammanfattning',
        'Första svar andel i tid (%)',
        '71,4 %',
        '66,7 %',
        '-33,3',
        'Antal per typ',
        'Andel återkoppling i tid per enhet',
        'Per enhet',
        'Nya rutiner för skolskjuts',
        '=HYPERLINK("http://example.invalid","klicka")',
        'Definitioner',
        'Andel i tid / Share on time',
        'On time ÷ (on time + late).',
      ]) {
        expect(text).toContain(expected);
      }
      // The summary row of Antal: 9 in the period, 1 before, a change of 8.
      expect(text).toMatch(/Antal\n9\n1\n8\n/);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
      }
    });

    describe('while the file is sent', () => {
      let report: SynpunktReport;
      beforeAll(async () => {
        ({ report } = await service.prepare(
          { period: 'delar', year: 2026, unit: 'group:default/bun' },
          'all',
        ));
      });

      it('gives the CSV title and header lines before the figures are computed', async () => {
        const figures = deferred<SynpunktReport>();
        const file = reportFile(
          report,
          figures.promise,
          manyImprovements(3).items,
          { format: 'csv' },
        );
        const { first: firstBytes, all } = await firstThenAll(file.body);
        const first = firstBytes.toString('utf8');
        expect(
          first.startsWith('\uFEFFSynpunkter: Barn- och utbildningsnämnden'),
        ).toBe(true);
        expect(first).toContain('Organisation;Testkommunen\r\n');
        expect(first).not.toContain('Sammanfattning');
        figures.resolve(report);
        const body = await all();
        expect(csvSection(body, 'Sammanfattning')[1]).toEqual(SUMMARY_SV[0]);
        expect(csvSection(body, 'Förbättringar')).toHaveLength(1 + 3);
      });

      it('gives the start of the XLSX before the figures are computed', async () => {
        const figures = deferred<SynpunktReport>();
        const file = reportFile(
          report,
          figures.promise,
          manyImprovements(3).items,
          {
            format: 'xlsx',
          },
        );
        const { first, all } = await firstThenAll(file.body);
        // The local file header of the first entry of the archive.
        expect(first.readUInt32LE(0)).toBe(0x04034b50);
        expect(first.toString('utf8')).toContain('[Content_Types].xml');
        figures.resolve(report);
        const workbook = await readXlsxExport(await all());
        expect(workbook.getWorksheet('Förbättringar')!.rowCount).toBe(10 + 3);
      });

      it.each(['csv', 'xlsx', 'pdf'] as const)(
        'fails the %s body when the figures fail after it started',
        async format => {
          const figures = deferred<SynpunktReport>();
          const file = reportFile(
            report,
            figures.promise,
            manyImprovements(3).items,
            {
              format,
            },
          );
          const read: Buffer[] = [];
          const drained = (async () => {
            for await (const chunk of file.body) read.push(Buffer.from(chunk));
          })();
          await new Promise(resolve => setTimeout(resolve, 50));
          figures.reject(new Error('the figures query failed'));
          await expect(drained).rejects.toThrow('the figures query failed');
        },
      );

      it.each(['csv', 'xlsx'] as const)(
        'takes the improvements for a %s as it writes them, and stops reading when the download stops',
        async format => {
          const { source, items } = manyImprovements(1_000_000);
          const file = reportFile(report, Promise.resolve(report), items, {
            format,
          });
          let chunks = 0;
          for await (const _chunk of file.body) {
            chunks += 1;
            if (source.taken > 0 && ++chunks > 40) break;
          }
          // Read ahead by the stream buffers only: a few thousand rows, not the million.
          expect(source.taken).toBeGreaterThan(0);
          expect(source.taken).toBeLessThan(20_000);
          // Breaking off destroyed the body, which closed the source (a cursor, in production).
          // Each stage closes when its pending step has finished, so this takes a few turns.
          for (let i = 0; i < 100 && !source.closed; i++) {
            await new Promise(resolve => setTimeout(resolve, 10));
          }
          expect(source.closed).toBe(true);
        },
      );
    });

    it('reads every improvement, a page at a time where there is no cursor', async () => {
      const prepared = await service.prepare(
        { period: 'delar', year: 2026 },
        'all',
      );
      const pageByPage: string[] = [];
      for await (const item of store.allImprovements(prepared.selection, 1)) {
        pageByPage.push(item.closedDate);
      }
      expect(pageByPage.sort()).toEqual([
        '2026-02-12',
        '2026-03-12',
        '2026-03-17',
      ]);
    });
  });
});
