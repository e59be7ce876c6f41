import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import { mockReportsApi, renderReports } from './__testUtils__/renderReports';

jest.setTimeout(30_000);

const rowOf = (table: HTMLElement, header: string) =>
  within(table)
    .getByRole('rowheader', { name: header })
    .closest('tr') as HTMLElement;
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(c => c.textContent);

describe('ReportsPage', () => {
  it('shows the figures beside the previous period, with the change', async () => {
    const { api } = await renderReports();
    const summary = await screen.findByTestId('sg-report-summary');
    expect(cellsOf(rowOf(summary, 'Number'))).toEqual(['9', '1', '+8']);
    expect(cellsOf(rowOf(summary, 'Of which overdue'))).toEqual([
      '1',
      '0',
      '+1',
    ]);
    expect(
      cellsOf(rowOf(summary, 'Återkoppling (reply): share on time')),
    ).toEqual(['66.7%', '100.0%', '-33.3 percentage points']);
    expect(
      cellsOf(rowOf(summary, 'Median working days to återkoppling')),
    ).toEqual(['6', '9', '-3']);
    expect(cellsOf(rowOf(summary, 'Share of units followed up'))).toEqual([
      'not available: Not available yet.',
    ]);
    expect(screen.getByTestId('sg-report-heading')).toHaveTextContent(
      'Barn- och utbildningsnämnden, Jan 1, 2026 – Aug 31, 2026',
    );
    // The default: this year's delår for the whole organisation.
    expect(api.getReport).toHaveBeenCalledWith(
      expect.objectContaining({ period: 'delar', unit: undefined }),
    );
  });

  it('gives every measure its definition, on the page and linked from its row', async () => {
    await renderReports();
    const summary = await screen.findByTestId('sg-report-summary');
    const header = within(summary).getByRole('rowheader', {
      name: 'Återkoppling (reply): share on time',
    });
    expect(header).toHaveAccessibleDescription('On time ÷ (on time + late).');
    expect(
      screen.getByRole('heading', { name: 'Definitions' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Synpunkter in the selection.'),
    ).toBeInTheDocument();
  });

  it('draws the charts with a text alternative that names every value', async () => {
    await renderReports();
    const chart = await screen.findByRole('img', { name: /^Number by type\./ });
    expect(chart).toHaveAccessibleName(
      'Number by type. Praise: 2 (previous period 0); Complaint: 6 (previous period 1); Suggestion: 1 (previous period 0)',
    );
    expect(
      screen.getByRole('img', {
        name: /^Share of återkoppling on time, by unit\./,
      }),
    ).toHaveAccessibleName(
      'Share of återkoppling on time, by unit. Barn- och utbildningsnämnden: 66.7% (previous period 100.0%); Gustavsbergsskolan: 66.7% (previous period 100.0%)',
    );
    // Each chart is also a table.
    const byType = screen.getByTestId('sg-report-breakdown-type');
    expect(cellsOf(rowOf(byType, 'Complaint')).slice(0, 3)).toEqual([
      '6',
      '1',
      '+5',
    ]);
    const byUnit = screen.getByTestId('sg-report-breakdown-unit');
    expect(
      within(byUnit).getByRole('rowheader', { name: 'Gustavsbergsskolan' }),
    ).toHaveStyle({
      paddingLeft: '24px',
    });
  });

  it('lists the improvements', async () => {
    await renderReports();
    const table = await screen.findByTestId('sg-report-improvements');
    expect(
      within(table).getByText('Nya rutiner för skolskjuts'),
    ).toBeInTheDocument();
    expect(within(table).getByText('Mar 12, 2026')).toBeInTheDocument();
  });

  it('asks for the period and part of the organisation chosen', async () => {
    const { api } = await renderReports();
    await screen.findByTestId('sg-report-summary');
    await userEvent.selectOptions(screen.getByLabelText('Year'), '2025');
    await userEvent.selectOptions(
      screen.getByLabelText('Part of the organisation'),
      'group:default/barn-och-utbildningsnamnden',
    );
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith({
        period: 'delar',
        year: 2025,
        from: expect.any(String),
        to: expect.any(String),
        unit: 'group:default/barn-och-utbildningsnamnden',
      }),
    );
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'range');
    const from = screen.getByLabelText('First day');
    await userEvent.clear(from);
    await userEvent.type(from, '2026-03-01');
    const to = screen.getByLabelText('Last day');
    await userEvent.clear(to);
    await userEvent.type(to, '2026-03-31');
    await waitFor(() =>
      expect(api.getReport).toHaveBeenLastCalledWith(
        expect.objectContaining({
          period: 'range',
          from: '2026-03-01',
          to: '2026-03-31',
        }),
      ),
    );
  });

  it('downloads a file through the API and hands it to the browser', async () => {
    const createObjectURL = jest.fn(() => 'blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        clicked.push(this.download);
      });
    const { api } = await renderReports();
    await screen.findByTestId('sg-report-summary');
    await userEvent.click(
      screen.getByRole('button', { name: 'CSV for Excel' }),
    );
    await waitFor(() =>
      expect(clicked).toEqual([
        'synpunkter-delar-2026-barn-och-utbildningsnamnden.csv',
      ]),
    );
    expect(api.downloadReport).toHaveBeenCalledWith(
      expect.objectContaining({ period: 'delar' }),
      'csv',
      'en',
    );
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('says what the server found wrong', async () => {
    const api = mockReportsApi();
    api.getReport.mockRejectedValue(
      new Error('Invalid query: to: 2026-02-01 is before from (2026-03-01)'),
    );
    await renderReports(api);
    expect(
      await screen.findByText(/to: 2026-02-01 is before from/),
    ).toBeInTheDocument();
  });

  it('has no accessibility violations that jsdom can detect', async () => {
    const { container } = await renderReports();
    await screen.findByTestId('sg-report-summary');
    expect(await axe(container)).toHaveNoViolations();
  });
});
