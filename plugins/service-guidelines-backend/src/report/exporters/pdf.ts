import {
  ReportFigures,
  reportKeyLabel,
  ReportRow,
} from '@service-guidelines/plugin-service-guidelines-common';
import PDFDocument from 'pdfkit';
import { cellNumberText } from './cells';
import { Cell, ExportContent, ExportTable } from './exportContent';

// The PDF's built-in Helvetica covers Windows-1252 (Swedish included); these are the characters
// beyond Latin-1 it has, by code point.
const WIN_ANSI_EXTRAS = new Set([
  402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230,
  8364, 8240, 8249, 8250, 710, 8482, 338, 339, 732, 352, 353, 376, 381, 382,
]);
const REPLACEMENTS: Record<string, string> = {
  '⌈': '',
  '⌉': '',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '−': '-',
};

/** Text the built-in font can draw: other characters become a close ASCII form or '?'. */
export function pdfText(value: string): string {
  let result = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (REPLACEMENTS[char] !== undefined) {
      result += REPLACEMENTS[char];
    } else if (
      (code >= 0x20 && code < 0x7f) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.has(code)
    ) {
      result += char;
    } else if (char === '\n') {
      result += ' ';
    } else {
      result += '?';
    }
  }
  return result;
}

const PAGE_MARGIN = 40;
const BAR_COLOUR = '#1f5fa8';
const PREVIOUS_COLOUR = '#9aa7b5';
const TEXT_COLOUR = '#1a1a1a';

/** The columns of a breakdown shown in the PDF (a page is narrower than a spreadsheet). */
const PDF_BREAKDOWN_COLUMNS = [0, 1, 3, 7, 11, 13, 14, 15, 16, 17, 18, 19];

type Doc = InstanceType<typeof PDFDocument>;

function cellText(cell: Cell, language: 'sv' | 'en'): string {
  if (cell.kind === 'text') return pdfText(cell.value);
  const number = cellNumberText(cell, language === 'sv' ? 'comma' : 'point');
  if (number === undefined) return '–';
  if (cell.kind === 'share') return `${number} %`;
  if (cell.kind === 'points' && cell.value > 0) return `+${number}`;
  return number;
}

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - PAGE_MARGIN) {
    doc.addPage();
  }
}

function heading(doc: Doc, title: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(TEXT_COLOUR);
  doc.text(pdfText(title), PAGE_MARGIN, doc.y);
  doc.moveDown(0.3);
}

/** A table drawn row by row; rows wrap within their column and break onto new pages. */
async function table(
  doc: Doc,
  source: ExportTable,
  language: 'sv' | 'en',
  columns?: number[],
) {
  const picked = columns ?? source.columns.map((_, i) => i);
  const usable = doc.page.width - 2 * PAGE_MARGIN;
  const weights = picked.map(i => source.columns[i].width);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map(w => (w / totalWeight) * usable);
  const fontSize = picked.length > 6 ? 7.5 : 9;

  // Text reads from the left, numbers line up on the right.
  const drawRow = (cells: string[], bold: boolean, right: boolean[]) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const heights = cells.map((c, i) =>
      doc.heightOfString(c, { width: widths[i] - 4 }),
    );
    const height = Math.max(...heights) + 4;
    if (doc.y + height > doc.page.height - PAGE_MARGIN) {
      doc.addPage();
    }
    const top = doc.y;
    let x = PAGE_MARGIN;
    cells.forEach((c, i) => {
      doc.fillColor(TEXT_COLOUR).text(c, x + 2, top + 2, {
        width: widths[i] - 4,
        align: right[i] ? 'right' : 'left',
      });
      x += widths[i];
    });
    doc
      .moveTo(PAGE_MARGIN, top + height)
      .lineTo(PAGE_MARGIN + usable, top + height)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = PAGE_MARGIN;
    doc.y = top + height;
  };

  let numeric: boolean[] | undefined;
  const header = picked.map(i => pdfText(source.columns[i].header));
  let headerDrawn = false;
  for await (const row of source.rows) {
    const cells = picked.map(i => row[i] ?? ({ kind: 'empty' } as Cell));
    if (!numeric) numeric = cells.map(c => c.kind !== 'text');
    if (!headerDrawn) {
      drawRow(header, true, numeric);
      headerDrawn = true;
    }
    drawRow(
      cells.map(c => cellText(c, language)),
      false,
      cells.map(c => c.kind !== 'text'),
    );
  }
  if (!headerDrawn) {
    drawRow(
      header,
      true,
      header.map(() => false),
    );
  }
}

