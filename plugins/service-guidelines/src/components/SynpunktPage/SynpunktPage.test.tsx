import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { axe } from 'jest-axe';
import {
  aSynpunkt,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';
import { renderPage } from '../../__testUtils__/renderPage';
import { serverError } from '../../__testUtils__/serverError';
import { SynpunktPage } from './SynpunktPage';

jest.setTimeout(30_000);

const ID = '5b1f3c9e-0000-4000-8000-000000000001';
type Options = Omit<Parameters<typeof renderPage>[1], 'path' | 'route'>;
const render = (options: Options, id = ID) =>
  renderPage(<SynpunktPage />, {
    path: `/service-guidelines/synpunkter/${id}`,
    route: '/service-guidelines/synpunkter/:id',
    ...options,
  });

describe('SynpunktPage', () => {
  it('shows the synpunkt, its contact details, deadlines, history and the actions allowed', async () => {
    const { rendered } = await render({});
    expect(await screen.findByText('anna.kund@example.se')).toBeInTheDocument();
    expect(
      screen.getByText('Skolskjutsen kom inte i måndags.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Dec 7, 2026/)).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'History' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Assign' }),
    ).toBeInTheDocument();
    // A registered synpunkt is assigned before anything else.
    expect(
      screen.queryByRole('button', { name: 'Give reply' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Reopen' }),
    ).not.toBeInTheDocument();
    expect(await axe(rendered.container)).toHaveNoViolations();
  });

  it('hides every action from someone the server would not let handle it', async () => {
    // Another id: permission decisions are cached per resource for the whole test file.
    await render(
      {
        allow: false,
        api: mockServiceGuidelinesApi({
          getSynpunkt: jest.fn(async () =>
            aSynpunkt({ contact: undefined, personalDataVisible: false }),
          ),
        }),
      },
      'another-synpunkt',
    );
    expect(
      await screen.findByText(
        'Contact details are shown only to those handling the synpunkt.',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { name: 'Actions' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('button', { name: 'Assign' }),
    ).not.toBeInTheDocument();
  });

  it('offers only the reply an assigned, non-anonymous synpunkt can take, and closing', async () => {
    await render({
      api: mockServiceGuidelinesApi({
        getSynpunkt: jest.fn(async () =>
          aSynpunkt({
            status: 'tilldelad',
            handlaggareRef: 'user:default/maria',
          }),
        ),
      }),
    });
    expect(
      await screen.findByRole('button', { name: 'Give reply' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Pause the clock' }),
    ).toBeInTheDocument();
  });

  it('keeps the input and reloads when someone else changed the synpunkt meanwhile', async () => {
    const conflict = await serverError(409, {
      name: 'ConflictError',
      message:
        'The synpunkt SYN-2026-00042 was changed by someone else (now version 2)',
    });
    const api = mockServiceGuidelinesApi({
      getSynpunkt: jest
        .fn()
        .mockResolvedValueOnce(
          aSynpunkt({
            status: 'tilldelad',
            handlaggareRef: 'user:default/ahmed',
          }),
        )
        .mockResolvedValue(
          aSynpunkt({
            status: 'tilldelad',
            handlaggareRef: 'user:default/lars',
            version: 2,
          }),
        ),
      actOnSynpunkt: jest
        .fn()
        .mockRejectedValueOnce(conflict)
        .mockResolvedValue(
          aSynpunkt({ status: 'under_utredning', version: 3 }),
        ),
    });
    const { rendered } = await render({ api });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Record investigation' }),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Investigation/ }), {
      target: { value: 'Pratat med transportören.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('Someone else changed the synpunkt'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Investigation/ })).toHaveValue(
      'Pratat med transportören.',
    );
    await waitFor(() => expect(api.getSynpunkt).toHaveBeenCalledTimes(2));

    // Both versions: what I typed, and what the other person saved, before → now.
    const mine = await screen.findByRole('region', {
      name: 'Your change (not saved)',
    });
    expect(within(mine).getByText('Record investigation')).toBeInTheDocument();
    expect(
      within(mine).getByText('Pratat med transportören.'),
    ).toBeInTheDocument();
    const theirs = await screen.findByRole('region', {
      name: 'Saved by someone else (now version 2)',
    });
    expect(
      within(theirs).getByText('user:default/ahmed → user:default/lars'),
    ).toBeInTheDocument();
    expect(await axe(rendered.container)).toHaveNoViolations();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.actOnSynpunkt).toHaveBeenLastCalledWith(ID, 'utredning', {
        version: 2,
        text: 'Pratat med transportören.',
      }),
    );
  });

  it('says when free texts and contact details were gallrade, and offers no action', async () => {
    const { rendered } = await render(
      {
        api: mockServiceGuidelinesApi({
          getSynpunkt: jest.fn(async () =>
            aSynpunkt({
              status: 'avslutad',
              handlaggareRef: 'user:default/maria',
              description: undefined,
              contact: undefined,
              pauses: [
                {
                  from: '2026-11-24',
                  to: '2026-11-25',
                  reason: '',
                  pausedBy: 'user:default/maria',
                },
              ],
              closed: { date: '2026-11-26', ledToImprovement: false },
              gallradAt: '2028-11-27T02:00:00.000Z',
            }),
          ),
        }),
      },
      'gallrad-synpunkt',
    );
    expect(
      await screen.findByText(
        'Free texts and contact details removed on Nov 27, 2028 under the records management plan (dokumenthanteringsplan)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Confidential: shown only to those handling it.'),
    ).not.toBeInTheDocument();
    // A pause whose reason was gallrad shows its dates only.
    expect(screen.getByText(/Nov 24, 2026–Nov 25, 2026$/)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { name: 'Actions' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('button', { name: 'Reopen' }),
    ).not.toBeInTheDocument();
    expect(await axe(rendered.container)).toHaveNoViolations();
  });

  it("shows the server's words when the synpunkt cannot be loaded", async () => {
    const failure = await serverError(403, {
      name: 'NotAllowedError',
      message: 'You may not read this synpunkt',
    });
    await render({
      api: mockServiceGuidelinesApi({
        getSynpunkt: jest.fn(async () => {
          throw failure;
        }),
      }),
    });
    expect(
      await screen.findByText('You may not read this synpunkt'),
    ).toBeInTheDocument();
  });
});
