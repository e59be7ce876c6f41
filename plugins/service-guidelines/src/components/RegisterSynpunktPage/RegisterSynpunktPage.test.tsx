import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { axe } from 'jest-axe';
import {
  aSynpunkt,
  mockServiceGuidelinesApi,
} from '../../__testUtils__/mockServiceGuidelinesApi';
import { renderPage } from '../../__testUtils__/renderPage';
import { serverError } from '../../__testUtils__/serverError';
import { RegisterSynpunktPage } from './RegisterSynpunktPage';

jest.setTimeout(30_000);

const render = (api = mockServiceGuidelinesApi()) =>
  renderPage(<RegisterSynpunktPage directoryPath="/fortroendevalda" />, {
    path: '/service-guidelines/registrera',
    api,
  });

const pick = (name: string) =>
  fireEvent.click(screen.getByRole('radio', { name }));

async function chooseOption(label: RegExp, option: string) {
  await userEvent.click(screen.getByRole('button', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

/** An API whose registration fails with `failure`, as the server's answer. */
const apiFailingWith = (failure: Error) =>
  mockServiceGuidelinesApi({
    registerSynpunkt: jest.fn(async () => {
      throw failure;
    }),
  });

async function fillValidForm() {
  await chooseOption(/How did it come in\?/, 'Telephone');
  await chooseOption(/Which unit does it concern\?/, 'Gustavsbergsskolan');
  await chooseOption(/Area of service/, 'Förskola och skola');
  fireEvent.change(
    screen.getByRole('textbox', { name: /What did the customer say\?/ }),
    {
      target: { value: 'Skolskjutsen kom inte.' },
    },
  );
  fireEvent.change(screen.getByRole('textbox', { name: 'E-mail' }), {
    target: { value: 'anna.kund@example.se' },
  });
}

describe('RegisterSynpunktPage', () => {
  it.each([
    ['A question', /En fråga är inte en synpunkt/],
    ['A fault report', /felanmälan/],
    ['A claim for damages', /skadeanspråk/i],
    ['An appeal of a decision', /överklagande/],
    ['A view aimed at an elected official', /förtroendevald/],
  ])('guides "%s" elsewhere without a form', async (choice, guidance) => {
    await render();
    pick(choice);
    expect(
      await screen.findByText('This is not registered as feedback'),
    ).toBeInTheDocument();
    expect(screen.getByText(guidance)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Continue' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('searches the directory for a view aimed at an elected official', async () => {
    await render();
    pick('A view aimed at an elected official');
    expect(
      await screen.findByRole('link', {
        name: 'Find the elected official in the directory',
      }),
    ).toHaveAttribute('href', '/fortroendevalda');
    const search = screen.getByRole('searchbox', {
      name: 'Search the directory by name',
    });
    await userEvent.type(search, 'Åkesson{Enter}');
    // The directory page takes its search from the URL it is sent to.
    await waitFor(() =>
      expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument(),
    );
  });

  it('registers a complaint and shows the number and deadlines to read out', async () => {
    const api = mockServiceGuidelinesApi({
      registerSynpunkt: jest.fn(async () =>
        aSynpunkt({ forstaSvar: { due: '2026-11-25' }, channel: 'epost' }),
      ),
    });
    await render(api);
    pick('Complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(
      await screen.findByRole('heading', {
        name: 'Registered as SYN-2026-00042',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('sg-aterkoppling-due')).toHaveTextContent(
      'Dec 7, 2026 (within 10 working days)',
    );
    expect(api.registerSynpunkt).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'klagomal',
        channel: 'telefon',
        unitRef: 'group:default/gustavsbergsskolan',
        area: 'utbildning',
        description: 'Skolskjutsen kom inte.',
        anonymous: false,
        contact: expect.objectContaining({ email: 'anna.kund@example.se' }),
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/),
      }),
    );
  });

  it('keeps every field and shows the server message beside the field when saving fails', async () => {
    const failure = await serverError(400, {
      name: 'InputError',
      message:
        'Invalid request: contact.email: must be an e-mail address such as namn@example.se',
      fields: [
        {
          field: 'contact.email',
          message: 'must be an e-mail address such as namn@example.se',
        },
      ],
    });
    const api = apiFailingWith(failure);
    await render(api);
    pick('Complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The feedback was not registered',
    );
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveValue('anna.kund@example.se');
    expect(
      screen.getAllByText('must be an e-mail address such as namn@example.se')
        .length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('textbox', { name: /What did the customer say\?/ }),
    ).toHaveValue('Skolskjutsen kom inte.');
    await waitFor(() => expect(email).toHaveFocus());
  });

  it("takes the time of receipt in the browser's own input and keeps it, with the server's message beside it", async () => {
    const failure = await serverError(400, {
      name: 'InputError',
      message: 'Invalid request: receivedAt: must not be in the future',
      fields: [{ field: 'receivedAt', message: 'must not be in the future' }],
    });
    const api = apiFailingWith(failure);
    await render(api);
    pick('Complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const receivedAt = screen.getByLabelText<HTMLInputElement>(
      /^Received \(date and time\)/,
    );
    expect(receivedAt).toHaveAttribute('type', 'datetime-local');
    expect(receivedAt).toBeRequired();
    // It starts at the current minute in Stockholm.
    expect(receivedAt.value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    fireEvent.change(receivedAt, { target: { value: '2026-11-20T09:30' } });
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect(api.registerSynpunkt).toHaveBeenCalledWith(
      expect.objectContaining({ receivedAt: '2026-11-20T09:30:00.000+01:00' }),
    );
    await waitFor(() =>
      expect(receivedAt).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(receivedAt).toHaveValue('2026-11-20T09:30');
    expect(receivedAt).toHaveAccessibleDescription(
      expect.stringContaining('must not be in the future'),
    );
    await waitFor(() => expect(receivedAt).toHaveFocus());
  });

  it('asks before leaving when only the time of receipt was changed', async () => {
    await render();
    pick('Complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Received \(date and time\)/), {
      target: { value: '2026-11-20T09:30' },
    });
    expect(leaving()).toBe(true);
  });

  it('says plainly that anonymous means no reply, and hides the contact fields', async () => {
    await render();
    pick('Praise');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      screen.getByText(
        'Anonymous means that no reply (återkoppling) can be given.',
      ),
    ).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'The customer wants to be anonymous',
      }),
    );
    expect(
      screen.queryByRole('textbox', { name: 'E-mail' }),
    ).not.toBeInTheDocument();
  });

  it('keeps what was typed when going back to the first question', async () => {
    await render();
    pick('Suggestion');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.change(
      screen.getByRole('textbox', { name: /What did the customer say\?/ }),
      {
        target: { value: 'Fler bänkar i parken' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Choose again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(
      screen.getByRole('textbox', { name: /What did the customer say\?/ }),
    ).toHaveValue('Fler bänkar i parken');
  });

  it('has no accessibility violations jsdom can find, on the question and on the form', async () => {
    const { rendered } = await render();
    expect(await axe(rendered.container)).toHaveNoViolations();
    pick('Complaint');
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const form = screen.getByRole('form', { name: 'Register feedback' });
    expect(
      within(form).getByRole('button', { name: 'Register' }),
    ).toBeInTheDocument();
    expect(await axe(rendered.container)).toHaveNoViolations();
  });
});
