import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { inflateRawSync, inflateSync } from 'node:zlib';
import {
  expectNoAccessibilityViolations,
  keepScreenshot,
  signInAs,
} from './helpers';

const NAMND = 'group:default/barn-och-utbildningsnamnden';

/** The cells of a row of the summary table on the page, by its measure. */
async function summaryRow(page: Page, measure: string): Promise<string[]> {
  const row = page
    .getByTestId('sg-report-summary')
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: measure, exact: true }),
    });
  // Swedish numbers group thousands with a space and keep one before the per cent sign.
  return (await row.getByRole('cell').allTextContents()).map(text =>
    text.replace(/[\s\u00a0%]/g, ''),
  );
}

/**
 * Asks for the report again (another year and back) until two readings agree: the demo portal
 * registers its made-up synpunkter in the background just after it starts.
 */
async function settledAntal(page: Page): Promise<string> {
  let previous: string | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.getByLabel('År', { exact: true }).selectOption('2025');
    await expect(page.getByTestId('sg-report-heading')).toContainText('2025');
    await page.getByLabel('År', { exact: true }).selectOption('2026');
    await expect(page.getByTestId('sg-report-heading')).toContainText('2026');
    const [antal] = await summaryRow(page, 'Antal');
    if (antal !== '0' && antal === previous) return antal;
    previous = antal;
    await page.waitForTimeout(2000);
  }
  throw new Error('The report did not settle');
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(
    /^synpunkter-delar-2026-barn-och-utbildningsnamnden\.(xlsx|csv|pdf)$/,
  );
  return readFile((await file.path())!);
}

/** One file of a ZIP archive (an XLSX), found through its central directory. */
function zipEntry(archive: Buffer, name: string): string {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let position = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const nameLength = archive.readUInt16LE(position + 28);
    const entryName = archive
      .subarray(position + 46, position + 46 + nameLength)
      .toString('utf8');
    if (entryName === name) {
      const offset = archive.readUInt32LE(position + 42);
      const start =
        offset +
        30 +
        archive.readUInt16LE(offset + 26) +
        archive.readUInt16LE(offset + 28);
      const size = archive.readUInt32LE(position + 20);
      return inflateRawSync(archive.subarray(start, start + size)).toString(
        'utf8',
      );
    }
    position +=
      46 +
      nameLength +
      archive.readUInt16LE(position + 30) +
      archive.readUInt16LE(position + 32);
  }
  throw new Error(`No ${name} in the archive`);
}

/** The text a PDF with built-in fonts draws: its content streams' TJ strings, one per line. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const lines: string[] = [];
  for (const match of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const bytes = pdf.subarray(start, raw.indexOf('endstream', start));
    let content: string;
    try {
      content = match[1].includes('/FlateDecode')
        ? inflateSync(bytes).toString('latin1')
        : bytes.toString('latin1');
    } catch {
      continue;
    }
    for (const operator of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      lines.push(
        [...operator[1].matchAll(/<([0-9a-fA-F]*)>/g)]
          .map(part => decoder.decode(Buffer.from(part[1], 'hex')))
          .join(''),
      );
    }
  }
  return lines.join('\n');
}

test('a report reader takes delår 2026 for a nämnd to XLSX, CSV and PDF', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Karin Berg');
  await page.getByRole('link', { name: 'Rapporter' }).first().click();
  await expect(
    page.getByRole('heading', { name: 'Rapporter', exact: true }),
  ).toBeVisible();

  await page.getByLabel('Period', { exact: true }).selectOption('delar');
  await page.getByLabel('Del av organisationen').selectOption(NAMND);
  await expect(page.getByTestId('sg-report-heading')).toContainText(
    'Barn- och utbildningsnämnden',
  );
  const antal = await settledAntal(page);
  const [, previousAntal] = await summaryRow(page, 'Antal');
  const [onTime] = await summaryRow(page, 'Återkoppling: andel i tid');
  const [median] = await summaryRow(
    page,
    'Median arbetsdagar till återkoppling',
  );
  await expect(
    page.getByRole('heading', { name: 'Definitioner' }),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page, testInfo);
  await keepScreenshot(page, 'reports-delar-2026-bun');

  // CSV: UTF-8 with BOM, semicolons, decimal comma; the same figures as the page.
  const csv = await download(page, 'CSV för Excel');
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = csv.toString('utf8').slice(1).split('\r\n');
  expect(lines).toContain('Period;Delår 2026-01-01 – 2026-08-31');
  const summaryStart = lines.indexOf('Sammanfattning');
  const summary = lines.slice(summaryStart + 2, summaryStart + 20);
  expect(
    summary
      .find(l => l.startsWith('Antal;'))!
      .split(';')
      .slice(1, 3),
  ).toEqual([antal, previousAntal]);
  expect(
    summary
      .find(l => l.startsWith('Återkoppling andel i tid (%);'))!
      .split(';')[1],
  ).toBe(onTime);
  expect(
    summary
      .find(l => l.startsWith('Median arbetsdagar till återkoppling;'))!
      .split(';')[1],
  ).toBe(median);

  // XLSX: the summary sheet holds the number itself.
  const xlsx = await download(page, 'Excel (XLSX)');
  const sheet = zipEntry(xlsx, 'xl/worksheets/sheet1.xml');
  expect(sheet).toContain(
    `<c r="A11" t="inlineStr"><is><t xml:space="preserve">Antal</t></is></c><c r="B11" s="2"><v>${antal}</v></c>`,
  );
  expect(zipEntry(xlsx, 'xl/workbook.xml')).toContain('name="Definitioner"');

  // PDF: the title, the figure and the definitions.
  const pdf = await download(page, 'Utskriftsvänlig PDF');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf);
  expect(text).toContain(
    'Synpunkter: Barn- och utbildningsnämnden, Delår 2026-01-01 – 2026-08-31',
  );
  expect(text).toContain(`Antal\n${antal}\n${previousAntal}\n`);
  expect(text).toContain('Definitioner');

  // And the page still shows what was downloaded.
  expect((await summaryRow(page, 'Antal'))[0]).toBe(antal);
});
