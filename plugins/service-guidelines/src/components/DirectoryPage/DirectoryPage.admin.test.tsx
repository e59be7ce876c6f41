import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { renderDirectory } from './__testUtils__/renderDirectory';
import { serverError } from '../../__testUtils__/serverError';
import { mockFortroendevaldaApi, sanna } from './__testUtils__/testData';

// usePermission keeps each decision in a cache that lives as long as the test file, so the
// administrator has a file of their own.
describe('DirectoryPage for an administrator', () => {
  it('offers an administrator to add a person and to import', async () => {
    await renderDirectory('/fortroendevalda', { role: 'admin' });

    expect(
      await screen.findByRole('button', { name: 'Add elected official' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import list' })).toHaveAttribute(
      'href',
      '/fortroendevalda/import',
    );
  });

  it("keeps every field after a failed save and shows the server's message by the field", async () => {
    const refusal = await serverError(400, {
      name: 'InputError',
      message:
        'Invalid request: email: must be an e-mail address such as fornamn.efternamn@kommun.se',
      fields: [
        {
          field: 'email',
          message:
            'must be an e-mail address such as fornamn.efternamn@kommun.se',
        },
      ],
    });
    const api = mockFortroendevaldaApi({
      create: jest
        .fn()
        .mockRejectedValueOnce(refusal)
        .mockResolvedValueOnce({ ...sanna, id: 'p-new', name: 'Nora Ny' }),
    });
    await renderDirectory('/fortroendevalda', { role: 'admin', api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Add elected official' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Name/ }),
      'Nora Ny',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Party/ }),
      'L',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^E-mail/ }),
      'nora',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const email = within(dialog).getByRole('textbox', { name: /^E-mail/ });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining(
        'must be an e-mail address such as fornamn.efternamn@kommun.se',
      ),
    );
    expect(within(dialog).getByRole('textbox', { name: /^Name/ })).toHaveValue(
      'Nora Ny',
    );
    expect(within(dialog).getByRole('textbox', { name: /^Party/ })).toHaveValue(
      'L',
    );
    expect(email).toHaveValue('nora');

    await userEvent.type(email, '.ny@politiker.varmdo.se');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.get).toHaveBeenCalledWith('p-new'));
    expect(api.create).toHaveBeenLastCalledWith({
      name: 'Nora Ny',
      party: 'L',
      email: 'nora.ny@politiker.varmdo.se',
      phone: undefined,
      photoUrl: undefined,
    });
  });

  it('has no accessibility violations with the administration shown', async () => {
    const { container } = await renderDirectory('/fortroendevalda', {
      role: 'admin',
    });
    await screen.findByRole('button', { name: 'Add elected official' });

    expect(await axe(container)).toHaveNoViolations();
  });
});
