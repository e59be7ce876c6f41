import { InputError } from '@backstage/errors';
import {
  decodeImportFile,
  readCsv,
  readImportFile,
  readJson,
  RawImportRow,
} from './importFile';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Encodes text as Windows-1252, as Excel on Windows saves "CSV (semikolonavgränsad)". */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...text].map(c => special[c] ?? c.charCodeAt(0)));
}

function thrown(fn: () => unknown): InputError & {
  rows: Array<{ line: number; message: string; field?: string }>;
} {
  try {
    fn();
  } catch (e) {
    return e as InputError & { rows: Array<{ line: number; message: string }> };
  }
  throw new Error('expected an error');
}

const valuesOf = (rows: RawImportRow[]) => rows.map(r => r.values);

describe('decodeImportFile', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('namn\nÅsa')]);
    expect(decodeImportFile(bytes)).toEqual({
      text: 'namn\nÅsa',
      encoding: 'utf-8',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    expect(
      decodeImportFile(windows1252('Åkesson;Öhman;Bäckström – €')),
    ).toEqual({
      text: 'Åkesson;Öhman;Bäckström – €',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-16 with its byte-order mark (Excel’s "Unicode text")', () => {
    const text = 'namn\tparti\nÅsa\tS';
    const bytes = Uint8Array.from([
      0xff,
      0xfe,
      ...[...text].flatMap(c => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodeImportFile(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('readCsv', () => {
  const header = 'namn,parti,epost,telefon,organ,roll,fran,till';

  it('reads the documented format, keeping each row’s line', () => {
    const file = readCsv(
      `${header}\nGunilla Åkesson,M,gunilla@x.se,070-174 06 05,Kommunfullmäktige,ordförande,2023-01-01,2026-12-31\n`,
    );
    expect(file.format).toBe('csv');
    expect(file.ignoredColumns).toEqual([]);
    expect(file.rows).toEqual([
      expect.objectContaining({
        line: 2,
        values: {
          name: 'Gunilla Åkesson',
          party: 'M',
          email: 'gunilla@x.se',
          phone: '070-174 06 05',
          organ: 'Kommunfullmäktige',
          role: 'ordförande',
          from: '2023-01-01',
          to: '2026-12-31',
        },
      }),
    ]);
  });

  it('reads semicolons, CRLF, Swedish headers with å and hyphens, and skips Excel’s empty rows', () => {
    const file = readCsv(
      'Namn;Parti;E-post;Organ;Roll;Från;Till;Kommentar\r\n' +
        'Kjell Norberg;C;kjell@x.se;Bygg-, miljö- och hälsoskyddsnämnden;ordförande;2023-01-01;;ny\r\n' +
        ';;;;;;;\r\n' +
        '\r\n' +
        'Elsa Roos;C;elsa@x.se;Socialnämnden;ersättare;2023-01-01;2026-12-31;\r\n',
    );
    expect(file.ignoredColumns).toEqual(['Kommentar']);
    expect(file.rows.map(r => r.line)).toEqual([2, 5]);
    expect(file.rows[0].values).toMatchObject({
      organ: 'Bygg-, miljö- och hälsoskyddsnämnden',
      to: '',
    });
    // the file has no phone column: the field is absent, not empty
    expect('phone' in file.rows[0].values).toBe(false);
    expect(file.rows[0].fieldNames.from).toBe('Från');
  });

  it('reads quoted fields with separators, quotes and line breaks, and counts lines from where a row starts', () => {
    const file = readCsv(
      `${header}\n` +
        '"Sven-Erik ""Sverre"" Dahlgren",M,se@x.se,,"Kultur- och\nfritidsnämnden",ordförande,2023-01-01,\n' +
        'Agneta Fors,VäP,agneta@x.se,,Kultur- och fritidsnämnden,ledamot,2023-01-01,\n',
    );
    expect(valuesOf(file.rows).map(v => [v.name, v.organ])).toEqual([
      ['Sven-Erik "Sverre" Dahlgren', 'Kultur- och\nfritidsnämnden'],
      ['Agneta Fors', 'Kultur- och fritidsnämnden'],
    ]);
    expect(file.rows.map(r => r.line)).toEqual([2, 4]);
  });

  it('names the missing columns of a wrong header', () => {
    const error = thrown(() => readCsv('namn;parti;telefon\nA;S;070\n'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/lacks the columns epost, organ, roll, fran/);
    expect(error.rows).toEqual([expect.objectContaining({ line: 1 })]);
  });

  it('refuses a file whose quote is never closed, naming the line', () => {
    const error = thrown(() =>
      readCsv(`${header}\nA,S,a@x.se,,"Socialnämnden,ledamot,2023-01-01,\n`),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/cannot be read/);
    expect(error.message).toMatch(/quote/i);
  });

  it('refuses an empty file', () => {
    expect(() => readImportFile(new Uint8Array())).toThrow(/empty/);
  });
});

describe('readJson', () => {
  it('reads people with nested uppdrag, one row per uppdrag, with the line of each person', () => {
    const text = `[
  {
    "namn": "Ingrid Wikström", "parti": "KD", "epost": "ingrid@x.se",
    "uppdrag": [
      { "organ": "Socialnämnden", "roll": "ordförande", "fran": "2023-01-01", "till": "2026-12-31" },
      { "organ": "Kommunstyrelsen", "roll": "ersättare", "fran": "2023-01-01" }
    ]
  },
  { "name": "Viktor Lund", "party": "SD", "email": "viktor@x.se", "phone": null,
    "organ": "Barn- och utbildningsnämnden", "role": "ledamot", "from": "2023-01-01" }
]`;
    const file = readJson(text);
    expect(file.rows.map(r => [r.line, r.values.name, r.values.organ])).toEqual(
      [
        [2, 'Ingrid Wikström', 'Socialnämnden'],
        [2, 'Ingrid Wikström', 'Kommunstyrelsen'],
        [9, 'Viktor Lund', 'Barn- och utbildningsnämnden'],
      ],
    );
    expect(file.rows[0].fieldNames.role).toBe('uppdrag[0].roll');
    expect(file.rows[2].values.phone).toBeNull();
  });

  it('reports JSON that is not an array, or entries that are not objects', () => {
    expect(() => readJson('{"namn": "A"}')).toThrow(/must be an array/);
    expect(() => readJson('[1,')).toThrow(/not valid JSON/);
    const error = thrown(() =>
      readJson('[\n  "text",\n  { "namn": { "för": "A" } }\n]'),
    );
    expect(error.rows).toEqual([
      { line: 2, message: 'entry 1 must be an object' },
      { line: 3, message: 'namn: must be text' },
    ]);
  });

  it('is chosen for content that starts with [', () => {
    expect(readImportFile(utf8(' [ ]')).format).toBe('json');
    expect(
      readImportFile(utf8('namn,parti,epost,organ,roll,fran\n')).format,
    ).toBe('csv');
  });
});
