import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the running demo portal, in Debian's Chromium (a Playwright browser
 * download does not work on our machines). `scripts/test.sh` installs Chromium when missing.
 * Set PLAYWRIGHT_URL to test a portal that is already running instead of starting one.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-artifacts/report' }],
  ],
  outputDir: 'e2e-artifacts/results',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // `yarn start` runs the frontend dev server (port 3000) and the backend (7007); the tests wait
  // for the backend's answer on the page itself.
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : {
        command:
          'yarn start --config ../../app-config.yaml --config ../../app-config.e2e.yaml',
        url: baseURL,
        reuseExistingServer: !process.env.CI,
        timeout: 240_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
