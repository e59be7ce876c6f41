import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  SERVICE_GUIDELINES_PLUGIN_ID,
  SYNPUNKT_RESOURCE_TYPE,
} from '@service-guidelines/plugin-service-guidelines-common';

/**
 * What permission rules look at when they are applied to one loaded synpunkt.
 *
 * @public
 */
export interface SynpunktPermissionResource {
  id: string;
  unitRef: string;
  handlaggareRef?: string;
  registeredBy: string;
  /** The chefs of the synpunkt's unit and of every unit above it. */
  unitChefRefs: string[];
}

/**
 * A permission rule as a database filter. Kept as data (not a knex callback) so that decisions
 * can be combined with allOf/anyOf/not and turned into SQL in one place.
 *
 * @public
 */
export type SynpunktFilter =
  | { kind: 'handlaggare'; userRefs: string[] }
  | { kind: 'registeredBy'; userRefs: string[] }
  | { kind: 'unitLedBy'; userRefs: string[] }
  | { kind: 'unitIn'; unitRefs: string[] };

/** @public */
export const synpunktPermissionResourceRef = createPermissionResourceRef<
  SynpunktPermissionResource,
  SynpunktFilter
>().with({
  pluginId: SERVICE_GUIDELINES_PLUGIN_ID,
  resourceType: SYNPUNKT_RESOURCE_TYPE,
});
