import { screen } from '@testing-library/react';
import { mockReportsApi, renderReports } from './__testUtils__/renderReports';

// In a file of its own: the permission hook caches decisions for the whole test file.
describe('ReportsPage for someone who may not read reports', () => {
  it('shows nothing of the reports and asks the server for nothing', async () => {
    const api = mockReportsApi();
    await renderReports(api, false);
    expect(
      await screen.findByText('Reports are for report readers'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('sg-report-summary')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Period')).not.toBeInTheDocument();
    expect(api.getOptions).not.toHaveBeenCalled();
    expect(api.getReport).not.toHaveBeenCalled();
  });
});
