import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const PASSWORD = process.env.CHORUS_DEMO_PASSWORD ?? 'chorus-demo';
const artifacts = process.env.CHORUS_E2E_ARTIFACTS ?? new URL('../../target/e2e-artifacts', import.meta.url).pathname;

/** A carer's phone (the width the issue names). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const NOT_FOUND = 'We could not find that page.';

/**
 * Keycloak's chorus-web client accepts only its known origins as redirect targets (ADR 0145). With CHORUS_E2E_ALIAS
 * set to one of them, the browser opens the app there and every request to it is answered by the portal under test
 * (CHORUS_WEB_URL): nothing listens on the alias and nothing reaches it.
 */
const REAL = (process.env.CHORUS_WEB_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
const ALIAS = process.env.CHORUS_E2E_ALIAS?.replace(/\/$/, '');

async function freshContext(browser: Browser, options: BrowserContextOptions) {
  const context = await browser.newContext(ALIAS ? { ...options, baseURL: ALIAS } : options);
  trackRequests(context);
  if (ALIAS) {
    await context.route(`${ALIAS}/**`, async (route) => {
      const request = route.request();
      const headers = { ...request.headers() };
      if (headers.origin) headers.origin = REAL;
      await route.fulfill({ response: await route.fetch({ url: REAL + request.url().slice(ALIAS.length), headers }) });
    });
  }
  return context;
}

/**
 * A fresh browser profile that opens `path` signed out, signs in on the real Keycloak login page from there and
 * checks the page the person lands on: the address they asked for and its level-1 heading, never "not found".
 */
export async function signedIn(browser: Browser, username: string, path: string, landing: string | RegExp,
                               options: BrowserContextOptions = {}): Promise<Page> {
  const context = await freshContext(browser, options);
  const page = await context.newPage();
  await page.goto(path);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/realms\/chorus\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectLandedOn(page, path, landing);
  return page;
}

/** The page shows `path` with its level-1 heading, not the not-found page. */
export async function expectLandedOn(page: Page, path: string, landing: string | RegExp) {
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
  await expect(page.getByRole('heading', { level: 1, name: landing, exact: typeof landing === 'string' })).toBeVisible();
  await expect(page.getByText(NOT_FOUND)).toHaveCount(0);
}

/** Opens an address in the signed-in app (the session survives in the tab) and checks the page it shows. */
export async function open(page: Page, path: string, landing: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectLandedOn(page, path, landing);
}

/**
 * Saves a full-page screenshot of a main screen and checks it with axe-core: no serious or critical
 * violation of WCAG 2.0/2.1/2.2 A and AA (with `every`, no violation at all).
 */
export async function screen(page: Page, name: string, { every = false } = {}) {
  await settled(page);
  await page.screenshot({ path: `${artifacts}/screens/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter((v) => every || v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `accessibility of ${name}`).toEqual([]);
}

export function unique(prefix: string): string {
  return `${prefix} ${new Date().toISOString().slice(11, 19)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** What each browser profile has in flight, live streams left out (a page keeps its stream open while shown). */
interface Traffic { pending: Set<Request>; lastChange: number }
const traffic = new WeakMap<BrowserContext, Traffic>();
const QUIET_MS = 500;
const SETTLE_LIMIT_MS = 60_000;

function trackRequests(context: BrowserContext) {
  const seen: Traffic = { pending: new Set(), lastChange: Date.now() };
  traffic.set(context, seen);
  const change = (request: Request, inFlight: boolean) => {
    if (request.headers()['accept'] === 'text/event-stream') return;
    if (inFlight) seen.pending.add(request); else seen.pending.delete(request);
    seen.lastChange = Date.now();
  };
  context.on('request', (request) => change(request, true));
  context.on('requestfinished', (request) => change(request, false));
  context.on('requestfailed', (request) => change(request, false));
}

/**
 * Waits until the page has loaded what it shows: no request in flight for half a second, as Playwright's
 * 'networkidle' means, but with live streams aside. 'networkidle' never comes while a page follows a live stream
 * (a vote's results, the opinion map): waiting for it cost a minute per screen. Pages not opened by `signedIn`
 * (a test's own page) still wait for 'networkidle'.
 */
async function settled(page: Page) {
  const seen = traffic.get(page.context());
  if (!seen) {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    return;
  }
  const limit = Date.now() + SETTLE_LIMIT_MS;
  while (Date.now() < limit && (seen.pending.size > 0 || Date.now() - seen.lastChange < QUIET_MS)) {
    await page.waitForTimeout(100);
  }
}
