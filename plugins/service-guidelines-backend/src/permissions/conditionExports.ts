import { createConditionExports } from '@backstage/plugin-permission-node';
import { synpunktPermissionResourceRef } from './resource';
import { synpunktRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: synpunktPermissionResourceRef,
  rules: synpunktRules,
});

/**
 * Conditions a permission policy can use for synpunkt permissions, e.g.
 * `synpunktConditions.isInUnitLedBy({ userRefs: [user.userEntityRef] })`.
 *
 * @public
 */
export const synpunktConditions = conditions;

/**
 * Builds a conditional decision for a synpunkt permission.
 *
 * @public
 */
export const createSynpunktConditionalDecision = createConditionalDecision;