/** Horizontal bars, the period's beside the previous period's, with the values written out. */
function barChart(
  doc: Doc,
  title: string,
  bars: Array<{ label: string; current: number; previous?: number | null }>,
  format: (value: number) => string,
  legend: { current: string; previous: string },
) {
  const labelWidth = 170;
  const maxBar = doc.page.width - 2 * PAGE_MARGIN - labelWidth - 60;
  const max = Math.max(
    1e-9,
    ...bars.flatMap(b => [b.current, b.previous ?? 0]),
  );
  const withPrevious = bars.some(
    b => b.previous !== undefined && b.previous !== null,
  );
  const rowHeight = withPrevious ? 20 : 13;
  ensureSpace(doc, 40 + Math.min(bars.length, 8) * rowHeight);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT_COLOUR);
  doc.text(pdfText(title), PAGE_MARGIN, doc.y + 6);
  doc.font('Helvetica').fontSize(7.5);
  const legendY = doc.y + 2;
  doc.rect(PAGE_MARGIN, legendY + 1, 8, 6).fill(BAR_COLOUR);
  doc
    .fillColor(TEXT_COLOUR)
    .text(pdfText(legend.current), PAGE_MARGIN + 12, legendY);
  if (withPrevious) {
    doc.rect(PAGE_MARGIN + 120, legendY + 1, 8, 6).fill(PREVIOUS_COLOUR);
    doc
      .fillColor(TEXT_COLOUR)
      .text(pdfText(legend.previous), PAGE_MARGIN + 132, legendY);
  }
  doc.y = legendY + 14;
  for (const bar of bars) {
    ensureSpace(doc, rowHeight);
    const top = doc.y;
    doc.font('Helvetica').fontSize(8).fillColor(TEXT_COLOUR);
    doc.text(pdfText(bar.label), PAGE_MARGIN, top + 1, {
      width: labelWidth - 6,
      lineBreak: false,
      ellipsis: true,
    });
    const x = PAGE_MARGIN + labelWidth;
    const currentWidth = (bar.current / max) * maxBar;
    doc.rect(x, top + 1, Math.max(currentWidth, 0.5), 7).fill(BAR_COLOUR);
    doc
      .fillColor(TEXT_COLOUR)
      .text(format(bar.current), x + currentWidth + 4, top + 1, {
        lineBreak: false,
      });
    if (withPrevious && bar.previous !== undefined && bar.previous !== null) {
      const previousWidth = (bar.previous / max) * maxBar;
      doc
        .rect(x, top + 10, Math.max(previousWidth, 0.5), 6)
        .fill(PREVIOUS_COLOUR);
      doc
        .fillColor(TEXT_COLOUR)
        .text(format(bar.previous), x + previousWidth + 4, top + 9, {
          lineBreak: false,
        });
    }
    doc.x = PAGE_MARGIN;
    doc.y = top + rowHeight;
  }
}

const CHART_WORDS = {
  sv: {
    charts: 'Diagram',
    byType: 'Antal per typ',
    byChannel: 'Antal per kanal',
    byMonth: 'Antal per mottagningsmånad',
    onTimeByUnit: 'Andel återkoppling i tid per enhet',
    current: 'Perioden',
    previous: 'Föregående period',
    tablesNote:
      'Varje diagram återges också som tabell nedan. Definitionerna av alla mått står sist.',
  },
  en: {
    charts: 'Charts',
    byType: 'Number by type',
    byChannel: 'Number by channel',
    byMonth: 'Number by month of receipt',
    onTimeByUnit: 'Share of återkoppling on time by unit',
    current: 'Period',
    previous: 'Previous period',
    tablesNote:
      'Each chart is also given as a table below. The definitions of all measures are at the end.',
  },
} as const;

