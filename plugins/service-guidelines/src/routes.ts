import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's start page, "Service och tillgänglighet".
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'service-guidelines' });

/**
 * "Registrera synpunkt".
 *
 * @public
 */
export const registerRouteRef = createSubRouteRef({
  id: 'service-guidelines/register',
  parent: rootRouteRef,
  path: '/registrera',
});

/**
 * The list of synpunkter.
 *
 * @public
 */
export const synpunkterRouteRef = createSubRouteRef({
  id: 'service-guidelines/synpunkter',
  parent: rootRouteRef,
  path: '/synpunkter',
});

/**
 * One synpunkt.
 *
 * @public
 */
export const synpunktRouteRef = createSubRouteRef({
  id: 'service-guidelines/synpunkt',
  parent: rootRouteRef,
  path: '/synpunkter/:id',
});

/**
 * The directory of förtroendevalda.
 *
 * @public
 */
export const directoryRouteRef = createRouteRef({
  id: 'service-guidelines/fortroendevalda',
});

/**
 * One förtroendevald with all uppdrag.
 *
 * @public
 */
export const fortroendevaldRouteRef = createSubRouteRef({
  id: 'service-guidelines/fortroendevald',
  parent: directoryRouteRef,
  path: '/personer/:id',
});

/**
 * Import of the directory from CSV or JSON (administrators).
 *
 * @public
 */
export const directoryImportRouteRef = createSubRouteRef({
  id: 'service-guidelines/fortroendevalda-import',
  parent: directoryRouteRef,
  path: '/import',
});

/**
 * "Rapporter": the reports for kommunstyrelsen and the nämnder, at `/service-guidelines/rapporter`
 * in the demo app. A route ref of its own (not a sub-route of the start page), since it is a page
 * of its own in both frontend systems.
 *
 * @public
 */
export const reportsRouteRef = createRouteRef({
  id: 'service-guidelines/rapporter',
});

/**
 * "Min uppföljning": a chef's units with their synpunkter, and the uppföljningar with the staff,
 * at `/service-guidelines/uppfoljning` in the demo app.
 *
 * @public
 */
export const followUpRouteRef = createRouteRef({
  id: 'service-guidelines/uppfoljning',
});
