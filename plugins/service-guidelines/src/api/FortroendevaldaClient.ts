import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CreateFortroendevaldRequest,
  DirectoryFacets,
  EndUppdragRequest,
  Fortroendevald,
  FortroendevaldList,
  ImportPlan,
  ImportResult,
  ListFortroendevaldaQuery,
  Organ,
  SERVICE_GUIDELINES_PLUGIN_ID,
  UpdateFortroendevaldRequest,
  UppdragChangeRequest,
} from '@service-guidelines/plugin-service-guidelines-common';
import { FortroendevaldaApi } from './FortroendevaldaApi';

const enc = encodeURIComponent;

/**
 * Calls the directory API through the portal's discovery and fetch APIs, so that the signed-in
 * user's token goes with every request. Failures are thrown as `ResponseError`, whose `body`
 * carries the server's message and, for bad input, `error.fields` or `error.rows`.
 *
 * @public
 */
export class FortroendevaldaClient implements FortroendevaldaApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  list(query: ListFortroendevaldaQuery = {}): Promise<FortroendevaldList> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        params.set(key, String(value));
      }
    }
    return this.request(`/fortroendevalda?${params}`);
  }

  get(id: string): Promise<Fortroendevald> {
    return this.request(`/fortroendevalda/${enc(id)}`);
  }

  facets(): Promise<DirectoryFacets> {
    return this.request('/fortroendevalda/facets');
  }

  async knownOrgans(): Promise<Organ[]> {
    const { items } = await this.request<{ items: Organ[] }>(
      '/fortroendevalda/organs',
    );
    return items;
  }

  create(request: CreateFortroendevaldRequest): Promise<Fortroendevald> {
    return this.request('/fortroendevalda', { method: 'POST', json: request });
  }

  update(
    id: string,
    request: UpdateFortroendevaldRequest,
  ): Promise<Fortroendevald> {
    return this.request(`/fortroendevalda/${enc(id)}`, {
      method: 'PUT',
      json: request,
    });
  }

  async remove(id: string, version: number): Promise<void> {
    await this.request(`/fortroendevalda/${enc(id)}?version=${version}`, {
      method: 'DELETE',
    });
  }

  addUppdrag(
    id: string,
    request: UppdragChangeRequest,
  ): Promise<Fortroendevald> {
    return this.request(`/fortroendevalda/${enc(id)}/uppdrag`, {
      method: 'POST',
      json: request,
    });
  }

  changeUppdrag(
    id: string,
    uppdragId: string,
    request: UppdragChangeRequest,
  ): Promise<Fortroendevald> {
    return this.request(
      `/fortroendevalda/${enc(id)}/uppdrag/${enc(uppdragId)}`,
      {
        method: 'PUT',
        json: request,
      },
    );
  }

  endUppdrag(
    id: string,
    uppdragId: string,
    request: EndUppdragRequest,
  ): Promise<Fortroendevald> {
    return this.request(
      `/fortroendevalda/${enc(id)}/uppdrag/${enc(uppdragId)}/end`,
      { method: 'POST', json: request },
    );
  }

  removeUppdrag(
    id: string,
    uppdragId: string,
    version: number,
  ): Promise<Fortroendevald> {
    return this.request(
      `/fortroendevalda/${enc(id)}/uppdrag/${enc(
        uppdragId,
      )}?version=${version}`,
      { method: 'DELETE' },
    );
  }

  importDryRun(file: Blob): Promise<ImportPlan> {
    return this.request('/fortroendevalda/import/dry-run', {
      method: 'POST',
      file,
    });
  }

  importApply(file: Blob, planToken: string): Promise<ImportResult> {
    return this.request(
      `/fortroendevalda/import/apply?planToken=${enc(planToken)}`,
      { method: 'POST', file },
    );
  }

  private async request<T>(
    path: string,
    options: { method?: string; json?: unknown; file?: Blob } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      SERVICE_GUIDELINES_PLUGIN_ID,
    );
    let headers: Record<string, string> | undefined;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers = { 'Content-Type': 'application/json' };
      body = JSON.stringify(options.json);
    } else if (options.file) {
      // The file goes as it is, bytes untouched: the server detects its encoding and format.
      headers = { 'Content-Type': 'application/octet-stream' };
      body = options.file;
    }
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.status === 204
      ? (undefined as T)
      : ((await response.json()) as T);
  }
}
