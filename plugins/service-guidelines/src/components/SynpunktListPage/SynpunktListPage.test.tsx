import { fireEvent, screen, waitFor } from '@testing-library/react';
import { axe } from 'jest-axe';
import {
  aSynpunkt,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';
import { renderPage } from '../../__testUtils__/renderPage';
import { serverError } from '../../__testUtils__/serverError';
import { SynpunktListPage } from './SynpunktListPage';

jest.setTimeout(30_000);

describe('SynpunktListPage', () => {
  it('lists synpunkter with overdue and paused ones said in words', async () => {
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async () => ({
        items: [
          aSynpunkt({ aterkopplingDue: '2020-01-10' }),
          aSynpunkt({
            id: 'b',
            registrationNumber: 'SYN-2026-00043',
            aterkopplingDue: '2020-01-10',
            pauses: [
              {
                from: '2020-01-02',
                reason: 'Väntar',
                pausedBy: 'user:default/maria',
              },
            ],
          }),
        ],
      })),
    });
    const { rendered } = await renderPage(<SynpunktListPage />, {
      path: '/service-guidelines/synpunkter?open=true&type=klagomal',
      route: '/service-guidelines/synpunkter',
      api,
    });

    expect(
      await screen.findByRole('link', { name: 'SYN-2026-00042' }),
    ).toHaveAttribute(
      'href',
      '/service-guidelines/synpunkter/5b1f3c9e-0000-4000-8000-000000000001',
    );
    expect(screen.getByText(/working days overdue/)).toBeInTheDocument();
    expect(screen.getByText('clock paused')).toBeInTheDocument();
    // The filter state of the URL reaches the backend.
    expect(api.listSynpunkter).toHaveBeenCalledWith({
      open: 'true',
      type: 'klagomal',
    });
    expect(await axe(rendered.container)).toHaveNoViolations();
  });

  it('sorts by a column header, toggles its direction and tells the order with aria-sort', async () => {
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async () => ({
        items: [aSynpunkt()],
        nextCursor: 'next',
      })),
    });
    const { rendered } = await renderPage(<SynpunktListPage />, {
      path: '/service-guidelines/synpunkter?open=true&cursor=abc',
      route: '/service-guidelines/synpunkter',
      api,
    });
    await screen.findByRole('link', { name: 'SYN-2026-00042' });
    expect(
      screen.getByRole('columnheader', { name: 'Number' }),
    ).toHaveAttribute('aria-sort', 'descending');

    fireEvent.click(screen.getByRole('button', { name: 'Reply due' }));
    await waitFor(() =>
      expect(api.listSynpunkter).toHaveBeenLastCalledWith({
        open: 'true',
        sort: 'due',
      }),
    );
    expect(
      await screen.findByRole('columnheader', { name: /Reply due/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
    expect(
      screen.getByRole('columnheader', { name: 'Number' }),
    ).not.toHaveAttribute('aria-sort');

    fireEvent.click(screen.getByRole('button', { name: /Reply due/ }));
    await waitFor(() =>
      expect(api.listSynpunkter).toHaveBeenLastCalledWith({
        open: 'true',
        sort: '-due',
      }),
    );
    expect(
      await screen.findByRole('columnheader', { name: /Reply due/ }),
    ).toHaveAttribute('aria-sort', 'descending');
    expect(await axe(rendered.container)).toHaveNoViolations();
  });

  it('puts a filter into the URL and starts again from the first page', async () => {
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async () => ({
        items: [aSynpunkt()],
        nextCursor: 'next',
      })),
    });
    await renderPage(<SynpunktListPage />, {
      path: '/service-guidelines/synpunkter?cursor=abc',
      route: '/service-guidelines/synpunkter',
      api,
    });
    await screen.findByRole('link', { name: 'SYN-2026-00042' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(
      await screen.findByRole('checkbox', { name: 'Overdue only' }),
    ).toBeChecked();
    expect(api.listSynpunkter).toHaveBeenLastCalledWith({ overdue: 'true' });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('button', { name: 'First page' });
    expect(api.listSynpunkter).toHaveBeenLastCalledWith({
      overdue: 'true',
      cursor: 'next',
    });
  });

  it('says so when nothing matches, and shows the server message when loading fails', async () => {
    await renderPage(<SynpunktListPage />, {
      path: '/service-guidelines/synpunkter',
    });
    expect(
      await screen.findByText('No synpunkter match the filters.'),
    ).toBeInTheDocument();

    const failure = await serverError(400, {
      name: 'InputError',
      message: 'Invalid query: status: must be one of …',
    });
    await renderPage(<SynpunktListPage />, {
      path: '/service-guidelines/synpunkter',
      api: mockServiceGuidelinesApi({
        listSynpunkter: jest.fn(async () => {
          throw failure;
        }),
      }),
    });
    expect(
      await screen.findByText('Invalid query: status: must be one of …'),
    ).toBeInTheDocument();
  });
});
