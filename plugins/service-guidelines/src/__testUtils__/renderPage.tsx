import { ConfigReader } from '@backstage/config';
import { configApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import { serviceGuidelinesApiRef } from '../api/ServiceGuidelinesApi';
import {
  followUpRouteRef,
  registerRouteRef,
  rootRouteRef,
  synpunkterRouteRef,
  synpunktRouteRef,
} from '../routes';
import { mockServiceGuidelinesApi } from './mockServiceGuidelinesApi';

const unit = (name: string, title: string, type = 'enhet') => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, profile: { displayName: title }, children: [] },
});

/** Units the unit picker offers in tests. */
export const testUnits = [
  unit('gustavsbergsskolan', 'Gustavsbergsskolan'),
  unit('kontaktcenter', 'Kontaktcenter'),
  unit('utbildningsforvaltningen', 'Utbildningsförvaltningen', 'förvaltning'),
];

/**
 * Renders a page of the plugin inside a test app (legacy frontend system), with a mock backend,
 * the test units in the catalog and a permission decision the test chooses.
 */
export async function renderPage(
  element: ReactElement,
  options: {
    path: string;
    route?: string;
    api?: ReturnType<typeof mockServiceGuidelinesApi>;
    allow?: boolean;
    config?: object;
  },
) {
  const api = options.api ?? mockServiceGuidelinesApi();
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [serviceGuidelinesApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: testUnits })],
        [
          permissionApiRef,
          new MockPermissionApi(() =>
            options.allow === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
          ),
        ],
        [configApiRef, new ConfigReader(options.config ?? {})],
      ]}
    >
      <Routes>
        <Route path={options.route ?? options.path} element={element} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [options.path],
      mountedRoutes: {
        '/service-guidelines': rootRouteRef,
        '/service-guidelines/uppfoljning': followUpRouteRef,
      },
    },
  );
  return { rendered, api };
}

export { registerRouteRef, synpunkterRouteRef, synpunktRouteRef };
