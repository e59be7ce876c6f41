import { InputError } from '@backstage/errors';
import { ImportRowProblem } from '@service-guidelines/plugin-service-guidelines-common';
import { parse } from 'csv-parse/sync';
import { foldForSearch } from '../../database/FortroendevaldStore';

/** The fields an import row can carry, by their name in code. */
export const IMPORT_FIELDS = [
  'name',
  'party',
  'email',
  'phone',
  'photoUrl',
  'organ',
  'role',
  'from',
  'to',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * The column names each field is recognised by, folded (lower case, no spaces, hyphens or
 * underscores). The first is the name the format documents; the rest are what lists exported from
 * other systems tend to call them.
 */
const COLUMN_ALIASES: Record<ImportField, string[]> = {
  name: ['namn', 'name', 'fulltnamn'],
  party: ['parti', 'party'],
  email: ['epost', 'email', 'mail', 'epostadress', 'emailaddress'],
  phone: ['telefon', 'phone', 'tel', 'telefonnummer', 'mobil'],
  photoUrl: ['fotourl', 'foto', 'bild', 'photourl', 'photo'],
  organ: ['organ', 'namnd', 'nämnd'],
  role: ['roll', 'role', 'uppdrag'],
  from: ['fran', 'från', 'from', 'startdatum'],
  to: ['till', 'to', 'slutdatum'],
};

const REQUIRED_COLUMNS: ImportField[] = [
  'name',
  'party',
  'email',
  'organ',
  'role',
  'from',
];

/** More rows than any municipality has förtroendevalda; a bigger file is a mistake. */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * One row of an import file before validation: where it starts, the values it gives, and what the
 * file calls each field (for error messages in the file's own words). A field that the file does
 * not have at all is absent; a field that is empty is `''` (CSV) or null (JSON).
 */
export interface RawImportRow {
  line: number;
  values: Partial<Record<ImportField, string | null>>;
  fieldNames: Partial<Record<ImportField, string>>;
  /** For JSON: the person's values are shared by several uppdrag rows of one entry. */
  entry?: number;
}

/** An import file read into rows. */
export interface ReadImportFile {
  format: 'csv' | 'json';
  rows: RawImportRow[];
  ignoredColumns: string[];
}

/** A file-level error (not one row): 400 with the problem and its line where known. */
function fileError(message: string, line?: number): InputError {
  const problems: ImportRowProblem[] = [{ line: line ?? 0, message }];
  const error = new InputError(
    `The file cannot be read${
      line ? ` (line ${line})` : ''
    }: ${message}. Nothing was changed.`,
  );
  Object.assign(error, { rows: problems });
  return error;
}

/**
 * The text of an uploaded file. Excel on Windows saves "CSV (semikolonavgränsad)" in
 * Windows-1252 and "CSV UTF-8" with a byte-order mark; "Unicode text" is UTF-16 with a BOM. Text
 * that is not valid UTF-8 is taken to be Windows-1252, which is what such a file almost always is.
 */
export function decodeImportFile(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'windows-1252';
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
      encoding: 'utf-8',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
    };
  }
}

const foldColumn = (name: string) => foldForSearch(name).replace(/[\s_-]/g, '');

function fieldOfColumn(column: string): ImportField | undefined {
  const folded = foldColumn(column);
  return IMPORT_FIELDS.find(field => COLUMN_ALIASES[field].includes(folded));
}

