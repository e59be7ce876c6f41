import { expect, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  keepScreenshot,
  signInAs,
} from './helpers';

test.describe('Förtroendevalda', () => {
  test('a medarbetare finds a förtroendevald by name and sees how to reach them, accessibly', async ({
    page,
  }, testInfo) => {
    await signInAs(page, 'Erik Lindqvist');

    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await nav.getByRole('link', { name: 'Förtroendevalda' }).click();

    // The directory is filled from examples/org/fortroendevalda.csv when the portal starts.
    await expect(
      page.getByRole('heading', { name: 'Förtroendevalda', exact: true }),
    ).toBeVisible();
    await expect(page.getByTestId('sg-directory-count')).toHaveText(
      /^\d+ förtroendevalda$/,
    );
    await expect(
      page.getByRole('link', { name: 'Gunilla Åkesson' }),
    ).toBeVisible();
    // a medarbetare gets no administration
    await expect(
      page.getByRole('button', { name: 'Lägg till förtroendevald' }),
    ).toHaveCount(0);
    await keepScreenshot(page, 'directory-sv');
    await expectNoAccessibilityViolations(page, testInfo);

    // Searching is case-insensitive and knows å from a.
    await page.getByRole('searchbox', { name: 'Sök på namn' }).fill('ÅKESSON');
    await expect(page.getByTestId('sg-directory-count')).toHaveText(
      '1 förtroendevald',
    );
    await page.getByRole('link', { name: 'Gunilla Åkesson' }).click();

    await expect(
      page.getByRole('heading', { name: 'Gunilla Åkesson' }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'gunilla.akesson@politiker.varmdo.se' }),
    ).toHaveAttribute('href', 'mailto:gunilla.akesson@politiker.varmdo.se');
    const current = page.getByRole('grid', {
      name: 'Pågående och kommande uppdrag',
    });
    await expect(current).toContainText('Ordförande');
    await expect(
      current.getByRole('link', { name: 'Kommunfullmäktige' }),
    ).toBeVisible();
    await keepScreenshot(page, 'fortroendevald-sv');
    await expectNoAccessibilityViolations(page, testInfo);

    // Back in the browser, the list still has the search: it is kept in the address.
    await page.goBack();
    await expect(
      page.getByRole('searchbox', { name: 'Sök på namn' }),
    ).toHaveValue('ÅKESSON');
    await expect(page.getByTestId('sg-directory-count')).toHaveText(
      '1 förtroendevald',
    );
  });
});
