import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ReportExportFormat,
  ReportOptions,
  SERVICE_GUIDELINES_PLUGIN_ID,
  SynpunktReport,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ReportDownload, ReportRequest, ReportsApi } from './ReportsApi';

function queryOf(request: ReportRequest, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ period: request.period });
  if (request.period === 'range') {
    if (request.from) params.set('from', request.from);
    if (request.to) params.set('to', request.to);
  } else if (request.year !== undefined) {
    params.set('year', String(request.year));
  }
  if (request.unit) params.set('unit', request.unit);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/** The file name the server gave in Content-Disposition, or a plain one. */
function filenameOf(response: Response, format: ReportExportFormat) {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return match?.[1] ?? `synpunkter.${format}`;
}

/**
 * Calls the report routes through the portal's discovery and fetch APIs, so that the signed-in
 * user's token goes with every request.
 *
 * @public
 */
export class ReportsClient implements ReportsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getOptions(): Promise<ReportOptions> {
    return (await this.fetch('/reports/options')).json();
  }

  async getReport(request: ReportRequest): Promise<SynpunktReport> {
    return (await this.fetch(`/reports/synpunkter?${queryOf(request)}`)).json();
  }

  async downloadReport(
    request: ReportRequest,
    format: ReportExportFormat,
    language: 'sv' | 'en',
  ): Promise<ReportDownload> {
    const response = await this.fetch(
      `/reports/synpunkter/export?${queryOf(request, {
        format,
        lang: language,
      })}`,
    );
    return {
      filename: filenameOf(response, format),
      blob: await response.blob(),
    };
  }

  private async fetch(path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SERVICE_GUIDELINES_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
