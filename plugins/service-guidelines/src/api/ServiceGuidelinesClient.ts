import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  HealthStatus,
  SERVICE_GUIDELINES_PLUGIN_ID,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ServiceGuidelinesApi } from './ServiceGuidelinesApi';

/**
 * Calls the backend through the portal's discovery and fetch APIs, so that the signed-in user's
 * token goes with every request.
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

  async getHealth(): Promise<HealthStatus> {
    return this.get<HealthStatus>('/health');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SERVICE_GUIDELINES_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
