import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  FollowUpOverview,
  HealthStatus,
  ListSynpunkterQuery,
  Page,
  RegisterSynpunktRequest,
  SERVICE_GUIDELINES_PLUGIN_ID,
  Svarsmall,
  Synpunkt,
  SynpunktWithHistory,
  UpdateSynpunktRequest,
  RecordUppfoljningRequest,
  UpdateUppfoljningRequest,
  Uppfoljning,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ServiceGuidelinesApi, SynpunktAction } from './ServiceGuidelinesApi';

/**
 * Calls the backend through the portal's discovery and fetch APIs, so that the signed-in user's
 * token goes with every request. Failures are thrown as `ResponseError`, whose `body.error`
 * carries the server's message (and, for bad input, `fields`).
 *
 * @public
 */
export class ServiceGuidelinesClient implements ServiceGuidelinesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getHealth(): Promise<HealthStatus> {
    return this.request<HealthStatus>('GET', '/health');
  }

  listSynpunkter(query: ListSynpunkterQuery): Promise<Page<Synpunkt>> {
    return this.request('GET', `/synpunkter${searchOf(query)}`);
  }

  getSynpunkt(id: string): Promise<SynpunktWithHistory> {
    return this.request('GET', `/synpunkter/${encodeURIComponent(id)}`);
  }

  registerSynpunkt(body: RegisterSynpunktRequest): Promise<Synpunkt> {
    return this.request('POST', '/synpunkter', body);
  }

  updateSynpunkt(id: string, body: UpdateSynpunktRequest): Promise<Synpunkt> {
    return this.request('PATCH', `/synpunkter/${encodeURIComponent(id)}`, body);
  }

  actOnSynpunkt(
    id: string,
    action: SynpunktAction,
    body: { version: number } & Record<string, unknown>,
  ): Promise<Synpunkt> {
    return this.request(
      'POST',
      `/synpunkter/${encodeURIComponent(id)}/${action}`,
      body,
    );
  }

  async listSvarsmallar(unitRef: string): Promise<Svarsmall[]> {
    const { items } = await this.request<{ items: Svarsmall[] }>(
      'GET',
      `/svarsmallar?unit=${encodeURIComponent(unitRef)}`,
    );
    return items;
  }

  getFollowUpOverview(query: {
    from?: string;
    to?: string;
    dueWithinDays?: number;
  }): Promise<FollowUpOverview> {
    return this.request('GET', `/uppfoljning/oversikt${searchOf(query)}`);
  }

  async listUppfoljningar(unitRef: string): Promise<Uppfoljning[]> {
    const { items } = await this.request<{ items: Uppfoljning[] }>(
      'GET',
      `/uppfoljningar${searchOf({ unit: unitRef })}`,
    );
    return items;
  }

  recordUppfoljning(body: RecordUppfoljningRequest): Promise<Uppfoljning> {
    return this.request('POST', '/uppfoljningar', body);
  }

  updateUppfoljning(
    id: string,
    body: UpdateUppfoljningRequest,
  ): Promise<Uppfoljning> {
    return this.request(
      'PUT',
      `/uppfoljningar/${encodeURIComponent(id)}`,
      body,
    );
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SERVICE_GUIDELINES_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body !== undefined
        ? {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }
        : {}),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `?a=1&b=2` of the set values, or nothing. */
function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
