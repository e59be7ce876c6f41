import { renderTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import { fortroendevaldaPage } from '../../alpha';
import {
  mockFortroendevaldaApi,
  permissionsFor,
} from './__testUtils__/testData';
import { APP_BOOTSTRAP_WAIT } from '../../__testUtils__/appBootstrap';

// A whole app is bootstrapped per test, and the Swedish messages load lazily.
jest.setTimeout(30_000);

describe('the directory on the new frontend system', () => {
  beforeEach(() => window.localStorage.clear());

  const render = (
    config?: NonNullable<Parameters<typeof renderTestApp>[0]>['config'],
  ) =>
    renderTestApp({
      extensions: [fortroendevaldaPage],
      apis: [
        [fortroendevaldaApiRef, mockFortroendevaldaApi()],
        [permissionApiRef, permissionsFor('medarbetare')],
      ],
      initialRouteEntries: ['/fortroendevalda'],
      config,
    });

  // The test app has no catalog: the organs are shown without links, and nothing breaks.
  it('serves the directory at /fortroendevalda and opens a person from it', async () => {
    render();

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Elected officials' },
        APP_BOOTSTRAP_WAIT,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('link', { name: 'Sanna Öhman' }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Sanna Öhman' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Vänsterpartiet (V)', { selector: 'dd' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Kommunfullmäktige')).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Kommunfullmäktige' }),
    ).not.toBeInTheDocument();
  });

  it('speaks Swedish when the portal language is Swedish', async () => {
    render({
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
    });

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Förtroendevalda' },
        APP_BOOTSTRAP_WAIT,
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('2 förtroendevalda')).toBeInTheDocument();
    expect(
      screen.getByRole('searchbox', { name: 'Sök på namn' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Ordförande, Kommunstyrelsen')).toBeInTheDocument();
  });
});