/** The separator of the header line: comma, semicolon or tab, whichever occurs most. */
function detectDelimiter(text: string): string {
  const firstLine = text.split('\n').find(line => line.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map(d => ({
    d,
    n: unquoted.split(d).length - 1,
  }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

/**
 * Reads a CSV file with a header row: comma, semicolon or tab separated, quoted fields that may
 * hold separators and line breaks, any line ending. Rows whose cells are all empty (Excel writes
 * `;;;;;;;` for them) are skipped. Each row keeps the line it starts on.
 */
export function readCsv(text: string): ReadImportFile {
  // One line ending for all: csv-parse's line count is exact only with a single kind.
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: Array<{
    record: string[];
    raw: string;
    info: { lines: number };
  }>;
  try {
    // With `info` and `raw`, csv-parse returns these objects; its types only know plain records.
    records = parse(normalized, {
      delimiter: detectDelimiter(normalized),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (e) {
    const error = e as Error & { lines?: number };
    throw fileError(
      error.message.replace(/^Invalid[^:]*:\s*/, ''),
      error.lines,
    );
  }
  if (records.length === 0) {
    throw fileError(
      'it is empty; the first line must be a header such as namn,parti,epost,telefon,organ,roll,fran,till',
    );
  }

  const [header, ...body] = records;
  const columns = header.record.map(name => name.trim());
  const fields = columns.map(fieldOfColumn);
  const seen = new Map<ImportField, string>();
  columns.forEach((column, i) => {
    const field = fields[i];
    if (field && seen.has(field)) {
      throw fileError(
        `the columns '${seen.get(field)}' and '${column}' both mean ${
          COLUMN_ALIASES[field][0]
        }`,
        1,
      );
    }
    if (field) {
      seen.set(field, column);
    }
  });
  const missing = REQUIRED_COLUMNS.filter(field => !seen.has(field));
  if (missing.length) {
    throw fileError(
      `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing
        .map(f => COLUMN_ALIASES[f][0])
        .join(
          ', ',
        )}; the header must name namn, parti, epost, organ, roll and fran (telefon, fotourl and till may be added)`,
      header.info.lines,
    );
  }
  if (body.length > MAX_IMPORT_ROWS) {
    throw fileError(
      `it has ${body.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once`,
    );
  }

  const fieldNames = Object.fromEntries(
    seen.entries(),
  ) as RawImportRow['fieldNames'];
  const rows: RawImportRow[] = [];
  for (const { record, raw, info } of body) {
    if (record.every(cell => cell.trim() === '')) {
      continue;
    }
    // `lines` is where the record ends; a quoted line break inside it moves its start up.
    const breaksInside =
      raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    const line = info.lines - breaksInside;
    const values: RawImportRow['values'] = {};
    fields.forEach((field, i) => {
      if (field) {
        values[field] = record[i] ?? '';
      }
    });
    rows.push({ line, values, fieldNames });
  }
  return {
    format: 'csv',
    rows,
    ignoredColumns: columns.filter((column, i) => !fields[i] && column !== ''),
  };
}

/**
 * The line each element of the top-level array starts on, found by scanning the text once
 * (JSON.parse keeps no positions).
 */
function lineOfEachElement(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectValue = false;
  for (const char of text) {
    if (char === '\n') {
      line += 1;
    }
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectValue && char !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth === 1) expectValue = true;
    } else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 1) expectValue = true;
  }
  return lines;
}

const PERSON_FIELDS: ImportField[] = [
  'name',
  'party',
  'email',
  'phone',
  'photoUrl',
];
const UPPDRAG_FIELDS: ImportField[] = ['organ', 'role', 'from', 'to'];

/** The field values of a JSON object, by alias, and what the object calls each. */
function jsonValues(
  object: Record<string, unknown>,
  fields: ImportField[],
  prefix: string,
): Pick<RawImportRow, 'values' | 'fieldNames'> & { problems: string[] } {
  const values: RawImportRow['values'] = {};
  const fieldNames: RawImportRow['fieldNames'] = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    const field = fieldOfColumn(key);
    if (!field || !fields.includes(field)) {
      continue;
    }
    fieldNames[field] = `${prefix}${key}`;
    if (value === null || value === undefined) {
      values[field] = null;
    } else if (typeof value === 'string' || typeof value === 'number') {
      values[field] = String(value);
    } else {
      problems.push(`${prefix}${key}: must be text`);
    }
  }
  return { values, fieldNames, problems };
}

/**
 * Reads a JSON file: an array whose elements are either people with their uppdrag
 * (`{ namn, parti, epost, telefon, uppdrag: [{ organ, roll, fran, till }] }`) or flat rows like
 * the CSV format (`{ namn, parti, epost, telefon, organ, roll, fran, till }`). English property
 * names (name, party, email, phone, photoUrl, organ, role, from, to) work as well.
 */
export function readJson(text: string): ReadImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw fileError(`it is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) {
    throw fileError('a JSON import must be an array of people or of rows');
  }
  const lines = lineOfEachElement(text);
  const rows: RawImportRow[] = [];
  const problems: ImportRowProblem[] = [];
  data.forEach((element, index) => {
    const line = lines[index] ?? index + 1;
    if (
      typeof element !== 'object' ||
      element === null ||
      Array.isArray(element)
    ) {
      problems.push({ line, message: `entry ${index + 1} must be an object` });
      return;
    }
    const object = element as Record<string, unknown>;
    const nested = object.uppdrag;
    if (Array.isArray(nested)) {
      const person = jsonValues(object, PERSON_FIELDS, '');
      person.problems.forEach(message => problems.push({ line, message }));
      if (nested.length === 0) {
        rows.push({
          line,
          entry: index + 1,
          values: person.values,
          fieldNames: person.fieldNames,
        });
      }
      nested.forEach((item, i) => {
        const prefix = `uppdrag[${i}].`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) {
          problems.push({
            line,
            field: `uppdrag[${i}]`,
            message: 'must be an object',
          });
          return;
        }
        const uppdrag = jsonValues(
          item as Record<string, unknown>,
          UPPDRAG_FIELDS,
          prefix,
        );
        uppdrag.problems.forEach(message => problems.push({ line, message }));
        const required: ImportField[] = ['organ', 'role', 'from'];
        rows.push({
          line,
          entry: index + 1,
          values: { ...person.values, ...uppdrag.values },
          fieldNames: {
            ...Object.fromEntries(
              required.map(f => [f, `${prefix}${COLUMN_ALIASES[f][0]}`]),
            ),
            ...person.fieldNames,
            ...uppdrag.fieldNames,
          },
        });
      });
    } else {
      const row = jsonValues(object, IMPORT_FIELDS.slice(), '');
      row.problems.forEach(message => problems.push({ line, message }));
      rows.push({
        line,
        entry: index + 1,
        values: row.values,
        fieldNames: row.fieldNames,
      });
    }
  });
  if (problems.length) {
    throw importRowsError(problems);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw fileError(
      `it has ${rows.length} uppdrag; at most ${MAX_IMPORT_ROWS} can be imported at once`,
    );
  }
  return { format: 'json', rows, ignoredColumns: [] };
}

/** The 400 for bad rows: every row with its line and reason, in the message and as `rows`. */
export function importRowsError(problems: ImportRowProblem[]): InputError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const error = new InputError(
    `${sorted.length} problem${
      sorted.length === 1 ? '' : 's'
    } in the file; nothing was changed. ${sorted
      .map(p => `Line ${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`)
      .join('; ')}`,
  );
  Object.assign(error, { rows: sorted });
  return error;
}

/**
 * Reads an uploaded file as CSV or JSON: the format named by the caller, or else the one its
 * content shows (JSON starts with `[`).
 */
export function readImportFile(
  bytes: Uint8Array,
  format?: 'csv' | 'json',
): ReadImportFile {
  if (bytes.length === 0) {
    throw fileError('it is empty');
  }
  const { text } = decodeImportFile(bytes);
  const looksLikeJson = /^\s*[[{]/.test(text);
  return (format ?? (looksLikeJson ? 'json' : 'csv')) === 'json'
    ? readJson(text)
    : readCsv(text);
}
