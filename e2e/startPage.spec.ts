import { expect, test } from '@playwright/test';
import {
  expectNoAccessibilityViolations,
  keepScreenshot,
  signInAs,
} from './helpers';

test.describe('Service och tillgänglighet', () => {
  test('shows the live answer of the backend, accessibly, in Swedish', async ({
    page,
  }, testInfo) => {
    await signInAs(page, 'Erik Lindqvist');

    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await nav.getByRole('link', { name: 'Service och tillgänglighet' }).click();

    await expect(
      page.getByRole('heading', { name: 'Service och tillgänglighet' }),
    ).toBeVisible();
    await expect(page.getByText('Backend svarar')).toBeVisible();
    await expect(page.getByTestId('sg-plugin-version')).toHaveText(
      /^\d+\.\d+\.\d+/,
    );
    await expect(page.getByTestId('sg-database')).toHaveText(
      'SQLite (inbyggd)',
    );

    await keepScreenshot(page, 'start-page-sv');
    await expectNoAccessibilityViolations(page, testInfo);
  });

  test('the demo sign-in page itself is accessible', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(
      page.getByRole('heading', { name: 'Logga in i demoportalen' }),
    ).toBeVisible();
    await keepScreenshot(page, 'demo-sign-in');
    await expectNoAccessibilityViolations(page, testInfo);
  });
});
