import { createApiRef } from '@backstage/core-plugin-api';
import {
  ReportExportFormat,
  ReportOptions,
  ReportPeriodKind,
  SynpunktReport,
} from '@service-guidelines/plugin-service-guidelines-common';

/**
 * What a report is asked for: a delår or helår by year, or a range of dates; and a unit (its
 * subtree), or none for the whole organisation.
 *
 * @public
 */
export interface ReportRequest {
  period: ReportPeriodKind;
  year?: number;
  from?: string;
  to?: string;
  unit?: string;
}

/**
 * A downloaded report file.
 *
 * @public
 */
export interface ReportDownload {
  filename: string;
  blob: Blob;
}

/**
 * The reports of the service-guidelines backend: figures, choices and exports.
 *
 * @public
 */
export interface ReportsApi {
  /** The delår and the units the signed-in person may report on. */
  getOptions(): Promise<ReportOptions>;
  /** The figures of a report. */
  getReport(request: ReportRequest): Promise<SynpunktReport>;
  /** The report as a file (XLSX, CSV with decimal comma, or PDF), in the language given. */
  downloadReport(
    request: ReportRequest,
    format: ReportExportFormat,
    language: 'sv' | 'en',
  ): Promise<ReportDownload>;
}

/**
 * @public
 */
export const reportsApiRef = createApiRef<ReportsApi>({
  id: 'plugin.service-guidelines.reports',
});
