import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Organ } from '@service-guidelines/plugin-service-guidelines-common';
import {
  foldForSearch,
  FortroendevaldStore,
  swedishSortKey,
} from '../../database/FortroendevaldStore';

/** The Group `spec.type` values that are political organs, unless configured otherwise. */
export const DEFAULT_ORGAN_TYPES = [
  'fullmäktige',
  'styrelse',
  'nämnd',
  'beredning',
  'utskott',
];

/** What the organs are at one moment: look up by any spelling, list them all. */
export interface OrganIndex {
  /** The organ for a name written in any case, with or without accents other than å/ä/ö. */
  find(name: string): Organ | undefined;
  all(): Organ[];
}

const bySwedishName = (a: Organ, b: Organ) =>
  swedishSortKey(a.name).localeCompare(swedishSortKey(b.name));

/**
 * The organs an uppdrag can be in: catalog Groups of the organ types, matched by display name
 * or entity name, and the organs the directory already names (a beredning that is no catalog
 * Group, entered once on purpose). The catalog's answer is kept for a minute, so that a page of
 * the directory costs no catalog call; a catalog that does not answer leaves the directory's own
 * organs, without links.
 */
export class OrganDirectory {
  private cached?: { at: number; organs: Organ[] };

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      store: FortroendevaldStore;
      logger: LoggerService;
      organTypes: string[];
      cacheMillis?: number;
      now?: () => number;
    },
  ) {}

  async index(): Promise<OrganIndex> {
    const [catalogOrgans, directoryOrgans] = await Promise.all([
      this.catalogOrgans(),
      this.deps.store.facets().then(f => f.organs),
    ]);
    const byKey = new Map<string, Organ>();
    // Catalog Groups first: their display name is the spelling the directory takes.
    for (const organ of catalogOrgans) {
      byKey.set(foldForSearch(organ.name), organ);
      if (organ.ref) {
        byKey.set(
          foldForSearch(organ.ref.replace(/^group:[^/]+\//, '')),
          organ,
        );
      }
    }
    for (const name of directoryOrgans) {
      const key = foldForSearch(name);
      if (!byKey.has(key)) {
        byKey.set(key, { name });
      }
    }
    const all = [
      ...new Map([...byKey.values()].map(o => [o.name, o])).values(),
    ].sort(bySwedishName);
    return {
      find: name => byKey.get(foldForSearch(name)),
      all: () => all,
    };
  }

  private async catalogOrgans(): Promise<Organ[]> {
    const now = (this.deps.now ?? Date.now)();
    const maxAge = this.deps.cacheMillis ?? 60_000;
    if (this.cached && now - this.cached.at < maxAge) {
      return this.cached.organs;
    }
    try {
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: { kind: 'Group', 'spec.type': this.deps.organTypes },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            'metadata.title',
            'spec.profile.displayName',
          ],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      const organs = items.map(entity => {
        const displayName = (
          entity.spec as { profile?: { displayName?: unknown } } | undefined
        )?.profile?.displayName;
        return {
          name:
            typeof displayName === 'string'
              ? displayName
              : entity.metadata.title ?? entity.metadata.name,
          ref: stringifyEntityRef(entity),
        };
      });
      // No organ at all means the catalog has not read the organisation yet (right after
      // start-up): ask again next time rather than keep the directory unlinked for a minute.
      if (organs.length > 0) {
        this.cached = { at: now, organs };
      }
      return organs;
    } catch (error) {
      this.deps.logger.warn(
        `The catalog did not list the organs; the directory's own organs are used without links: ${error}`,
      );
      return this.cached?.organs ?? [];
    }
  }
}
