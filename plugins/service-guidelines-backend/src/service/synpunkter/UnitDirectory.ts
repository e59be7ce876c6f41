import { AuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OrganisationStore, OrgUnit } from '../../database/OrganisationStore';
import { OrganisationSync } from '../organisation/OrganisationSync';

/**
 * Answers "is this a unit a synpunkt can concern?" and "is this a person in the portal?" from
 * the catalog, through the plugin's mirror of the organisation tree.
 */
export class UnitDirectory {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      organisation: OrganisationStore;
      sync: OrganisationSync;
      registrableUnitTypes: readonly string[];
    },
  ) {}

  async requireRegistrableUnit(unitRef: string): Promise<OrgUnit> {
    const { organisation, sync, registrableUnitTypes } = this.deps;
    let unit = await organisation.getUnit(unitRef);
    if (!unit) {
      // The catalog may have learnt of the unit since the last scheduled mirror.
      await sync.run();
      unit = await organisation.getUnit(unitRef);
    }
    if (!unit) {
      throw new InputError(
        `unitRef: '${unitRef}' is not a unit of the organisation in the catalog; choose an enhet, förvaltning or nämnd`,
      );
    }
    if (!registrableUnitTypes.includes(unit.type)) {
      throw new InputError(
        `unitRef: ${unit.title} is of type ${
          unit.type
        }; a synpunkt concerns one of ${registrableUnitTypes.join(', ')}`,
      );
    }
    return unit;
  }

  /** The chefs of the unit and of every unit above it, nearest first. */
  chefsOf(unitRef: string): Promise<string[]> {
    return this.deps.organisation.chefsOf(unitRef);
  }

  async requireUser(userRef: string, field: string): Promise<void> {
    const entity = await this.deps.catalog.getEntityByRef(userRef, {
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLowerCase() !== 'user') {
      throw new InputError(
        `${field}: '${userRef}' is not a person in the portal's catalog`,
      );
    }
  }
}
