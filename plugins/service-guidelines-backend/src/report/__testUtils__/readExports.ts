import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { inflateRawSync, inflateSync } from 'node:zlib';

/** A CSV export parsed back: its rows of fields, after checking and removing the BOM. */
export function parseCsvExport(body: Buffer): string[][] {
  const text = body.toString('utf8');
  if (!text.startsWith('\uFEFF')) {
    throw new Error('The CSV does not start with a UTF-8 byte order mark');
  }
  return parse(text.slice(1), {
    delimiter: ';',
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][];
}

/** The rows of the CSV section under the given title (up to the next empty line). */
export function csvSection(body: Buffer, title: string): string[][] {
  const lines = body.toString('utf8').slice(1).split('\r\n');
  const start = lines.findIndex(line => line === title);
  if (start < 0) throw new Error(`No CSV section '${title}'`);
  const end = lines.findIndex((line, i) => i > start && line === '');
  const section = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\r\n');
  return parse(section, {
    delimiter: ';',
    relax_column_count: true,
  }) as string[][];
}

/** The workbook of an XLSX export, read by exceljs. */
export async function readXlsxExport(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types ask for its own Buffer flavour; a Node Buffer is what it reads.
  await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  return workbook;
}

/**
 * One file of a ZIP archive, read from its central directory: a reader of our own, so that the
 * archive's structure is checked independently of the library that parses the spreadsheet.
 */
export function zipEntry(archive: Buffer, name: string): string {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let position = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = archive.readUInt16LE(position + 28);
    const extraLength = archive.readUInt16LE(position + 30);
    const commentLength = archive.readUInt16LE(position + 32);
    const compressedSize = archive.readUInt32LE(position + 20);
    const offset = archive.readUInt32LE(position + 42);
    const entryName = archive
      .subarray(position + 46, position + 46 + nameLength)
      .toString('utf8');
    if (entryName === name) {
      const localNameLength = archive.readUInt16LE(offset + 26);
      const localExtraLength = archive.readUInt16LE(offset + 28);
      const dataStart = offset + 30 + localNameLength + localExtraLength;
      return inflateRawSync(
        archive.subarray(dataStart, dataStart + compressedSize),
      ).toString('utf8');
    }
    position += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`No entry ${name} in the archive`);
}

/**
 * The text of a PDF written with the built-in fonts: every content stream inflated, and the
 * hex-encoded Windows-1252 strings of its TJ operators decoded, one line per operator.
 */
export function pdfTextOf(body: Buffer): string {
  const raw = body.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const lines: string[] = [];
  const streamPattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (const match of raw.matchAll(streamPattern)) {
    const dictionary = match[1];
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = body.subarray(start, end);
    let content: string;
    try {
      content = dictionary.includes('/FlateDecode')
        ? inflateSync(bytes).toString('latin1')
        : bytes.toString('latin1');
    } catch {
      continue; // an image or font stream, not page content
    }
    for (const operator of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const text = [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)]
        .map(part => decoder.decode(Buffer.from(part[1], 'hex')))
        .join('');
      lines.push(text);
    }
  }
  return lines.join('\n');
}
