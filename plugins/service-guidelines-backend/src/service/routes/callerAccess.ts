import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ConditionTransformer } from '@backstage/plugin-permission-node';
import {
  synpunktHandlePermission,
  synpunktReadPermission,
  synpunktReadPersonalDataPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Request } from 'express';
import { SynpunktFilter } from '../../permissions/resource';
import { CachedPermissionDecisions } from '../callers';
import { Access, CallerAccess } from '../synpunkter/SynpunktService';

/** A basic permission a request needs outright, and the 403 message when it is missing. */
export interface RequiredPermission {
  permission: BasicPermission;
  message: string;
}

/** Authenticates people (not services) and turns permission decisions into data access. */
export class CallerResolver {
  constructor(
    private readonly deps: {
      httpAuth: HttpAuthService;
      decisions: CachedPermissionDecisions;
      transformConditions: ConditionTransformer<SynpunktFilter>;
    },
  ) {}

  async user(
    req: Request,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> {
    return this.deps.httpAuth.credentials(req, { allow: ['user'] });
  }

  /** Throws 403 unless the policy allows the basic permission outright. */
  async require(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    permission: BasicPermission,
    message: string,
  ): Promise<void> {
    const [decision] = await this.deps.decisions.decide(credentials, [
      permission,
    ]);
    requireAllowed(decision, message);
  }

  /**
   * The caller's read, personal-data and handle access to synpunkter, in one policy call; with
   * `required`, that basic permission is asked in the same call and checked first (403 unless
   * allowed outright), so e.g. registering costs one round trip instead of two.
   */
  async synpunktAccess(
    req: Request,
    required?: RequiredPermission,
  ): Promise<CallerAccess> {
    const credentials = await this.user(req);
    const asked = [
      synpunktReadPermission,
      synpunktReadPersonalDataPermission,
      synpunktHandlePermission,
    ];
    const decisions = await this.deps.decisions.decide(
      credentials,
      required ? [required.permission, ...asked] : asked,
    );
    if (required) requireAllowed(decisions[0], required.message);
    const [read, personalData, handle] = decisions.slice(required ? 1 : 0);
    return {
      userRef: credentials.principal.userEntityRef,
      read: this.toAccess(read),
      personalData: this.toAccess(personalData),
      handle: this.toAccess(handle),
    };
  }

  private toAccess(decision: PolicyDecision): Access {
    switch (decision.result) {
      case AuthorizeResult.ALLOW:
        return 'all';
      case AuthorizeResult.CONDITIONAL:
        return this.deps.transformConditions(decision.conditions);
      default:
        return 'none';
    }
  }
}

function requireAllowed(decision: PolicyDecision, message: string): void {
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(message);
  }
}
