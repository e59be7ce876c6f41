import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of a synpunkt, for conditional permission decisions (rules such as "the
 * synpunkt's unit is one the user leads" become SQL filters on the server).
 *
 * @public
 */
export const SYNPUNKT_RESOURCE_TYPE = 'service-guidelines-synpunkt';

/** @public */
export type SynpunktPermission = ResourcePermission<
  typeof SYNPUNKT_RESOURCE_TYPE
>;

/**
 * Register a synpunkt. Every employee may: the policy says a synpunkt is received directly by
 * whoever the customer meets, never referred elsewhere.
 *
 * @public
 */
export const synpunktCreatePermission = createPermission({
  name: 'service-guidelines.synpunkt.create',
  attributes: { action: 'create' },
});

/**
 * See a synpunkt (without personal data) in lists and on its own page.
 *
 * @public
 */
export const synpunktReadPermission = createPermission({
  name: 'service-guidelines.synpunkt.read',
  attributes: { action: 'read' },
  resourceType: SYNPUNKT_RESOURCE_TYPE,
});

/**
 * See the customer's contact details and the text of a synpunkt marked sekretess. Every read is
 * written to the audit log.
 *
 * @public
 */
export const synpunktReadPersonalDataPermission = createPermission({
  name: 'service-guidelines.synpunkt.personal-data.read',
  attributes: { action: 'read' },
  resourceType: SYNPUNKT_RESOURCE_TYPE,
});

/**
 * Handle a synpunkt: assign, investigate, pause the clock, give återkoppling, close, reopen.
 *
 * @public
 */
export const synpunktHandlePermission = createPermission({
  name: 'service-guidelines.synpunkt.handle',
  attributes: { action: 'update' },
  resourceType: SYNPUNKT_RESOURCE_TYPE,
});

/**
 * Keep the svarsmallar (answer templates) of a unit.
 *
 * @public
 */
export const svarsmallManagePermission = createPermission({
  name: 'service-guidelines.svarsmall.manage',
  attributes: { action: 'update' },
});

/**
 * Add, change, end and remove förtroendevalda and their uppdrag, and import the list. Reading the
 * directory needs no permission beyond being signed in: it is public information.
 *
 * @public
 */
export const fortroendevaldaManagePermission = createPermission({
  name: 'service-guidelines.fortroendevalda.manage',
  attributes: { action: 'update' },
});

/**
 * Read the aggregated, anonymous report figures and export them.
 *
 * @public
 */
export const reportReadPermission = createPermission({
  name: 'service-guidelines.report.read',
  attributes: { action: 'read' },
});

/**
 * See what the next gallring would remove (a dry run) and read the gallringslogg. Neither shows
 * personal data; both are for the module's administrators.
 *
 * @public
 */
export const gallringReadPermission = createPermission({
  name: 'service-guidelines.gallring.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the plugin, for registration with the permissions registry.
 *
 * @public
 */
export const serviceGuidelinesPermissions = [
  synpunktCreatePermission,
  synpunktReadPermission,
  synpunktReadPersonalDataPermission,
  synpunktHandlePermission,
  svarsmallManagePermission,
  fortroendevaldaManagePermission,
  reportReadPermission,
  gallringReadPermission,
];
