import { Browser, expect, Page, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  keepScreenshot,
  signInAs,
} from './helpers';

async function choose(page: Page, label: string | RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // The list fades out; an accessibility check during the fade sees half-transparent text.
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** What the person reads and clicks, in each language the portal speaks. */
const WORDS = {
  sv: {
    registerLink: 'Registrera synpunkt',
    triage: 'Vad gäller ärendet?',
    question: 'En fråga',
    guidance: 'Det här registreras inte som synpunkt',
    register: 'Registrera',
    complaint: 'Klagomål',
    continue: 'Fortsätt',
    channel: /Hur kom den in\?/,
    telephone: 'Telefon',
    unit: /Vilken enhet gäller den\?/,
    area: /Verksamhetsområde/,
    description: /Vad sa kunden\?/,
    receivedAt: /^Mottagen \(datum och tid\)/,
    required: '(Obligatoriskt)',
    otherLanguageRequired: '(Required)',
    email: 'E-post',
    leaveWarning: /Du har en synpunkt som inte är sparad/,
    receipt: /^Registrerad som SYN-\d{4}-\d{5}$/,
    within: 'inom 10 arbetsdagar',
    dueColumn: 'Återkoppling senast',
    assign: 'Tilldela',
    assignToMe: 'Tilldela mig',
    save: 'Spara',
    assigned: 'Tilldelad',
    recordUtredning: 'Registrera utredning',
    utredning: /Utredning/,
    utredningRecorded: 'Utredning registrerad',
    giveReply: 'Ge återkoppling',
    how: /Hur/,
    summary: /Sammanfattning/,
    replyGiven: 'Återkoppling given',
    close: 'Avsluta',
    outcome: /Vad som gjordes/,
    closed: 'Avslutad',
    noContact: 'Kontaktuppgifter visas bara för dem som handlägger synpunkten.',
    reopen: 'Återöppna',
  },
  en: {
    registerLink: 'Register feedback',
    triage: 'What is the matter about?',
    question: 'A question',
    guidance: 'This is not registered as feedback',
    register: 'Register',
    complaint: 'Complaint',
    continue: 'Continue',
    channel: /How did it come in\?/,
    telephone: 'Telephone',
    unit: /Which unit does it concern\?/,
    area: /Area of service/,
    description: /What did the customer say\?/,
    receivedAt: /^Received \(date and time\)/,
    required: '(Required)',
    otherLanguageRequired: '(Obligatoriskt)',
    email: 'E-mail',
    leaveWarning: /You have unsaved feedback/,
    receipt: /^Registered as SYN-\d{4}-\d{5}$/,
    within: 'within 10 working days',
    dueColumn: 'Reply due',
    assign: 'Assign',
    assignToMe: 'Assign to me',
    save: 'Save',
    assigned: 'Assigned',
    recordUtredning: 'Record investigation',
    utredning: /Investigation/,
    utredningRecorded: 'Investigation recorded',
    giveReply: 'Give reply',
    how: /How/,
    summary: /Summary/,
    replyGiven: 'Reply given',
    close: 'Close',
    outcome: /What was done/,
    closed: 'Closed',
    noContact: 'Contact details are shown only to those handling the synpunkt.',
    reopen: 'Reopen',
  },
} as const;

async function personIn(browser: Browser, language: keyof typeof WORDS) {
  const page = await (await browser.newContext()).newPage();
  await page.addInitScript(
    lang => window.localStorage.setItem('language', lang),
    language,
  );
  return page;
}

for (const language of ['sv', 'en'] as const) {
  const w = WORDS[language];

  test.describe(`a synpunkt from registration to closed (${language})`, () => {
    test('a medarbetare registers it, the chef of the unit handles it to closed', async ({
      browser,
    }, testInfo) => {
      const description = `Skolskjutsen kom inte – e2e ${language} ${Date.now()}`;

      // Erik at kontaktcenter takes a complaint on the phone.
      const erik = await personIn(browser, language);
      await signInAs(erik, 'Erik Lindqvist');
      await erik.getByRole('link', { name: w.registerLink }).first().click();
      await expect(
        erik.getByRole('radiogroup', { name: w.triage }),
      ).toBeVisible();
      await expectNoAccessibilityViolations(erik, testInfo);

      // A question is guided elsewhere, with no form.
      await erik
        .getByRole('radio', { name: w.question })
        .check({ force: true });
      await expect(erik.getByText(w.guidance)).toBeVisible();
      await expect(
        erik.getByRole('button', { name: w.register, exact: true }),
      ).toHaveCount(0);

      await erik
        .getByRole('radio', { name: w.complaint })
        .check({ force: true });
      await erik.getByRole('button', { name: w.continue }).click();
      await choose(erik, w.channel, w.telephone);
      await choose(erik, w.unit, 'Gustavsbergsskolan');
      await choose(erik, w.area, 'Förskola och skola');
      // The call came in earlier today: the browser's own date-and-time input, typed into.
      const receivedAt = erik.getByLabel(w.receivedAt);
      const today = (await receivedAt.inputValue()).slice(0, 10);
      await receivedAt.fill(`${today}T00:05`);
      await expect(receivedAt).toHaveValue(`${today}T00:05`);
      await erik
        .getByRole('textbox', { name: w.description })
        .fill(description);
      await erik
        .getByRole('textbox', { name: w.email, exact: true })
        .fill('anna.kund@example.se');
      // Required fields say so in the page's language (Backstage UI's own marker is English).
      await expect(erik.getByText(w.required).first()).toBeVisible();
      await expect(erik.getByText(w.otherLanguageRequired)).toHaveCount(0);
      await expectNoAccessibilityViolations(erik, testInfo);
      await keepScreenshot(erik, `register-form-${language}`);

      // Following a link away from the half-filled form asks first; "no" keeps everything.
      const asked = erik.waitForEvent('dialog').then(async dialog => {
        const message = dialog.message();
        await dialog.dismiss();
        return message;
      });
      await erik
        .locator('nav[aria-label="sidebar nav"] a[href="/settings"]')
        .click();
      expect(await asked).toMatch(w.leaveWarning);
      await expect(
        erik.getByRole('textbox', { name: w.description }),
      ).toHaveValue(description);

      await erik.getByRole('button', { name: w.register, exact: true }).click();
      await expect(
        erik.getByRole('heading', { name: w.receipt }),
      ).toBeVisible();
      const number = (await erik
        .getByTestId('sg-registration-number')
        .textContent())!;
      await expect(erik.getByTestId('sg-aterkoppling-due')).toContainText(
        w.within,
      );
      await keepScreenshot(erik, `register-receipt-${language}`);
      await expectNoAccessibilityViolations(erik, testInfo);

      // Maria, rektor of Gustavsbergsskolan, finds it in the list and takes it to closed.
      const maria = await personIn(browser, language);
      await signInAs(maria, 'Maria Johansson');
      await maria.goto('/service-guidelines/synpunkter?open=true');
      await maria.getByRole('button', { name: w.dueColumn }).click();
      await expect(maria).toHaveURL(/sort=due/);
      await expect(
        maria.getByRole('columnheader', { name: w.dueColumn }),
      ).toHaveAttribute('aria-sort', 'ascending');
      await expectNoAccessibilityViolations(maria, testInfo);
      await maria.getByRole('link', { name: number }).click();
      await expect(maria.getByRole('heading', { name: number })).toBeVisible();
      await expect(maria.getByText('anna.kund@example.se')).toBeVisible();
      await expectNoAccessibilityViolations(maria, testInfo);

      await maria.getByRole('button', { name: w.assign, exact: true }).click();
      await maria.getByRole('button', { name: w.assignToMe }).click();
      await maria.getByRole('button', { name: w.save }).click();
      await expect(
        maria.getByText(w.assigned, { exact: true }).first(),
      ).toBeVisible();

      await maria.getByRole('button', { name: w.recordUtredning }).click();
      await maria
        .getByRole('textbox', { name: w.utredning })
        .fill('Pratat med transportören.');
      await maria.getByRole('button', { name: w.save }).click();
      await expect(maria.getByText(w.utredningRecorded)).toBeVisible();

      await maria.getByRole('button', { name: w.giveReply }).click();
      await choose(maria, w.how, w.telephone);
      await maria
        .getByRole('textbox', { name: w.summary })
        .fill('Ringde kunden och förklarade.');
      await expectNoAccessibilityViolations(maria, testInfo);
      await maria.getByRole('button', { name: w.save }).click();
      await expect(maria.getByText(w.replyGiven)).toBeVisible();

      await maria.getByRole('button', { name: w.close, exact: true }).click();
      await maria
        .getByRole('textbox', { name: w.outcome })
        .fill('Ny rutin med transportören.');
      await maria.getByRole('button', { name: w.save }).click();
      await expect(
        maria.getByText(w.closed, { exact: true }).first(),
      ).toBeVisible();
      await keepScreenshot(maria, `synpunkt-closed-${language}`);
      await expectNoAccessibilityViolations(maria, testInfo);

      // Erik registered it but does not handle it: no contact details, no actions.
      await erik.goto('/service-guidelines/synpunkter?mine=true');
      await erik.getByRole('link', { name: number }).click();
      await expect(erik.getByText(w.noContact)).toBeVisible();
      await expect(erik.getByText('anna.kund@example.se')).toHaveCount(0);
      await expect(erik.getByRole('button', { name: w.reopen })).toHaveCount(0);
    });
  });
}
