import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  fortroendevaldaManagePermission,
  gallringReadPermission,
  reportReadPermission,
  svarsmallManagePermission,
  synpunktCreatePermission,
  synpunktHandlePermission,
  synpunktReadPermission,
  synpunktReadPersonalDataPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import {
  createSynpunktConditionalDecision,
  synpunktConditions,
} from './conditionExports';

/**
 * Which catalog groups hold the module's roles; the rest comes from the organisation tree.
 *
 * @public
 */
export interface RoleGroups {
  administrators: string[];
  reportReaders: string[];
}

const ALLOW = { result: AuthorizeResult.ALLOW } as const;
const DENY = { result: AuthorizeResult.DENY } as const;

/**
 * A permission policy for the service-guidelines module.
 *
 * - Every employee may register a synpunkt (the policy: received directly, never referred).
 * - A synpunkt is readable by its handläggare, by whoever registered it, by the members of its
 *   unit, and by the chefs of its unit and of every unit above it.
 * - Its personal data (contact details, sekretess text) and its handling belong to the handläggare
 *   and those chefs only.
 * - Administrators may do everything, and alone see the gallring preview and log; report readers
 *   read the aggregated reports.
 *
 * Permissions of other plugins are not its business: it allows them, so combine it with your
 * own policy for those where you have one.
 *
 * A municipality may use it as it is, with its own role groups, or write its own from the
 * exported conditions.
 *
 * @public
 */
export class ServiceGuidelinesPolicy implements PermissionPolicy {
  constructor(private readonly roles: RoleGroups) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!permission.name.startsWith('service-guidelines.')) {
      return ALLOW;
    }
    if (!user) {
      return DENY;
    }
    const ownership = user.info.ownershipEntityRefs;
    const me = user.info.userEntityRef;
    if (ownership.some(ref => this.roles.administrators.includes(ref))) {
      return ALLOW;
    }

    if (isPermission(permission, synpunktCreatePermission)) return ALLOW;
    if (isPermission(permission, svarsmallManagePermission)) return ALLOW;
    if (isPermission(permission, fortroendevaldaManagePermission)) return DENY;
    if (isPermission(permission, gallringReadPermission)) return DENY;
    if (isPermission(permission, reportReadPermission)) {
      return ownership.some(ref => this.roles.reportReaders.includes(ref))
        ? ALLOW
        : DENY;
    }
    if (isPermission(permission, synpunktReadPermission)) {
      return createSynpunktConditionalDecision(permission, {
        anyOf: [
          synpunktConditions.isHandlaggare({ userRefs: [me] }),
          synpunktConditions.isRegisteredBy({ userRefs: [me] }),
          synpunktConditions.isInUnitLedBy({ userRefs: [me] }),
          synpunktConditions.isInUnit({
            unitRefs: ownership.filter(ref => ref.startsWith('group:')),
          }),
        ],
      });
    }
    if (
      isPermission(permission, synpunktReadPersonalDataPermission) ||
      isPermission(permission, synpunktHandlePermission)
    ) {
      return createSynpunktConditionalDecision(permission, {
        anyOf: [
          synpunktConditions.isHandlaggare({ userRefs: [me] }),
          synpunktConditions.isInUnitLedBy({ userRefs: [me] }),
        ],
      });
    }
    return DENY;
  }
}
