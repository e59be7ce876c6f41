import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { renderDirectory } from './__testUtils__/renderDirectory';
import {
  mockFortroendevaldaApi,
  sanna,
  torbjorn,
} from './__testUtils__/testData';

// usePermission keeps each decision in a cache that lives as long as the test file: a file tests
// one role, and DirectoryPage.admin.test.tsx the administrator.
describe('DirectoryPage for a medarbetare', () => {
  it('lists the current förtroendevalda with party, uppdrag and e-mail, and links to each person', async () => {
    const api = mockFortroendevaldaApi();
    await renderDirectory('/fortroendevalda', { api });

    const table = await screen.findByRole('grid', {
      name: 'Elected officials',
    });
    const row = (await within(table).findByText('Torbjörn Ekman')).closest(
      '[role="row"]',
    ) as HTMLElement;
    expect(within(row).getByText('Moderaterna')).toBeInTheDocument();
    expect(within(row).getByText('Chair, Kommunstyrelsen')).toBeInTheDocument();
    expect(
      within(row).getByText('Member, Kommunfullmäktige'),
    ).toBeInTheDocument();
    // the current filter shows current uppdrag only
    expect(within(row).queryByText(/First vice chair/)).not.toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: torbjorn.email }),
    ).toHaveAttribute('href', `mailto:${torbjorn.email}`);
    expect(
      within(row).getByRole('link', { name: 'Torbjörn Ekman' }),
    ).toHaveAttribute('href', '/fortroendevalda/personer/p-torbjorn');
    expect(screen.getByTestId('sg-directory-count')).toHaveTextContent(
      '2 elected officials',
    );
    expect(api.list).toHaveBeenCalledWith({
      term: 'current',
      limit: 25,
      offset: 0,
    });
  });

  it('searches by name after a pause in typing, and asks the server, not the page, to filter', async () => {
    const api = mockFortroendevaldaApi();
    await renderDirectory('/fortroendevalda', { api });
    await screen.findByText('Torbjörn Ekman');

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search by name' }),
      'öhman',
    );

    await waitFor(() =>
      expect(api.list).toHaveBeenLastCalledWith(
        expect.objectContaining({ q: 'öhman', term: 'current', offset: 0 }),
      ),
    );
  });

  it('takes its filters from the address, so that back from a person keeps them', async () => {
    const api = mockFortroendevaldaApi();
    await renderDirectory(
      '/fortroendevalda?term=past&party=M&organ=Kommunstyrelsen&role=ordforande&q=ekman',
      { api },
    );

    await screen.findByText('Torbjörn Ekman');
    expect(api.list).toHaveBeenCalledWith({
      q: 'ekman',
      term: 'past',
      party: 'M',
      organ: 'Kommunstyrelsen',
      role: 'ordforande',
      limit: 25,
      offset: 0,
    });
    expect(
      screen.getByRole('searchbox', { name: 'Search by name' }),
    ).toHaveValue('ekman');
    // with past terms, the past uppdrag is shown with its term
    expect(
      screen.getByText('First vice chair, Kommunstyrelsen'),
    ).toBeInTheDocument();
  });

  it('says so when nobody matches', async () => {
    await renderDirectory('/fortroendevalda?q=nobody', {
      api: mockFortroendevaldaApi({
        list: jest.fn(async () => ({
          items: [],
          totalCount: 0,
          offset: 0,
          limit: 25,
        })),
      }),
    });

    expect(
      await screen.findByText(
        'No elected official matches the search and filters.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('sg-directory-count')).toHaveTextContent(
      '0 elected officials',
    );
  });

  it("shows the server's message when the directory cannot be loaded", async () => {
    const failure = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message: 'connect ECONNREFUSED' },
          response: { statusCode: 503 },
        }),
        { status: 503, statusText: 'Service Unavailable' },
      ),
    );
    await renderDirectory('/fortroendevalda', {
      api: mockFortroendevaldaApi({
        list: jest.fn(async () => {
          throw failure;
        }),
      }),
    });

    expect(
      await screen.findByText('The directory could not be loaded'),
    ).toBeInTheDocument();
    expect(screen.getByText(/ECONNREFUSED/)).toBeInTheDocument();
  });

  it('hides the administration from a medarbetare', async () => {
    await renderDirectory('/fortroendevalda', { role: 'medarbetare' });
    await screen.findByText('Torbjörn Ekman');

    expect(
      screen.queryByRole('button', { name: 'Add elected official' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'Import list' }),
    ).not.toBeInTheDocument();
  });

  it('has no accessibility violations that jsdom can detect', async () => {
    const { container } = await renderDirectory('/fortroendevalda');
    await screen.findByText(sanna.name);

    expect(await axe(container)).toHaveNoViolations();
  });
});
