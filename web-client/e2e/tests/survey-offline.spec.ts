import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { open, PHONE, screen, signedIn, unique } from './support';

/**
 * The connection drops: the browser says it is offline and nothing reaches the api. Calls to the api are also aborted
 * here, so that the test does not depend on how Playwright's offline mode meets the routes that answer an aliased
 * origin (support.ts) or the service worker.
 */
const cutOff = (route: Route) => route.abort('internetdisconnected');
async function offline(context: BrowserContext) {
  await context.route('**/api/**', cutOff);
  await context.setOffline(true);
}
async function online(context: BrowserContext) {
  await context.unroute('**/api/**', cutOff);
  await context.setOffline(false);
}

/** Waits until the surveys waiting (with their questions) are kept on the phone for the signed-in person. */
async function keptOnPhone(page: Page, title: string) {
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage)
    .filter((key) => key.startsWith('chorus.offline-surveys.'))
    .map((key) => localStorage.getItem(key) ?? '').join(''))).toContain(title);
}

test('a carer at phone width answers a survey first opened offline; it is sent when the connection returns', async ({ browser }) => {
  const title = unique('Museum trip');
  const staff = await signedIn(browser, 'head.oakfield', '/surveys/new', 'New survey');
  await staff.getByLabel('Survey title').fill(title);
  await staff.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
  await staff.getByRole('radio', { name: 'Named' }).check();
  await staff.getByLabel('Question', { exact: true }).fill('May your child join the museum trip?');
  await staff.getByLabel('Choices (one per line)').fill('Yes\nNo');
  await staff.getByRole('button', { name: 'Publish survey' }).click();
  await expect(staff.getByRole('heading', { name: `Results: ${title}` })).toBeVisible();
  // The results page follows a live stream answered through the alias route: let it go before closing.
  await staff.context().unrouteAll({ behavior: 'ignoreErrors' });
  await staff.context().close();

  const carer = await signedIn(browser, 'carer.demo', '/surveys', 'Surveys', PHONE);
  const waiting = carer.getByRole('listitem').filter({ has: carer.getByRole('heading', { name: title }) });
  await expect(waiting).toBeVisible();
  await keptOnPhone(carer, title);
  await screen(carer, 'surveys-before-offline-phone');

  await offline(carer.context());
  await waiting.getByRole('link').first().click();
  await expect(carer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(carer.getByText(/^You are offline: this is the survey as it was kept on this device/)).toBeVisible();
  await carer.getByRole('radio', { name: 'Yes' }).check();
  await carer.getByRole('button', { name: 'Send my answers' }).click();
  await expect(carer.getByText('Saved on this device; will be sent when you are back online.')).toBeVisible();
  await screen(carer, 'answer-survey-offline-phone');

  await online(carer.context());
  await expect(carer.getByText('Thank you. Your answers have been sent.')).toBeVisible();
  await screen(carer, 'answer-survey-sent-phone');
  await open(carer, '/surveys', 'Surveys');
  await expect(carer.getByRole('heading', { name: title })).toHaveCount(0);
  await carer.context().close();
});
