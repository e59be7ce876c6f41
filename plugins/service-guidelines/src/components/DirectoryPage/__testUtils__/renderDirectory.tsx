import { permissionApiRef } from '@backstage/plugin-permission-react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import {
  FortroendevaldaApi,
  fortroendevaldaApiRef,
} from '../../../api/FortroendevaldaApi';
import { directoryRouteRef } from '../../../routes';
import { DirectoryRouter } from '../DirectoryRouter';
import { mockFortroendevaldaApi, permissionsFor } from './testData';

/**
 * Renders the directory's pages at `path` in a legacy test app, as a medarbetare or an
 * administrator, with the directory's route mounted at /fortroendevalda as an app would.
 */
export function renderDirectory(
  path: string,
  options: {
    api?: FortroendevaldaApi;
    role?: 'admin' | 'medarbetare';
  } = {},
) {
  const api = options.api ?? mockFortroendevaldaApi();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [fortroendevaldaApiRef, api],
        [permissionApiRef, permissionsFor(options.role ?? 'medarbetare')],
      ]}
    >
      <Routes>
        <Route path="/fortroendevalda/*" element={<DirectoryRouter />} />
      </Routes>
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/fortroendevalda': directoryRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}
