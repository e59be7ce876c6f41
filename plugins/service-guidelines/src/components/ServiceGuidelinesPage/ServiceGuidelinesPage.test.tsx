import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import { axe } from 'jest-axe';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { ServiceGuidelinesPage } from '../../plugin';
import { Route, Routes } from 'react-router-dom';
import {
  healthySqlite,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';

// Rendered through the legacy frontend system (the routable extension of src/plugin.ts); the app
// itself uses the new frontend system, which src/alpha.test.tsx covers.
async function renderLegacyPage(api = mockServiceGuidelinesApi()) {
  return renderInTestApp(
    <TestApiProvider apis={[[serviceGuidelinesApiRef, api]]}>
      <Routes>
        <Route path="/service-guidelines" element={<ServiceGuidelinesPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: ['/service-guidelines'] },
  );
}

describe('ServiceGuidelinesPage (legacy frontend system)', () => {
  it("shows the backend's answer: plugin version and database", async () => {
    const api = mockServiceGuidelinesApi();
    await renderLegacyPage(api);

    expect(await screen.findByText('The backend answers')).toBeInTheDocument();
    expect(screen.getByTestId('sg-plugin-version')).toHaveTextContent(
      healthySqlite.plugin.version,
    );
    expect(screen.getByTestId('sg-database')).toHaveTextContent(
      'SQLite (embedded)',
    );
    expect(
      screen.getByText('20261124080000_plugin_metadata.js'),
    ).toBeInTheDocument();
    expect(api.getHealth).toHaveBeenCalledTimes(1);
  });

  it('names PostgreSQL when the backend runs on it', async () => {
    await renderLegacyPage(
      mockServiceGuidelinesApi({
        getHealth: jest.fn(async () => ({
          ...healthySqlite,
          database: { client: 'pg' },
        })),
      }),
    );

    expect(await screen.findByTestId('sg-database')).toHaveTextContent(
      'PostgreSQL',
    );
  });

  it("says plainly that the backend does not answer, with the server's message", async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'Error', message: 'connect ECONNREFUSED' },
        response: { statusCode: 503 },
      }),
      { status: 503, statusText: 'Service Unavailable' },
    );
    const failure = await ResponseError.fromResponse(response);
    await renderLegacyPage(
      mockServiceGuidelinesApi({
        getHealth: jest.fn(async () => {
          throw failure;
        }),
      }),
    );

    expect(
      await screen.findByText('The backend does not answer'),
    ).toBeInTheDocument();
    expect(screen.getByText(/ECONNREFUSED/)).toBeInTheDocument();
    expect(screen.queryByTestId('sg-plugin-version')).not.toBeInTheDocument();
  });

  it('has no accessibility violations that jsdom can detect', async () => {
    const { container } = await renderLegacyPage();
    await screen.findByText('The backend answers');

    expect(await axe(container)).toHaveNoViolations();
  });
});
