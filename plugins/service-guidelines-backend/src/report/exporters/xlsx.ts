import { looksLikeFormula } from './cells';
import { Cell, ExportContent, ExportTable } from './exportContent';
import { zipStream } from './zipStream';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles, the indexes of `cellXfs` in styles.xml below. */
const STYLE = {
  plain: 0,
  bold: 1,
  integer: 2,
  percent: 3,
  points: 4,
  /** Text shown and kept as text even when it starts with `=` (Excel's quotePrefix). */
  quoted: 5,
} as const;

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="+0.0;-0.0;0.0"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

// XML 1.0 allows tab, line feed and carriage return, but no other control characters.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function cellXml(cell: Cell, ref: string, bold = false): string {
  switch (cell.kind) {
    case 'text': {
      // Inline strings are never formulas; quotePrefix keeps one that looks like a formula text
      // even when someone edits the cell in Excel.
      let style: number = bold ? STYLE.bold : STYLE.plain;
      if (looksLikeFormula(cell.value)) style = STYLE.quoted;
      return `<c r="${ref}" t="inlineStr"${
        style ? ` s="${style}"` : ''
      }><is><t xml:space="preserve">${escapeXml(cell.value)}</t></is></c>`;
    }
    case 'count':
    case 'days':
      return `<c r="${ref}" s="${STYLE.integer}"><v>${cell.value}</v></c>`;
    case 'share':
      return `<c r="${ref}" s="${STYLE.percent}"><v>${cell.value}</v></c>`;
    case 'points':
      return `<c r="${ref}" s="${STYLE.points}"><v>${cell.value}</v></c>`;
    default:
      return '';
  }
}

function rowXml(index: number, cells: Cell[], bold = false): string {
  const r = index + 1;
  return `<row r="${r}">${cells
    .map((cell, i) => cellXml(cell, `${columnName(i)}${r}`, bold))
    .join('')}</row>`;
}

/** A worksheet: the report's header, the table's column headers, then its rows as they come. */
async function* sheetXml(
  content: ExportContent,
  table: ExportTable,
): AsyncGenerator<string> {
  const text = (value: string): Cell => ({ kind: 'text', value });
  const headerRows = 2 + content.header.length;
  const columnRow = headerRows + 1;
  let xml = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  xml += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${
    columnRow + 1
  }" topLeftCell="A${
    columnRow + 2
  }" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  xml += `<cols>${table.columns
    .map(
      (c, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${
          c.width
        }" customWidth="1"/>`,
    )
    .join('')}</cols><sheetData>`;
  xml += rowXml(0, [text(`${content.title} – ${table.title}`)], true);
  content.header.forEach(([label, value], i) => {
    xml += rowXml(i + 1, [text(label), text(value)]);
  });
  xml += rowXml(
    columnRow,
    table.columns.map(c => text(c.header)),
    true,
  );
  yield xml;
  let index = columnRow + 1;
  let batch = '';
  for await (const row of table.rows) {
    batch += rowXml(index, row);
    index += 1;
    if (index % 200 === 0) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

function sheetName(title: string, taken: Set<string>): string {
  let name = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  for (let n = 2; taken.has(name); n++) {
    name = `${title.slice(0, 28)} ${n}`;
  }
  taken.add(name);
  return name;
}

async function* once(value: string) {
  yield value;
}

/**
 * The report as an XLSX workbook, written as a stream: one sheet per table (the summary, each
 * breakdown, the improvements and the definitions), each with the period and organisation at its
 * top, numbers as numbers (shares as fractions formatted as percent). Memory stays at one batch
 * of rows however many improvements there are, which a general spreadsheet library writing
 * shared strings and buffering its archive does not offer.
 */
export function xlsxChunks(content: ExportContent): AsyncGenerator<Buffer> {
  const taken = new Set<string>();
  const sheets = content.tables.map((table, i) => ({
    table,
    name: sheetName(table.title, taken),
    path: `xl/worksheets/sheet${i + 1}.xml`,
  }));
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
${sheets
  .map(
    s =>
      `<Override PartName="/${s.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  )
  .join('\n')}
</Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;
  const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>${escapeXml(content.title)}</dc:title>
<dc:language>${content.language === 'sv' ? 'sv-SE' : 'en'}</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(
    content.frame.generatedAt,
  )}</dcterms:created>
</cp:coreProperties>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${
          i + 1
        }"/>`,
    )
    .join('')}</sheets></workbook>`;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_sheet, i) =>
        `<Relationship Id="rId${
          i + 1
        }" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('')}<Relationship Id="rId${
    sheets.length + 1
  }" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

  return zipStream(
    [
      { name: '[Content_Types].xml', content: () => once(contentTypes) },
      { name: '_rels/.rels', content: () => once(rootRels) },
      { name: 'docProps/core.xml', content: () => once(core) },
      { name: 'xl/workbook.xml', content: () => once(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', content: () => once(workbookRels) },
      { name: 'xl/styles.xml', content: () => once(STYLES_XML) },
      ...sheets.map(s => ({
        name: s.path,
        content: () => sheetXml(content, s.table),
      })),
    ],
    new Date(content.frame.generatedAt),
  );
}
