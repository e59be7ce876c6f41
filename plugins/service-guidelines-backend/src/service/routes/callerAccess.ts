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

  /** The caller's read, personal-data and handle access to synpunkter, in one policy call. */
  async synpunktAccess(req: Request): Promise<CallerAccess> {
    const credentials = await this.user(req);
    const [read, personalData, handle] = await this.deps.decisions.decide(
      credentials,
      [
        synpunktReadPermission,
        synpunktReadPersonalDataPermission,
        synpunktHandlePermission,
      ],
    );
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
