import { expect, test } from '@playwright/test';
import { open, screen, signedIn } from './support';

test('the start page explains Chorus and offers sign-in, accessibly', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Chorus' })).toBeVisible();
  await screen(page, 'start-signed-out');
});

test('a trust leader sees the trust dashboard, surveys and their account', async ({ browser }) => {
  const leader = await signedIn(browser, 'leader.trust');
  await screen(leader, 'home-trust-leader');
  await leader.getByRole('link', { name: 'Trust dashboard' }).first().click();
  await expect(leader.getByTestId('trust-table')).toContainText('Oakfield Primary');
  await screen(leader, 'trust-dashboard');
  await open(leader, '/surveys');
  await expect(leader.getByRole('heading', { name: 'Surveys', level: 1 })).toBeVisible();
  await screen(leader, 'surveys-managed');
  await open(leader, '/me');
  await expect(leader.getByText('stf-00001')).toBeVisible();
  await screen(leader, 'my-account');
  await leader.context().close();
});

test('a carer sets notification preferences; on a phone the menu folds away', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/preferences');
  await expect(carer.getByRole('heading', { name: 'Preferences' })).toBeVisible();
  await screen(carer, 'preferences');
  await carer.setViewportSize({ width: 375, height: 740 });
  await open(carer, '/feed');
  const menu = carer.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(carer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My feed' })).toBeVisible();
  await screen(carer, 'feed-phone');
  await carer.context().close();
});

test('a deep link survives sign-in and a reload', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/me');
  await carer.reload();
  await expect(carer.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(carer.getByText('car-000001')).toBeVisible();
  await carer.context().close();
});
