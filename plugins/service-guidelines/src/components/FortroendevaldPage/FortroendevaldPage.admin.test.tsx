import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { yesterdayInStockholm } from '../DirectoryAdmin/dates';
import { renderDirectory } from '../DirectoryPage/__testUtils__/renderDirectory';
import { serverError } from '../../__testUtils__/serverError';
import {
  mockFortroendevaldaApi,
  torbjorn,
} from '../DirectoryPage/__testUtils__/testData';

// usePermission keeps each decision in a cache that lives as long as the test file.
describe('FortroendevaldPage for an administrator', () => {
  const path = `/fortroendevalda/personer/${torbjorn.id}`;

  it('offers to edit, remove, add, change, end and remove uppdrag', async () => {
    await renderDirectory(path, { role: 'admin' });
    await screen.findByRole('heading', { name: 'Torbjörn Ekman' });

    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Add assignment' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'End Chair, Kommunstyrelsen' }),
    ).toBeInTheDocument();
    // a past uppdrag cannot be ended again, only corrected or removed
    expect(
      screen.queryByRole('button', {
        name: 'End First vice chair, Kommunstyrelsen',
      }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Change First vice chair, Kommunstyrelsen',
      }),
    ).toBeInTheDocument();
  });

  it('ends an uppdrag yesterday by default, keeps a refused date and shows why by the field', async () => {
    const refusal = await serverError(400, {
      name: 'InputError',
      message:
        'Invalid request: to: must be on or after the first day, 2023-01-01',
      fields: [
        {
          field: 'to',
          message: 'must be on or after the first day, 2023-01-01',
        },
      ],
    });
    const ended = {
      ...torbjorn,
      version: 4,
      uppdrag: torbjorn.uppdrag.map(u =>
        u.id === 'u-ks'
          ? { ...u, to: '2022-06-30', status: 'past' as const }
          : u,
      ),
    };
    const api = mockFortroendevaldaApi({
      endUppdrag: jest
        .fn()
        .mockRejectedValueOnce(refusal)
        .mockResolvedValueOnce(ended),
    });
    await renderDirectory(path, { role: 'admin', api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'End Chair, Kommunstyrelsen' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'End assignment',
    });
    const lastDay = within(dialog).getByRole('textbox', { name: 'Last day' });
    expect(lastDay).toHaveValue(yesterdayInStockholm());

    await userEvent.clear(lastDay);
    await userEvent.type(lastDay, '2022-06-30');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'End assignment' }),
    );

    await waitFor(() =>
      expect(lastDay).toHaveAccessibleDescription(
        expect.stringContaining(
          'must be on or after the first day, 2023-01-01',
        ),
      ),
    );
    expect(lastDay).toHaveValue('2022-06-30');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Could not save',
    );
    expect(api.endUppdrag).toHaveBeenCalledWith(torbjorn.id, 'u-ks', {
      version: 3,
      to: '2022-06-30',
    });

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'End assignment' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const past = screen.getByRole('grid', { name: 'Past assignments' });
    expect(within(past).getByText('Chair')).toBeInTheDocument();
  });

  it('tells of a version conflict and keeps the form open', async () => {
    const conflict = await serverError(409, {
      name: 'ConflictError',
      message:
        'Torbjörn Ekman was changed by someone else (now version 4); reload and apply your change again',
      current: { ...torbjorn, version: 4 },
    });
    const api = mockFortroendevaldaApi({
      update: jest.fn().mockRejectedValue(conflict),
    });
    await renderDirectory(path, { role: 'admin', api });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByRole('textbox', { name: /^Phone/ });
    await userEvent.clear(phone);
    await userEvent.type(phone, '08-123 456');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Someone else changed this in the meantime (now version 4).',
    );
    expect(phone).toHaveValue('08-123 456');
    expect(api.update).toHaveBeenCalledWith(torbjorn.id, {
      version: 3,
      name: 'Torbjörn Ekman',
      party: 'M',
      email: torbjorn.email,
      phone: '08-123 456',
      photoUrl: undefined,
    });
  });

  it('has no accessibility violations with the administration shown', async () => {
    const { container } = await renderDirectory(path, { role: 'admin' });
    await screen.findByRole('button', { name: 'Add assignment' });

    expect(await axe(container)).toHaveNoViolations();
  });
});
