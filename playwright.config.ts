import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
export const E2E_DATABASE = 'data/e2e.db';

// Debian's chromium (no Playwright browser download is possible here); flags keep it off the network.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  // Read-only specs run first against the pristine seeded record; e2e/journeys/ (specs that
  // change data) run after them, and assert changes as deltas so their order does not matter.
  projects: [
    { name: 'read-only', testIgnore: /journeys\//, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    { name: 'journeys', testMatch: /journeys\/.*\.spec\.ts/, dependencies: ['read-only'], use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      DATABASE_PATH: E2E_DATABASE,
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'admin-password-e2e',
      MIZAN_DEMO_PASSWORD: 'demo-password-e2e',
      // Test-only IATI publisher (XX- is no registration agency): see docs/iati.md.
      MIZAN_IATI_REPORTING_ORG_REF: 'XX-MIZAN-E2E',
      MIZAN_IATI_REPORTING_ORG_TYPE: '40',
      MIZAN_IATI_REPORTING_ORG_NAME: 'Mizan end-to-end test publisher',
      MIZAN_IATI_REPORTING_ORG_NAME_AR: 'ناشر ميزان للاختبار الشامل',
    },
  },
});
