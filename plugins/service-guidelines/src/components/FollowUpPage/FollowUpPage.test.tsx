import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import {
  anOverview,
  anUppfoljning,
  aSynpunkt,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';
import { renderPage } from '../../__testUtils__/renderPage';
import { serverError } from '../../__testUtils__/serverError';
import { FollowUpRouter } from './FollowUpRouter';

jest.setTimeout(30_000);

const SKOLAN = 'group:default/gustavsbergsskolan';
const render = (path: string, api = mockServiceGuidelinesApi()) =>
  renderPage(<FollowUpRouter />, {
    path: `/service-guidelines/uppfoljning${path}`,
    route: '/service-guidelines/uppfoljning/*',
    api,
  });

describe('Min uppföljning', () => {
  it('lists every unit in scope as a tree, each count a link to its list', async () => {
    const { rendered, api } = await render('');
    const table = await screen.findByRole('table', {
      name: 'Units you are responsible for',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByRole('rowheader')).toHaveTextContent(
      'Utbildningsförvaltningen',
    );
    expect(within(rows[2]).getByRole('rowheader')).toHaveStyle({
      paddingLeft: '32px',
    });
    expect(
      screen.getByRole('link', { name: '1 Overdue, Gustavsbergsskolan' }),
    ).toHaveAttribute(
      'href',
      `/service-guidelines/synpunkter?unit=${encodeURIComponent(
        SKOLAN,
      )}&overdue=true`,
    );
    expect(
      screen.getByRole('link', {
        name: '1 Due within 3 working days, Gustavsbergsskolan',
      }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('dueWithinDays=3&dueFrom=2026-11-24'),
    );
    expect(
      screen.getByRole('link', {
        name: '4 Closed in the period, Gustavsbergsskolan',
      }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining('closedFrom=2026-10-01&closedTo=2026-12-31'),
    );
    expect(within(rows[1]).getByText('never')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Sep 15, 2026')).toBeInTheDocument();
    expect(
      within(rows[2]).getByText('2 praise · 4 complaints · 1 suggestions'),
    ).toBeInTheDocument();
    expect(api.getFollowUpOverview).toHaveBeenCalledWith({});
    expect(await axe(rendered.container)).toHaveNoViolations();
  });

  it('says so when the person leads no unit', async () => {
    await render(
      '',
      mockServiceGuidelinesApi({
        getFollowUpOverview: jest.fn(async () => anOverview({ units: [] })),
      }),
    );
    expect(
      await screen.findByText(/not named as chef of any unit/),
    ).toBeInTheDocument();
  });

  it('takes the period from the URL and puts a new one there', async () => {
    const { api } = await render('?from=2026-01-01&to=2026-06-30');
    await screen.findByRole('table');
    expect(api.getFollowUpOverview).toHaveBeenCalledWith({
      from: '2026-01-01',
      to: '2026-06-30',
    });
    fireEvent.change(
      screen.getByRole('textbox', { name: 'Period to (YYYY-MM-DD)' }),
      { target: { value: '2026-03-31' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show the period' }));
    await waitFor(() =>
      expect(api.getFollowUpOverview).toHaveBeenLastCalledWith({
        from: '2026-01-01',
        to: '2026-03-31',
      }),
    );
  });
});

describe("a unit's uppföljningar", () => {
  it('shows each uppföljning, and lets the chef who recorded it mark an action carried out', async () => {
    const api = mockServiceGuidelinesApi({
      listUppfoljningar: jest.fn(async () => [anUppfoljning()]),
    });
    const { rendered } = await render(`/enhet?unit=${SKOLAN}`, api);
    expect(
      await screen.findByRole('heading', { name: 'Held Nov 20, 2026' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'SYN-2026-00042' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Maria Johansson, Lärarlaget åk 4–6'),
    ).toBeInTheDocument();
    expect(await axe(rendered.container)).toHaveNoViolations();

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Mark “Möte med transportören” as carried out today',
      }),
    );
    await waitFor(() => expect(api.updateUppfoljning).toHaveBeenCalled());
    const [id, body] = api.updateUppfoljning.mock.calls[0];
    expect(id).toBe(anUppfoljning().id);
    expect(body).toMatchObject({
      version: 1,
      synpunktIds: ['5b1f3c9e-0000-4000-8000-000000000001'],
      actions: [
        {
          description: 'Möte med transportören',
          doneDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
      ],
    });
    await waitFor(() => expect(api.listUppfoljningar).toHaveBeenCalledTimes(2));
  });

  it('offers no change to a chef above, who reads only', async () => {
    await render(
      `/enhet?unit=${SKOLAN}`,
      mockServiceGuidelinesApi({
        listUppfoljningar: jest.fn(async () => [
          anUppfoljning({ editable: false }),
        ]),
      }),
    );
    await screen.findByRole('heading', { name: 'Held Nov 20, 2026' });
    expect(
      screen.queryByRole('button', { name: /carried out today/ }),
    ).toBeNull();
    expect(screen.getByText(/Not carried out yet/)).toBeInTheDocument();
  });
});

describe('recording an uppföljning', () => {
  it('keeps every field and shows the server message beside the field when saving fails', async () => {
    const failure = await serverError(400, {
      name: 'InputError',
      message:
        'Invalid request: actions.0.dueDate: must be a date written YYYY-MM-DD',
      fields: [
        {
          field: 'actions.0.dueDate',
          message: 'must be a date written YYYY-MM-DD',
        },
      ],
    });
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async () => ({ items: [aSynpunkt()] })),
      recordUppfoljning: jest
        .fn()
        .mockRejectedValueOnce(failure)
        .mockResolvedValue(anUppfoljning()),
    });
    const { rendered } = await render(`/ny?unit=${SKOLAN}`, api);
    fireEvent.change(
      await screen.findByRole('textbox', {
        name: /Participants, one per line/,
      }),
      { target: { value: 'Maria Johansson\n\n Lärarlaget  ' } },
    );
    fireEvent.click(
      await screen.findByRole('checkbox', { name: /SYN-2026-00042/ }),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Conclusions/ }), {
      target: { value: 'Ny rutin.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add an action' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Action 1/ }), {
      target: { value: 'Möte med transportören' },
    });
    fireEvent.change(
      screen.getByRole('textbox', { name: /Responsible for action 1/ }),
      { target: { value: 'Maria' } },
    );
    fireEvent.change(
      screen.getByRole('textbox', { name: /Due date of action 1/ }),
      {
        target: { value: '15 dec' },
      },
    );
    expect(await axe(rendered.container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Save the follow-up' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The follow-up was not saved',
    );
    const due = screen.getByRole('textbox', { name: /Due date of action 1/ });
    await waitFor(() => expect(due).toHaveAttribute('aria-invalid', 'true'));
    expect(due).toHaveValue('15 dec');
    expect(screen.getByRole('textbox', { name: /Conclusions/ })).toHaveValue(
      'Ny rutin.',
    );
    expect(api.recordUppfoljning).toHaveBeenCalledWith(
      expect.objectContaining({
        unitRef: SKOLAN,
        participants: [{ name: 'Maria Johansson' }, { name: 'Lärarlaget' }],
        synpunktIds: [aSynpunkt().id],
        conclusions: 'Ny rutin.',
        actions: [
          {
            description: 'Möte med transportören',
            responsible: 'Maria',
            dueDate: '15 dec',
          },
        ],
      }),
    );

    fireEvent.change(due, { target: { value: '2026-12-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the follow-up' }));
    // Saved: on to the unit's page, which lists the uppföljningar.
    await waitFor(() =>
      expect(api.listUppfoljningar).toHaveBeenCalledWith(SKOLAN),
    );
  });
});

describe('the printable list for the staff meeting', () => {
  it('shows the open and recently closed synpunkter without contact details or sekretess text', async () => {
    const api = mockServiceGuidelinesApi({
      listSynpunkter: jest.fn(async query =>
        query.open
          ? {
              items: [
                aSynpunkt(),
                aSynpunkt({
                  id: 'b',
                  registrationNumber: 'SYN-2026-00043',
                  sekretess: true,
                  description: 'Uppgifter om ett barn i familjen.',
                }),
              ],
            }
          : { items: [] },
      ),
    });
    const { rendered } = await render(`/utskrift?unit=${SKOLAN}`, api);
    expect(await screen.findByText('SYN-2026-00043')).toBeInTheDocument();
    expect(
      screen.getByText('Skolskjutsen kom inte i måndags.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Confidential: the text is not printed.'),
    ).toBeInTheDocument();
    expect(rendered.container.textContent).not.toMatch(
      /anna\.kund|Anna Kund|Uppgifter om ett barn/,
    );
    expect(api.listSynpunkter).toHaveBeenCalledWith(
      expect.objectContaining({
        unit: SKOLAN,
        closedFrom: '2026-10-01',
        closedTo: '2026-12-31',
      }),
    );
    expect(await axe(rendered.container)).toHaveNoViolations();
  });
});
