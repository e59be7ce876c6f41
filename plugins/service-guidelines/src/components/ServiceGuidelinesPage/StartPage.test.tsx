import { screen, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import {
  aSynpunkt,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';
import { renderPage } from '../../__testUtils__/renderPage';
import { ServiceGuidelinesPage } from './ServiceGuidelinesPage';

jest.setTimeout(30_000);

describe('the start page', () => {
  it('shows the svarstider in force from config, the ledord and my open synpunkter', async () => {
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async () => ({ items: [aSynpunkt()] })),
    });
    const { rendered } = await renderPage(<ServiceGuidelinesPage />, {
      path: '/service-guidelines',
      api,
      config: {
        serviceGuidelines: {
          svarstider: {
            forstaSvar: { perChannel: { epost: 3 } },
            aterkoppling: { defaultDays: 15 },
          },
        },
      },
    });

    const emailRow = screen.getByRole('row', { name: /^E-mail/ });
    expect(within(emailRow).getByText('3 working days')).toBeInTheDocument();
    expect(within(emailRow).getByText('15 working days')).toBeInTheDocument();
    const phoneRow = screen.getByRole('row', { name: /^Telephone/ });
    expect(
      within(phoneRow).getByText('at once, during the contact'),
    ).toBeInTheDocument();

    expect(screen.getByText('Equal treatment')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Register feedback' }),
    ).toHaveAttribute('href', '/service-guidelines/registrera');
    expect(
      await screen.findByRole('link', { name: 'SYN-2026-00042' }),
    ).toBeInTheDocument();
    expect(api.listSynpunkter).toHaveBeenCalledWith({
      mine: 'true',
      open: 'true',
      limit: 20,
    });
    expect(await axe(rendered.container)).toHaveNoViolations();
  });
});
