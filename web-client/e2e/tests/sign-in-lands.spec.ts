import { expect, test } from '@playwright/test';
import { PHONE, screen, signedIn } from './support';

// Every sign-in lands on the page the person asked for (issue 23): the start page, or a deep link opened signed out.

test('a first visit to a deep link offers sign-in without saying a session ended', async ({ page }) => {
  await page.goto('/surveys');
  await expect(page.getByText('Sign in with your school account to see this page.')).toBeVisible();
  await expect(page.getByText(/Your session has ended/)).toHaveCount(0);
  await screen(page, 'deep-link-signed-out');
});

test('a school leader signing in from the start page lands on their home page', async ({ browser }) => {
  const head = await signedIn(browser, 'head.oakfield', '/', 'Welcome');
  await expect(head.getByRole('main').getByRole('link', { name: 'Approvals' })).toBeVisible();
  await screen(head, 'home-school-leader');
  await head.context().close();
});

test('a carer who opened /surveys signed out lands on their surveys after signing in', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/surveys', 'Surveys');
  await expect(carer.getByRole('heading', { name: 'Surveys waiting for you' })).toBeVisible();
  await screen(carer, 'surveys-after-sign-in');
  await carer.context().close();
});

test('a carer on a phone signs in from the start page and lands on their home page', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/', 'Welcome', PHONE);
  await expect(carer.getByRole('main').getByRole('link', { name: 'My feed' })).toBeVisible();
  await screen(carer, 'home-carer-phone');
  await carer.context().close();
});

test('a carer on a phone follows a link to their feed, signs in and lands on the feed', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/feed', 'My feed', PHONE);
  await expect(carer.getByRole('article').first().or(carer.getByText(/Nothing here yet/))).toBeVisible();
  await screen(carer, 'feed-after-sign-in-phone');
  await carer.context().close();
});
