import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The plugin's start page, "Service och tillgänglighet".
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'service-guidelines' });
