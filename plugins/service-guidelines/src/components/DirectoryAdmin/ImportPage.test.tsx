import { ImportPlan } from '@service-guidelines/plugin-service-guidelines-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { renderDirectory } from '../DirectoryPage/__testUtils__/renderDirectory';
import { serverError } from '../../__testUtils__/serverError';
import { mockFortroendevaldaApi } from '../DirectoryPage/__testUtils__/testData';

// usePermission keeps each decision in a cache that lives as long as the test file: this file is
// the administrator's.
const plan: ImportPlan = {
  format: 'csv',
  rowCount: 3,
  today: '2026-11-24',
  endDate: '2026-11-23',
  organs: ['Socialnämnden'],
  ignoredColumns: ['Kommentar'],
  people: {
    added: [{ name: 'Nora Ny', email: 'nora@x.se', party: 'L' }],
    changed: [
      {
        name: 'Ingrid Wikström',
        email: 'ingrid@x.se',
        party: 'KD',
        changes: { phone: { from: '070-1', to: undefined } },
      },
    ],
    unchanged: 1,
  },
  uppdrag: {
    added: [
      {
        name: 'Nora Ny',
        email: 'nora@x.se',
        organ: 'Socialnämnden',
        role: 'ledamot',
        from: '2026-11-24',
      },
    ],
    changed: [],
    ended: [
      {
        name: 'Elsa Roos',
        email: 'elsa@x.se',
        organ: 'Socialnämnden',
        role: 'ersattare',
        from: '2023-01-01',
        to: '2026-11-23',
        previousTo: '2026-12-31',
      },
    ],
    removed: [],
    unchanged: 2,
  },
  planToken: '0123456789abcdef0123456789abcdef',
};

const csv = () =>
  new File(['namn;parti;epost;organ;roll;fran\n'], 'fortroendevalda.csv', {
    type: 'text/csv',
  });

describe('ImportPage', () => {
  it('checks the file, shows every change, and imports exactly the plan that was shown', async () => {
    const api = mockFortroendevaldaApi({
      importDryRun: jest.fn(async () => plan),
      importApply: jest.fn(async () => ({ ...plan, applied: true as const })),
    });
    await renderDirectory('/fortroendevalda/import', { role: 'admin', api });

    const file = csv();
    await userEvent.upload(
      await screen.findByLabelText('File (CSV or JSON)'),
      file,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file' }),
    );

    const shown = await screen.findByTestId('sg-import-plan');
    expect(api.importDryRun).toHaveBeenCalledWith(file);
    expect(shown).toHaveTextContent(
      'The file decides for the organs it lists (Socialnämnden): current assignments in them that the file does not list end on Nov 23, 2026.',
    );
    expect(shown).toHaveTextContent('Columns that were not read: Kommentar');
    expect(
      within(shown).getByText('Nora Ny (L, nora@x.se)'),
    ).toBeInTheDocument();
    expect(
      within(shown).getByText(
        'Ingrid Wikström (ingrid@x.se): phone: 070-1 → (none)',
      ),
    ).toBeInTheDocument();
    expect(
      within(shown).getByText(
        'Elsa Roos (elsa@x.se): Substitute, Socialnämnden – ends Nov 23, 2026 (was Dec 31, 2026)',
      ),
    ).toBeInTheDocument();
    expect(api.importApply).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'The import is done',
    );
    expect(api.importApply).toHaveBeenCalledWith(file, plan.planToken);
    expect(
      screen.queryByRole('button', { name: 'Import' }),
    ).not.toBeInTheDocument();
  });

  it('lists every bad row of a refused file with line, column and reason', async () => {
    const refusal = await serverError(400, {
      name: 'InputError',
      message: '2 problems in the file; nothing was changed. …',
      rows: [
        { line: 3, field: 'fran', message: 'is not a date that exists' },
        {
          line: 7,
          field: 'organ',
          message:
            "'Gatunämnden' is neither an organ in the catalog nor one already in the directory",
        },
      ],
    });
    const api = mockFortroendevaldaApi({
      importDryRun: jest.fn(async () => {
        throw refusal;
      }),
    });
    await renderDirectory('/fortroendevalda/import', { role: 'admin', api });

    await userEvent.upload(
      await screen.findByLabelText('File (CSV or JSON)'),
      csv(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file' }),
    );

    expect(
      await screen.findByText('The file has 2 problems. Nothing was changed.'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Problems in the file' });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'LineColumnProblem',
      '3franis not a date that exists',
      "7organ'Gatunämnden' is neither an organ in the catalog nor one already in the directory",
    ]);
    expect(
      screen.queryByRole('button', { name: 'Import' }),
    ).not.toBeInTheDocument();
  });

  it('shows the new plan when the directory changed after the check', async () => {
    const newPlan = { ...plan, planToken: 'ffffffffffffffffffffffffffffffff' };
    const stale = await serverError(409, {
      name: 'ConflictError',
      message: 'The directory, or the date, has changed since the dry run',
      plan: newPlan,
    });
    const api = mockFortroendevaldaApi({
      importDryRun: jest.fn(async () => plan),
      importApply: jest
        .fn()
        .mockRejectedValueOnce(stale)
        .mockResolvedValueOnce({ ...newPlan, applied: true }),
    });
    await renderDirectory('/fortroendevalda/import', { role: 'admin', api });

    const file = csv();
    await userEvent.upload(
      await screen.findByLabelText('File (CSV or JSON)'),
      file,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file' }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Import' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The directory, or the date, changed after the check.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(api.importApply).toHaveBeenLastCalledWith(file, newPlan.planToken),
    );
  });

  it('asks for a file before checking', async () => {
    const api = mockFortroendevaldaApi();
    await renderDirectory('/fortroendevalda/import', { role: 'admin', api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Check the file' }),
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Choose a file first.');
    expect(screen.getByLabelText('File (CSV or JSON)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(api.importDryRun).not.toHaveBeenCalled();
  });

  it('has no accessibility violations with a plan shown', async () => {
    const api = mockFortroendevaldaApi({
      importDryRun: jest.fn(async () => plan),
    });
    const { container } = await renderDirectory('/fortroendevalda/import', {
      role: 'admin',
      api,
    });
    await userEvent.upload(
      await screen.findByLabelText('File (CSV or JSON)'),
      csv(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Check the file' }),
    );
    await screen.findByTestId('sg-import-plan');

    expect(await axe(container)).toHaveNoViolations();
  });
});
