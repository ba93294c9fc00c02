import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // With an aliased origin (ADR 0145) the page is answered from within the browser; its calls to Keycloak must pass.
  ...(process.env.CHORUS_E2E_ALIAS ? ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] : []),
];

const artifacts = process.env.CHORUS_E2E_ARTIFACTS ?? new URL('../target/e2e-artifacts', import.meta.url).pathname;

export default defineConfig({
  testDir: './tests',
  outputDir: `${artifacts}/results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 420_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['html', { outputFolder: `${artifacts}/report`, open: 'never' }]],
  use: {
    baseURL: process.env.CHORUS_WEB_URL ?? 'http://127.0.0.1:8090',
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
