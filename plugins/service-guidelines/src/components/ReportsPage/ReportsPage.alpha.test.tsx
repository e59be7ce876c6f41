import { renderTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { MockPermissionApi } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { reportsApiRef } from '../../api/ReportsApi';
import { reportsPage } from '../../alpha';
import { mockReportsApi } from './__testUtils__/renderReports';
import { APP_BOOTSTRAP_WAIT } from '../../__testUtils__/appBootstrap';

// A whole app is bootstrapped, and the Swedish messages load lazily.
jest.setTimeout(30_000);

describe('Rapporter on the new frontend system', () => {
  beforeEach(() => window.localStorage.clear());

  it('serves the page at /service-guidelines/rapporter, in Swedish with Swedish numbers', async () => {
    renderTestApp({
      extensions: [reportsPage],
      apis: [
        [reportsApiRef, mockReportsApi()],
        [permissionApiRef, new MockPermissionApi()],
      ],
      initialRouteEntries: ['/service-guidelines/rapporter'],
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

    expect(
      await screen.findByText(
        'Sammanfattning',
        { selector: 'h2' },
        APP_BOOTSTRAP_WAIT,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Rapporter' }),
    ).toBeInTheDocument();
    const summary = screen.getByTestId('sg-report-summary');
    const row = within(summary)
      .getByRole('rowheader', { name: 'Återkoppling: andel i tid' })
      .closest('tr') as HTMLElement;
    // Decimal comma, a space before the per cent sign, a real minus sign.
    expect(
      within(row)
        .getAllByRole('cell')
        .map(c => c.textContent?.replace(/\u00a0/g, ' ')),
    ).toEqual(['66,7 %', '100,0 %', '−33,3 procentenheter']);
    expect(screen.getByLabelText('Del av organisationen')).toHaveDisplayValue(
      'Hela Värmdö kommun',
    );
    expect(screen.getByRole('button', { name: 'CSV för Excel' })).toBeEnabled();
  });
});