async function charts(doc: Doc, content: ExportContent) {
  const { language } = content;
  const report = await content.figures;
  const words = CHART_WORDS[language];
  const decimal = language === 'sv' ? 'comma' : 'point';
  const countText = (v: number) => String(v);
  const percentText = (v: number) =>
    `${(v * 100).toFixed(1).replace('.', decimal === 'comma' ? ',' : '.')} %`;
  const countBars = (
    dimension: 'type' | 'channel' | 'month',
    rows: ReportRow[],
  ) =>
    rows.map(row => ({
      label: reportKeyLabel(dimension, row, language),
      current: row.current.antal,
      previous: row.previous?.antal ?? null,
    }));
  const legend = { current: words.current, previous: words.previous };
  heading(doc, words.charts);
  doc.font('Helvetica').fontSize(8.5).fillColor(TEXT_COLOUR);
  doc.text(pdfText(words.tablesNote), PAGE_MARGIN, doc.y);
  barChart(
    doc,
    words.byType,
    countBars('type', report.breakdowns.type),
    countText,
    legend,
  );
  barChart(
    doc,
    words.byChannel,
    countBars('channel', report.breakdowns.channel),
    countText,
    legend,
  );
  barChart(
    doc,
    words.byMonth,
    countBars('month', report.breakdowns.month),
    countText,
    legend,
  );
  const onTime = (f: ReportFigures | null) => f?.aterkoppling.andelITid ?? null;
  barChart(
    doc,
    words.onTimeByUnit,
    report.breakdowns.unit
      .filter(row => onTime(row.current) !== null)
      .map(row => ({
        label: `${'  '.repeat(row.depth ?? 0)}${row.label}`,
        current: onTime(row.current)!,
        previous: onTime(row.previous),
      })),
    percentText,
    legend,
  );
}

/**
 * The report as a printable PDF (A4 landscape): the period and organisation, the summary, bar
 * charts (each also given as a table), every breakdown, every improvement and the definition of
 * every measure in Swedish and English. pdfkit writes each finished page to the stream, so the
 * improvements, however many, are never all in memory.
 */
export function pdfDocument(content: ExportContent): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE_MARGIN,
    info: {
      Title: pdfText(content.title),
      Subject: pdfText(content.frame.organisation),
      CreationDate: new Date(content.frame.generatedAt),
    },
    lang: content.language === 'sv' ? 'sv-SE' : 'en',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  void (async () => {
    try {
      doc.font('Helvetica-Bold').fontSize(16).fillColor(TEXT_COLOUR);
      doc.text(pdfText(content.title), PAGE_MARGIN, PAGE_MARGIN);
      doc.moveDown(0.5);
      doc.fontSize(9);
      for (const [label, value] of content.header) {
        doc.font('Helvetica-Bold').text(`${pdfText(label)}: `, {
          continued: true,
        });
        doc.font('Helvetica').text(pdfText(value));
      }
      const [summary, ...rest] = content.tables;
      heading(doc, summary.title);
      await table(doc, summary, content.language);
      await charts(doc, content);
      for (const source of rest) {
        heading(doc, source.title);
        if (source.id === 'improvements') {
          await table(doc, source, content.language);
        } else if (source.id === 'definitions') {
          await definitions(doc, source);
        } else {
          await table(doc, source, content.language, PDF_BREAKDOWN_COLUMNS);
        }
      }
      doc.end();
    } catch (error) {
      doc.emit('error', error);
    }
  })();
  return doc;
}

async function definitions(doc: Doc, source: ExportTable) {
  for await (const row of source.rows) {
    const [svName, svText, enName, enText] = row.map((c: Cell) =>
      c.kind === 'text' ? pdfText(c.value) : '',
    );
    ensureSpace(doc, 50);
    doc.font('Helvetica-Bold').fontSize(9).fillColor(TEXT_COLOUR);
    doc.text(`${svName} / ${enName}`, PAGE_MARGIN, doc.y);
    doc.font('Helvetica').fontSize(8.5);
    doc.text(svText);
    doc.fillColor('#444444').text(enText);
    doc.moveDown(0.4);
  }
}
