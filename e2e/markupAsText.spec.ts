import { expect, Page, test } from '@playwright/test';
import { signInAs } from './helpers';

async function choose(page: Page, label: string | RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/**
 * Text is shown as typed: a description full of markup is text on every page that shows it,
 * never run as script or built into elements.
 */
test('markup in a synpunkt shows as text and never runs', async ({
  browser,
}) => {
  const marker = `e2e-${Date.now()}`;
  const description = `<script>alert(1)</script><img src="x" data-injected="${marker}" onerror="window.__injected=1"> <b>fet</b> ${marker}`;
  const dialogs: string[] = [];

  const erik = await (await browser.newContext()).newPage();
  erik.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(erik, 'Erik Lindqvist');
  await erik.goto('/service-guidelines/registrera');
  await erik.getByRole('radio', { name: 'Klagomål' }).check({ force: true });
  await erik.getByRole('button', { name: 'Fortsätt' }).click();
  await choose(erik, /Hur kom den in\?/, 'Telefon');
  await choose(erik, /Vilken enhet gäller den\?/, 'Gustavsbergsskolan');
  await choose(erik, /Verksamhetsområde/, 'Förskola och skola');
  await erik
    .getByRole('textbox', { name: /Vad sa kunden\?/ })
    .fill(description);
  await erik.getByRole('textbox', { name: 'E-post' }).fill('kund@example.se');
  await erik.getByRole('button', { name: 'Registrera', exact: true }).click();
  const number = (await erik
    .getByTestId('sg-registration-number')
    .textContent())!;

  // The chef of the unit opens it from the list: the description is its literal text.
  const maria = await (await browser.newContext()).newPage();
  maria.on('dialog', dialog => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAs(maria, 'Maria Johansson');
  await maria.goto('/service-guidelines/synpunkter?open=true');
  await maria.getByRole('link', { name: number }).click();
  await expect(maria.getByRole('heading', { name: number })).toBeVisible();
  await expect(maria.getByText(description, { exact: true })).toBeVisible();

  for (const page of [erik, maria]) {
    expect({
      injectedElements: await page
        .locator(`[data-injected="${marker}"]`)
        .count(),
      scriptsWithTheText: await page
        .locator('script')
        .filter({ hasText: 'alert(1)' })
        .count(),
      boldElements: await page.locator('b', { hasText: 'fet' }).count(),
      ran: await page.evaluate(
        () => (window as { __injected?: number }).__injected ?? 0,
      ),
    }).toEqual({
      injectedElements: 0,
      scriptsWithTheText: 0,
      boldElements: 0,
      ran: 0,
    });
  }
  expect(dialogs).toEqual([]);
});
