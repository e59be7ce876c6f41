import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReportReach } from './ReportService';

/**
 * The annotation on a role group (Group, `spec.type: roll`) that limits its report readers to a
 * unit and every unit below it, e.g. `group:default/barn-och-utbildningsnamnden`.
 */
export const REPORT_SCOPE_ANNOTATION = 'service-guidelines/report-scope';

/**
 * Which part of the organisation a caller's reports may cover. The permission policy decides
 * whether the caller reads reports at all; this narrows the reach of a reader whose groups carry
 * {@link REPORT_SCOPE_ANNOTATION} to those units. A caller none of whose groups carries it (an
 * administrator, or a reader group without the annotation) reaches the whole organisation.
 */
export class ReportReachResolver {
  constructor(
    private readonly deps: {
      userInfo: UserInfoService;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  async reachOf(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<ReportReach> {
    const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
      credentials,
    );
    const groupRefs = ownershipEntityRefs.filter(ref =>
      ref.startsWith('group:'),
    );
    if (groupRefs.length === 0) return 'all';
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      { entityRefs: groupRefs, fields: ['metadata.annotations'] },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const scopes = items
      // With `fields`, an entity without annotations comes back without metadata at all.
      .map(entity => entity?.metadata?.annotations?.[REPORT_SCOPE_ANNOTATION])
      .filter((ref): ref is string => Boolean(ref))
      .map(ref => ref.trim().toLocaleLowerCase('en-US'));
    return scopes.length ? [...new Set(scopes)] : 'all';
  }
}
