import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { ReportsApi, reportsApiRef } from '../../../api/ReportsApi';
import { ReportsPage } from '../../../plugin';
import { testOptions, testReport } from './testReport';

type Decision = Awaited<ReturnType<PermissionApi['authorize']>>;
// AuthorizeResult lives in @backstage/plugin-permission-common, which this package does not
// depend on; its DENY member is the string 'DENY'.
const deny = { result: 'DENY' } as unknown as Decision;
const denyingPermissionApi: PermissionApi = { authorize: async () => deny };

/** A stand-in for the reports client whose answers each test may change. */
export function mockReportsApi() {
  return {
    getOptions: jest.fn<ReturnType<ReportsApi['getOptions']>, []>(
      async () => testOptions,
    ),
    getReport: jest.fn<
      ReturnType<ReportsApi['getReport']>,
      Parameters<ReportsApi['getReport']>
    >(async () => testReport),
    downloadReport: jest.fn<
      ReturnType<ReportsApi['downloadReport']>,
      Parameters<ReportsApi['downloadReport']>
    >(async () => ({
      filename: 'synpunkter-delar-2026-barn-och-utbildningsnamnden.csv',
      blob: new Blob(['\uFEFFAntal;9'], { type: 'text/csv' }),
    })),
  };
}

/** Renders the page in a test app (legacy frontend system) with a permission decision. */
export async function renderReports(
  api = mockReportsApi(),
  allow = true,
): Promise<{
  container: HTMLElement;
  api: ReturnType<typeof mockReportsApi>;
}> {
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [reportsApiRef, api],
        [
          permissionApiRef,
          allow ? new MockPermissionApi() : denyingPermissionApi,
        ],
      ]}
    >
      <Routes>
        <Route path="/service-guidelines/rapporter" element={<ReportsPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/service-guidelines/rapporter'] },
  );
  return { container: rendered.container, api };
}
