import { createApiRef } from '@backstage/core-plugin-api';
import {
  FollowUpOverview,
  HealthStatus,
  ListSynpunkterQuery,
  Page,
  RegisterSynpunktRequest,
  Svarsmall,
  Synpunkt,
  SynpunktWithHistory,
  UpdateSynpunktRequest,
  RecordUppfoljningRequest,
  UpdateUppfoljningRequest,
  Uppfoljning,
} from '@service-guidelines/plugin-service-guidelines-common';

/**
 * The workflow actions on a synpunkt, as the API names them.
 *
 * @public
 */
export type SynpunktAction =
  | 'assign'
  | 'forsta-svar'
  | 'pause'
  | 'resume'
  | 'utredning'
  | 'aterkoppling'
  | 'close'
  | 'reopen';

/**
 * The frontend's view of the service-guidelines backend.
 *
 * @public
 */
export interface ServiceGuidelinesApi {
  /** Which version the backend runs and on which database; rejects when it does not answer. */
  getHealth(): Promise<HealthStatus>;
  listSynpunkter(query: ListSynpunkterQuery): Promise<Page<Synpunkt>>;
  getSynpunkt(id: string): Promise<SynpunktWithHistory>;
  registerSynpunkt(body: RegisterSynpunktRequest): Promise<Synpunkt>;
  updateSynpunkt(id: string, body: UpdateSynpunktRequest): Promise<Synpunkt>;
  /** Takes a workflow action; the body carries the version it is based on. */
  actOnSynpunkt(
    id: string,
    action: SynpunktAction,
    body: { version: number } & Record<string, unknown>,
  ): Promise<Synpunkt>;
  listSvarsmallar(unitRef: string): Promise<Svarsmall[]>;
  /** "Min uppföljning": the units the signed-in chef leads, with their counts. */
  getFollowUpOverview(query: {
    from?: string;
    to?: string;
    dueWithinDays?: number;
  }): Promise<FollowUpOverview>;
  listUppfoljningar(unitRef: string): Promise<Uppfoljning[]>;
  recordUppfoljning(body: RecordUppfoljningRequest): Promise<Uppfoljning>;
  updateUppfoljning(
    id: string,
    body: UpdateUppfoljningRequest,
  ): Promise<Uppfoljning>;
}

/**
 * @public
 */
export const serviceGuidelinesApiRef = createApiRef<ServiceGuidelinesApi>({
  id: 'plugin.service-guidelines.api',
});
