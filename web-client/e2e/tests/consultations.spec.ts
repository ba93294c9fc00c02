import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PASSWORD, unique } from './support';

const artifacts = process.env.CHORUS_E2E_ARTIFACTS ?? new URL('../../target/e2e-artifacts', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };

/**
 * Keycloak's chorus-web client accepts only its known origins as redirect targets. With CHORUS_E2E_ALIAS set to one
 * of them (e.g. http://127.0.0.1:18090), the browser uses that origin and every request to it is answered by the
 * portal under test (CHORUS_WEB_URL): nothing else listens on the alias, nothing reaches it.
 */
const REAL = (process.env.CHORUS_WEB_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
const ALIAS = process.env.CHORUS_E2E_ALIAS?.replace(/\/$/, '');

if (ALIAS) {
  // The alias is answered from within the browser, which Chromium's local-network checks would refuse to Keycloak.
  test.use({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
    },
  });
}

async function signedIn(browser: Browser, username: string, path = '/'): Promise<Page> {
  const context = await browser.newContext(ALIAS ? { baseURL: ALIAS } : {});
  if (ALIAS) {
    await context.route(`${ALIAS}/**`, async (route) => {
      const request = route.request();
      const headers = { ...request.headers() };
      if (headers.origin) headers.origin = REAL;
      const response = await route.fetch({ url: REAL + request.url().slice(ALIAS.length), headers });
      await route.fulfill({ response });
    });
  }
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await page.waitForURL(/\/realms\/chorus\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  if (path !== '/') await open(page, path);
  return page;
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Screenshot, then axe-core over WCAG 2.x A/AA: this journey's screens must have no violation at all. */
async function checked(page: Page, name: string) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: `${artifacts}/screens/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility of ${name}`).toEqual([]);
}

test.describe.serial('consultations', () => {
  const title = unique('Sports premium');
  const ideaTitle = unique('A climbing wall');
  let address = '';

  test('a school leader creates a consultation and lands on it, its promises stated', async ({ browser }) => {
    const head = await signedIn(browser, 'head.oakfield', '/consultations');
    await expect(head.getByRole('heading', { name: 'Consultations', level: 1 })).toBeVisible();
    await checked(head, 'consultations-leader-list');
    await head.getByRole('link', { name: 'New consultation' }).click();
    await expect(head.getByRole('heading', { name: 'New consultation', level: 1 })).toBeVisible();
    await head.getByLabel('Title', { exact: true }).fill(title);
    await head.getByLabel('The question you ask').fill('How should we spend the sports premium?');
    await head.getByLabel('Who takes the decision').fill('the governing body');
    await head.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
    await head.getByRole('checkbox', { name: 'Decision', exact: true }).uncheck();
    await checked(head, 'consultation-new');
    await head.getByRole('button', { name: 'Create the consultation' }).click();

    await expect(head.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(head).toHaveURL(/\/consultations\/[^/]+$/);
    address = new URL(head.url()).pathname;
    const promises = head.getByRole('region', { name: 'Before you take part' });
    await expect(promises.getByText(/the governing body decides/)).toBeVisible();
    await expect(promises.getByText(/one voice per child/)).toBeVisible();
    await expect(head.getByRole('list').filter({ hasText: 'Ideas from' }).getByRole('listitem')).toHaveCount(4);
    await checked(head, 'consultation-leader');
    await head.context().close();
  });

  test('a carer at phone width opens it, proposes an idea, supports it and comments', async ({ browser }) => {
    const carer = await signedIn(browser, 'carer.demo');
    await carer.setViewportSize(PHONE);
    await open(carer, '/consultations');
    await checked(carer, 'consultations-carer-phone');
    await carer.getByRole('link', { name: title }).click();
    await expect(carer.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(carer.getByRole('region', { name: 'Before you take part' }).getByText(/You may withdraw a support/)).toBeVisible();
    await checked(carer, 'consultation-carer-phone');

    await carer.getByLabel('Title', { exact: true }).fill(ideaTitle);
    await carer.getByLabel('Your idea').fill('The juniors would climb at break time.');
    await carer.getByLabel('Category (optional)').fill('Equipment');
    await carer.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(carer.getByText('Your idea has been sent.')).toBeVisible();
    const idea = carer.getByRole('listitem').filter({ has: carer.getByRole('heading', { name: ideaTitle }) });
    await expect(idea.getByText('0 supports')).toBeVisible();

    await idea.getByRole('button', { name: `Support: ${ideaTitle}`, exact: true }).click();
    await expect(idea.getByText('Thank you: your support is counted.')).toBeVisible();
    await expect(idea.getByText('1 support', { exact: true })).toBeVisible();

    const discussion = carer.getByRole('region', { name: 'Discussion' });
    await discussion.getByRole('radio', { name: 'For' }).check();
    await discussion.getByLabel('Your comment').fill('Yes please, the climbing frame is worn out.');
    await discussion.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(discussion.getByText('Your comment has been posted.')).toBeVisible();
    await expect(discussion.getByText('Yes please, the climbing frame is worn out.')).toBeVisible();
    await checked(carer, 'consultation-carer-phone-after');
    await carer.context().close();
  });

  test('the leader advances the phase and publishes the outcome, which the carer then reads', async ({ browser }) => {
    const head = await signedIn(browser, 'head.oakfield', address);
    await expect(head.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await head.getByRole('button', { name: 'Start the next phase now' }).click();
    await expect(head.getByText('The consultation is now at: Deliberation.')).toBeVisible();
    await head.getByRole('button', { name: 'Start the next phase now' }).click();
    await expect(head.getByText('The consultation is now at: Outcome.')).toBeVisible();

    await head.getByLabel('Decision', { exact: true }).fill('We will build a climbing wall');
    await head.getByLabel('Why', { exact: true }).fill('It had the most support from families.');
    await head.getByRole('checkbox', { name: ideaTitle }).check();
    await head.getByRole('button', { name: 'Publish the outcome' }).click();
    await expect(head.getByText('The outcome is published. Those who took part are told.')).toBeVisible();

    await head.getByLabel('What will be done').first().fill('Order the wall');
    await head.getByLabel('Owner', { exact: true }).first().fill('Mr Hughes');
    await head.getByRole('button', { name: 'Save action' }).first().click();
    await expect(head.getByRole('heading', { name: 'Order the wall', exact: true })).toBeVisible();
    await checked(head, 'consultation-outcome-leader');
    await head.context().close();

    const carer = await signedIn(browser, 'carer.demo');
    await carer.setViewportSize(PHONE);
    await open(carer, address);
    const outcome = carer.getByRole('region', { name: 'You said, we did' });
    await expect(outcome.getByText('We will build a climbing wall')).toBeVisible();
    await expect(outcome.getByText(ideaTitle)).toBeVisible();
    await expect(outcome.getByRole('heading', { name: 'Order the wall', exact: true })).toBeVisible();
    await checked(carer, 'consultation-outcome-carer-phone');
    await carer.context().close();
  });
});
