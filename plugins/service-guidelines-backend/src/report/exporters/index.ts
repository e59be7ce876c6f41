import {
  ReportExportFormat,
  ReportImprovement,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Readable } from 'node:stream';
import { csvChunks } from './csv';
import {
  exportContent,
  ExportLanguage,
  exportFileName,
  ReportFigureSet,
  ReportFrame,
} from './exportContent';
import { pdfDocument } from './pdf';
import { xlsxChunks } from './xlsx';

/** A report export ready to be sent: its name, its media type and its bytes as a stream. */
export interface ReportFile {
  filename: string;
  contentType: string;
  body: Readable;
}

const CONTENT_TYPES: Record<ReportExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * The report in the requested format, produced while it is read. What depends only on the frame
 * (for CSV the byte order mark, the title and the header lines) comes at once; the rest follows
 * when the figures are ready. If they fail, the body fails with their error.
 */
export function reportFile(
  frame: ReportFrame,
  figures: Promise<ReportFigureSet>,
  improvements: AsyncIterable<ReportImprovement>,
  options: {
    format: ReportExportFormat;
    language?: ExportLanguage;
    decimal?: 'comma' | 'point';
  },
): ReportFile {
  const language = options.language ?? 'sv';
  const content = exportContent(frame, figures, improvements, language);
  const filename = exportFileName(frame, options.format);
  const contentType = CONTENT_TYPES[options.format];
  switch (options.format) {
    case 'csv':
      return {
        filename,
        contentType,
        body: Readable.from(
          csvChunks(content, { decimal: options.decimal ?? 'comma' }),
        ),
      };
    case 'xlsx':
      return {
        filename,
        contentType,
        body: Readable.from(xlsxChunks(content)),
      };
    default:
      return { filename, contentType, body: pdfDocument(content) };
  }
}
