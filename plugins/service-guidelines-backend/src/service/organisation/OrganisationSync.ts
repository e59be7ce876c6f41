import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OrganisationStore, OrgUnit } from '../../database/OrganisationStore';

/** The Group annotation that names a unit's chef (a user entity ref). */
export const CHEF_ANNOTATION = 'service-guidelines/chef';

/**
 * The catalog Group as a unit of the organisation, or undefined when it is not one (a role group,
 * a team). `unitTypes` are the Group `spec.type` values that make a unit.
 */
export function unitFromGroup(
  group: Entity,
  unitTypes: readonly string[],
): OrgUnit | undefined {
  const type = (group.spec as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || !unitTypes.includes(type)) {
    return undefined;
  }
  const spec = group.spec as {
    parent?: unknown;
    profile?: { displayName?: unknown };
  };
  const parentRef =
    typeof spec.parent === 'string'
      ? stringifyEntityRef(
          parseEntityRef(spec.parent, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace ?? 'default',
          }),
        )
      : undefined;
  const chef = group.metadata.annotations?.[CHEF_ANNOTATION];
  const chefRef = chef
    ? stringifyEntityRef(
        parseEntityRef(chef, {
          defaultKind: 'user',
          defaultNamespace: 'default',
        }),
      )
    : undefined;
  const displayName = spec.profile?.displayName;
  return {
    unitRef: stringifyEntityRef(group),
    parentRef,
    type,
    title:
      typeof displayName === 'string'
        ? displayName
        : group.metadata.title ?? group.metadata.name,
    chefRef,
  };
}

/**
 * Mirrors the organisation tree from the catalog into the plugin's tables. Run on a schedule and
 * whenever a synpunkt names a unit the mirror does not know yet.
 */
export class OrganisationSync {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      store: OrganisationStore;
      logger: LoggerService;
      unitTypes: readonly string[];
    },
  ) {}

  /**
   * Mirrors the catalog now if the mirror is still empty (just after a first start-up), so that
   * a reader does not wait for the next scheduled run; otherwise does nothing. True if it ran.
   */
  async fillIfEmpty(): Promise<boolean> {
    if ((await this.options.store.listUnits()).length > 0) {
      return false;
    }
    await this.run();
    return true;
  }

  async run(): Promise<{ units: number }> {
    const { catalog, auth, store, logger, unitTypes } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.type',
          'spec.parent',
          'spec.profile.displayName',
        ],
      },
      { credentials },
    );
    const units = items.flatMap(group => {
      const unit = unitFromGroup(group, unitTypes);
      return unit ? [unit] : [];
    });
    await store.replaceAll(units);
    logger.info(`Mirrored ${units.length} organisation units from the catalog`);
    return { units: units.length };
  }
}
