import { screen, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import { renderDirectory } from '../DirectoryPage/__testUtils__/renderDirectory';
import { serverError } from '../../__testUtils__/serverError';
import {
  mockFortroendevaldaApi,
  torbjorn,
} from '../DirectoryPage/__testUtils__/testData';

// usePermission keeps each decision in a cache that lives as long as the test file: this file is
// the medarbetare's, FortroendevaldPage.admin.test.tsx the administrator's.
describe('FortroendevaldPage for a medarbetare', () => {
  const path = `/fortroendevalda/personer/${torbjorn.id}`;

  it('shows how to reach the person and their uppdrag, current apart from past', async () => {
    const api = mockFortroendevaldaApi();
    await renderDirectory(path, { api });

    expect(
      await screen.findByRole('heading', { name: 'Torbjörn Ekman' }),
    ).toBeInTheDocument();
    expect(api.get).toHaveBeenCalledWith(torbjorn.id);
    expect(screen.getByRole('link', { name: torbjorn.email })).toHaveAttribute(
      'href',
      `mailto:${torbjorn.email}`,
    );
    expect(screen.getByRole('link', { name: '070-174 06 08' })).toHaveAttribute(
      'href',
      'tel:0701740608',
    );

    const current = screen.getByRole('grid', {
      name: 'Current and upcoming assignments',
    });
    const past = screen.getByRole('grid', { name: 'Past assignments' });
    expect(within(current).getByText('Chair')).toBeInTheDocument();
    expect(within(current).getByText('Member')).toBeInTheDocument();
    expect(
      within(current).queryByText('First vice chair'),
    ).not.toBeInTheDocument();
    expect(within(past).getByText('First vice chair')).toBeInTheDocument();
    expect(within(past).getByText('Ended')).toBeInTheDocument();
    // the organ links to its Group in the catalog
    expect(
      within(current).getByRole('link', { name: 'Kommunstyrelsen' }),
    ).toHaveAttribute('href', '/catalog/default/group/kommunstyrelsen');
    expect(
      screen.getByRole('link', { name: 'All elected officials' }),
    ).toHaveAttribute('href', '/fortroendevalda');
  });

  it('shows no administration to a medarbetare', async () => {
    await renderDirectory(path);
    await screen.findByRole('heading', { name: 'Torbjörn Ekman' });

    expect(
      screen.queryByRole('button', { name: 'Edit' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add assignment' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^End / }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('columnheader', { name: 'Actions' }),
    ).not.toBeInTheDocument();
  });

  it('says plainly when there is nobody at the address', async () => {
    const missing = await serverError(404, {
      name: 'NotFoundError',
      message: 'No förtroendevald with id gone',
    });
    await renderDirectory('/fortroendevalda/personer/gone', {
      api: mockFortroendevaldaApi({
        get: jest.fn(async () => {
          throw missing;
        }),
      }),
    });

    expect(
      await screen.findByText(
        'There is no elected official here. They may have been removed.',
      ),
    ).toBeInTheDocument();
  });

  it('has no accessibility violations that jsdom can detect', async () => {
    const { container } = await renderDirectory(path);
    await screen.findByRole('heading', { name: 'Torbjörn Ekman' });

    expect(await axe(container)).toHaveNoViolations();
  });
});
