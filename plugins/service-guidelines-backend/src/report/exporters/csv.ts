import { cellNumberText, neutraliseFormula } from './cells';
import { Cell, ExportContent } from './exportContent';

const SEPARATOR = ';';
const LINE_END = '\r\n';

/** A field quoted when it holds the separator, a quote, a line break or surrounding spaces. */
function field(value: string): string {
  return /[;"\r\n]|^\s|\s$/.test(value)
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

function cellText(cell: Cell, decimal: 'comma' | 'point'): string {
  if (cell.kind === 'text') return field(neutraliseFormula(cell.value));
  return cellNumberText(cell, decimal) ?? '';
}

function line(cells: Cell[], decimal: 'comma' | 'point'): string {
  return cells.map(c => cellText(c, decimal)).join(SEPARATOR) + LINE_END;
}

const textCells = (values: string[]): Cell[] =>
  values.map(value => ({ kind: 'text', value }));

/**
 * The report as CSV for Swedish Excel: UTF-8 with a byte order mark, `;` between fields, CRLF
 * line ends, decimal comma (or point), one section per table with its title, and every text that
 * could start a formula neutralised. Yields a chunk per table section (the improvements a
 * hundred rows at a time), so that memory does not grow with the number of rows.
 */
export async function* csvChunks(
  content: ExportContent,
  options: { decimal: 'comma' | 'point' },
): AsyncGenerator<string> {
  const { decimal } = options;
  let chunk = `\uFEFF${line(textCells([content.title]), decimal)}`;
  for (const [label, value] of content.header) {
    chunk += line(textCells([label, value]), decimal);
  }
  yield chunk;
  for (const table of content.tables) {
    chunk =
      LINE_END +
      line(textCells([table.title]), decimal) +
      line(textCells(table.columns.map(c => c.header)), decimal);
    let rows = 0;
    for await (const row of table.rows) {
      chunk += line(row, decimal);
      rows += 1;
      if (rows % 100 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
}
