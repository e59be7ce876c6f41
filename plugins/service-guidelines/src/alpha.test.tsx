import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { serviceGuidelinesApiRef } from './api/ServiceGuidelinesApi';
import { serviceGuidelinesStartPage } from './alpha';
import { mockServiceGuidelinesApi } from './__testUtils__/mockServiceGuidelinesApi';
import { APP_BOOTSTRAP_WAIT } from './__testUtils__/appBootstrap';

// A whole app is bootstrapped per test, and the Swedish messages load lazily.
jest.setTimeout(30_000);

describe('service-guidelines on the new frontend system', () => {
  // The app remembers the chosen language in localStorage; each test starts without a choice.
  beforeEach(() => window.localStorage.clear());

  it('serves the start page at /service-guidelines with the backend answer', async () => {
    renderTestApp({
      extensions: [serviceGuidelinesStartPage],
      apis: [[serviceGuidelinesApiRef, mockServiceGuidelinesApi()]],
      initialRouteEntries: ['/service-guidelines'],
    });

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Service and accessibility' },
        APP_BOOTSTRAP_WAIT,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('sg-plugin-version')).toHaveTextContent(
      '9.8.7',
    );
  });

  it('speaks Swedish when the portal language is Swedish', async () => {
    renderTestApp({
      extensions: [serviceGuidelinesStartPage],
      apis: [[serviceGuidelinesApiRef, mockServiceGuidelinesApi()]],
      initialRouteEntries: ['/service-guidelines'],
      config: {
        backend: { baseUrl: 'http://localhost:7007' },
        app: {
          baseUrl: 'http://localhost:3000',
          extensions: [
            {
              'api:app/app-language': {
                config: {
                  defaultLanguage: 'sv',
                  availableLanguages: ['sv', 'en'],
                },
              },
            },
          ],
        },
      },
    });

    // The Swedish messages load lazily, so the first render may still be in English.
    expect(
      await screen.findByText('Backend svarar', {}, APP_BOOTSTRAP_WAIT),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Service och tillgänglighet' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('sg-database')).toHaveTextContent(
      'SQLite (inbyggd)',
    );
    // Swedish date format, Stockholm time: 08:15 UTC is 09:15 in November.
    expect(screen.getByText('24 nov. 2026 09:15')).toBeInTheDocument();
  });
});
