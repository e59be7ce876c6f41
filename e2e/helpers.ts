import AxeBuilder from '@axe-core/playwright';
import { expect, Page, TestInfo } from '@playwright/test';

/**
 * Signs in through the demo sign-in page as the named demo user (examples/org). Just after the
 * portal starts the catalog may not hold the users yet (sign-in answers 404), so it tries again.
 */
export async function signInAs(page: Page, displayName: string) {
  const signedIn = page.locator(
    'nav[aria-label="sidebar nav"] a[href="/settings"]',
  );
  await expect(async () => {
    await page.goto('/');
    await page
      .getByRole('button', {
        name: new RegExp(`^(Logga in som|Sign in as) ${displayName}$`),
      })
      .click();
    await signedIn.waitFor({ timeout: 10_000 });
  }).toPass({ timeout: 80_000, intervals: [3_000] });
}

/** Fails the test on any WCAG 2.0/2.1 A or AA violation axe finds on the page as it is now. */
export async function expectNoAccessibilityViolations(
  page: Page,
  testInfo: TestInfo,
) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // react-aria's visually hidden live announcer reads a selection aloud through a role="img"
    // whose aria-labelledby points at the option that was just chosen; once the list box closes
    // that element is gone and axe reports "role-img-alt" on a node no one can see or reach.
    .exclude('[data-live-announcer]')
    .analyze();
  await testInfo.attach('axe-results', {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const summary = results.violations.map(
    v =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map(n => `${n.target.join(' ')} ${n.html.slice(0, 200)}`)
        .join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/** Keeps a screenshot of the page under e2e-artifacts/screenshots for people to look at. */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: `e2e-artifacts/screenshots/${name}.png`,
    fullPage: true,
  });
}
