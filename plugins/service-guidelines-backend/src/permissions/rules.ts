import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { synpunktPermissionResourceRef } from './resource';

const userRefsSchema = z.object({
  userRefs: z
    .array(z.string())
    .describe('User entity refs, e.g. user:default/lars.nilsson'),
});
const unitRefsSchema = z.object({
  unitRefs: z
    .array(z.string())
    .describe('Group entity refs of units, e.g. group:default/kontaktcenter'),
});

/**
 * The synpunkt is assigned to the user (they are its handläggare).
 *
 * @public
 */
export const isHandlaggare = createPermissionRule({
  name: 'IS_HANDLAGGARE',
  description: 'Allow synpunkter whose handläggare is one of the given users',
  resourceRef: synpunktPermissionResourceRef,
  paramsSchema: userRefsSchema,
  apply: (resource, { userRefs }) =>
    resource.handlaggareRef !== undefined &&
    userRefs.includes(resource.handlaggareRef),
  toQuery: ({ userRefs }) => ({ kind: 'handlaggare', userRefs }),
});

/**
 * The user registered the synpunkt.
 *
 * @public
 */
export const isRegisteredBy = createPermissionRule({
  name: 'IS_REGISTERED_BY',
  description: 'Allow synpunkter registered by one of the given users',
  resourceRef: synpunktPermissionResourceRef,
  paramsSchema: userRefsSchema,
  apply: (resource, { userRefs }) => userRefs.includes(resource.registeredBy),
  toQuery: ({ userRefs }) => ({ kind: 'registeredBy', userRefs }),
});

/**
 * The synpunkt concerns a unit the user leads as chef, or a unit below one, as the catalog's
 * organisation tree says (`service-guidelines/chef` annotations and `spec.parent`).
 *
 * @public
 */
export const isInUnitLedBy = createPermissionRule({
  name: 'IS_IN_UNIT_LED_BY',
  description:
    'Allow synpunkter of units led by one of the given users, and of every unit below those',
  resourceRef: synpunktPermissionResourceRef,
  paramsSchema: userRefsSchema,
  apply: (resource, { userRefs }) =>
    resource.unitChefRefs.some(chef => userRefs.includes(chef)),
  toQuery: ({ userRefs }) => ({ kind: 'unitLedBy', userRefs }),
});

/**
 * The synpunkt concerns one of the given units (typically the units the user is a member of).
 *
 * @public
 */
export const isInUnit = createPermissionRule({
  name: 'IS_IN_UNIT',
  description: 'Allow synpunkter that concern one of the given units',
  resourceRef: synpunktPermissionResourceRef,
  paramsSchema: unitRefsSchema,
  apply: (resource, { unitRefs }) => unitRefs.includes(resource.unitRef),
  toQuery: ({ unitRefs }) => ({ kind: 'unitIn', unitRefs }),
});

/** Every rule of the synpunkt resource type. */
export const synpunktRules = {
  isHandlaggare,
  isRegisteredBy,
  isInUnitLedBy,
  isInUnit,
};
