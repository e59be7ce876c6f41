import { expect, Page, test } from '@playwright/test';
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

test.describe('a synpunkt from registration to closed', () => {
  test('a medarbetare registers it, the chef of the unit handles it to closed', async ({
    browser,
  }, testInfo) => {
    const description = `Skolskjutsen kom inte – e2e ${Date.now()}`;

    // Erik at kontaktcenter takes a complaint on the phone.
    const erik = await (await browser.newContext()).newPage();
    await signInAs(erik, 'Erik Lindqvist');
    await erik
      .getByRole('link', { name: 'Registrera synpunkt' })
      .first()
      .click();
    await expect(
      erik.getByRole('radiogroup', { name: 'Vad gäller ärendet?' }),
    ).toBeVisible();
    await expectNoAccessibilityViolations(erik, testInfo);

    // A question is guided elsewhere, with no form.
    await erik.getByRole('radio', { name: 'En fråga' }).check({ force: true });
    await expect(
      erik.getByText('Det här registreras inte som synpunkt'),
    ).toBeVisible();
    await expect(erik.getByRole('button', { name: 'Registrera' })).toHaveCount(
      0,
    );

    await erik.getByRole('radio', { name: 'Klagomål' }).check({ force: true });
    await erik.getByRole('button', { name: 'Fortsätt' }).click();
    await choose(erik, /Hur kom den in\?/, 'Telefon');
    await choose(erik, /Vilken enhet gäller den\?/, 'Gustavsbergsskolan');
    await choose(erik, /Verksamhetsområde/, 'Förskola och skola');
    await erik
      .getByRole('textbox', { name: /Vad sa kunden\?/ })
      .fill(description);
    await erik
      .getByRole('textbox', { name: 'E-post' })
      .fill('anna.kund@example.se');
    await expectNoAccessibilityViolations(erik, testInfo);
    await keepScreenshot(erik, 'register-form-sv');
    await erik.getByRole('button', { name: 'Registrera', exact: true }).click();

    await expect(
      erik.getByRole('heading', { name: /^Registrerad som SYN-\d{4}-\d{5}$/ }),
    ).toBeVisible();
    const number = (await erik
      .getByTestId('sg-registration-number')
      .textContent())!;
    await expect(erik.getByTestId('sg-aterkoppling-due')).toContainText(
      'inom 10 arbetsdagar',
    );
    await keepScreenshot(erik, 'register-receipt-sv');
    await expectNoAccessibilityViolations(erik, testInfo);

    // Maria, rektor of Gustavsbergsskolan, finds it in the list and takes it to closed.
    const maria = await (await browser.newContext()).newPage();
    await signInAs(maria, 'Maria Johansson');
    await maria.goto('/service-guidelines/synpunkter?open=true');
    await maria.getByRole('link', { name: number }).click();
    await expect(maria.getByRole('heading', { name: number })).toBeVisible();
    await expect(maria.getByText('anna.kund@example.se')).toBeVisible();
    await expectNoAccessibilityViolations(maria, testInfo);

    await maria.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await maria.getByRole('button', { name: 'Tilldela mig' }).click();
    await maria.getByRole('button', { name: 'Spara' }).click();
    await expect(
      maria.getByText('Tilldelad', { exact: true }).first(),
    ).toBeVisible();

    await maria.getByRole('button', { name: 'Registrera utredning' }).click();
    await maria
      .getByRole('textbox', { name: /Utredning/ })
      .fill('Pratat med transportören.');
    await maria.getByRole('button', { name: 'Spara' }).click();
    await expect(maria.getByText('Utredning registrerad')).toBeVisible();

    await maria.getByRole('button', { name: 'Ge återkoppling' }).click();
    await choose(maria, /Hur/, 'Telefon');
    await maria
      .getByRole('textbox', { name: /Sammanfattning/ })
      .fill('Ringde kunden och förklarade.');
    await expectNoAccessibilityViolations(maria, testInfo);
    await maria.getByRole('button', { name: 'Spara' }).click();
    await expect(maria.getByText('Återkoppling given')).toBeVisible();

    await maria.getByRole('button', { name: 'Avsluta' }).click();
    await maria
      .getByRole('textbox', { name: /Vad som gjordes/ })
      .fill('Ny rutin med transportören.');
    await maria.getByRole('button', { name: 'Spara' }).click();
    await expect(
      maria.getByText('Avslutad', { exact: true }).first(),
    ).toBeVisible();
    await keepScreenshot(maria, 'synpunkt-closed-sv');
    await expectNoAccessibilityViolations(maria, testInfo);

    // Erik registered it but does not handle it: no contact details, no actions.
    await erik.goto('/service-guidelines/synpunkter?mine=true');
    await erik.getByRole('link', { name: number }).click();
    await expect(
      erik.getByText(
        'Kontaktuppgifter visas bara för dem som handlägger synpunkten.',
      ),
    ).toBeVisible();
    await expect(erik.getByText('anna.kund@example.se')).toHaveCount(0);
    await expect(erik.getByRole('button', { name: 'Återöppna' })).toHaveCount(
      0,
    );
  });

  test('the registration page speaks English when the person chooses English', async ({
    page,
  }, testInfo) => {
    await page.addInitScript(() =>
      window.localStorage.setItem('language', 'en'),
    );
    await signInAs(page, 'Erik Lindqvist');
    await page.goto('/service-guidelines/registrera');
    await expect(
      page.getByRole('radiogroup', { name: 'What is the matter about?' }),
    ).toBeVisible();
    await page.getByRole('radio', { name: 'Complaint' }).check({ force: true });
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(
      page.getByText(
        'Anonymous means that no reply (återkoppling) can be given.',
      ),
    ).toBeVisible();
    await keepScreenshot(page, 'register-form-en');
    await expectNoAccessibilityViolations(page, testInfo);
  });
});
