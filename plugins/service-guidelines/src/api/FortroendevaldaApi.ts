import { createApiRef } from '@backstage/core-plugin-api';
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
  UpdateFortroendevaldRequest,
  UppdragChangeRequest,
} from '@service-guidelines/plugin-service-guidelines-common';

/**
 * The directory of förtroendevalda as the frontend sees it. Reading is for everyone signed in;
 * the writes need the manage permission, which the backend enforces (403 otherwise).
 *
 * @public
 */
export interface FortroendevaldaApi {
  list(query?: ListFortroendevaldaQuery): Promise<FortroendevaldList>;
  get(id: string): Promise<Fortroendevald>;
  /** The organs, parties and roles in the directory, for filters. */
  facets(): Promise<DirectoryFacets>;
  /** Every organ an uppdrag can be in without confirming a new one. */
  knownOrgans(): Promise<Organ[]>;
  create(request: CreateFortroendevaldRequest): Promise<Fortroendevald>;
  update(
    id: string,
    request: UpdateFortroendevaldRequest,
  ): Promise<Fortroendevald>;
  remove(id: string, version: number): Promise<void>;
  addUppdrag(
    id: string,
    request: UppdragChangeRequest,
  ): Promise<Fortroendevald>;
  changeUppdrag(
    id: string,
    uppdragId: string,
    request: UppdragChangeRequest,
  ): Promise<Fortroendevald>;
  endUppdrag(
    id: string,
    uppdragId: string,
    request: EndUppdragRequest,
  ): Promise<Fortroendevald>;
  removeUppdrag(
    id: string,
    uppdragId: string,
    version: number,
  ): Promise<Fortroendevald>;
  /** What importing the file would change; nothing is written. */
  importDryRun(file: Blob): Promise<ImportPlan>;
  /** Imports the file if its plan is still the dry run's (`planToken`). */
  importApply(file: Blob, planToken: string): Promise<ImportResult>;
}

/**
 * @public
 */
export const fortroendevaldaApiRef = createApiRef<FortroendevaldaApi>({
  id: 'plugin.service-guidelines.fortroendevalda',
});
