import { expect, test } from '@playwright/test';
import { PHONE, open, screen, signedIn } from './support';

test('the start page explains Chorus and offers sign-in, accessibly', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Chorus' })).toBeVisible();
  await screen(page, 'start-signed-out');
});

test('a trust leader sees the trust dashboard, surveys and their account', async ({ browser }) => {
  const leader = await signedIn(browser, 'leader.trust', '/', 'Welcome');
  await expect(leader.getByRole('main').getByRole('link', { name: 'Trust dashboard' })).toBeVisible();
  await screen(leader, 'home-trust-leader');
  await leader.getByRole('link', { name: 'Trust dashboard' }).first().click();
  await expect(leader.getByTestId('trust-table')).toContainText('Oakfield Primary');
  await screen(leader, 'trust-dashboard');
  await open(leader, '/surveys', 'Surveys');
  await screen(leader, 'surveys-managed');
  await open(leader, '/me', 'My account');
  await expect(leader.getByText('stf-00001')).toBeVisible();
  await screen(leader, 'my-account');
  await leader.context().close();
});

test('a carer sets notification preferences, reads the privacy notice and their children’s consent page; on a phone the menu folds away', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/settings', 'Settings');
  await expect(carer.getByRole('button', { name: 'Save settings' })).toBeVisible();
  await screen(carer, 'settings');
  await open(carer, '/privacy', 'Privacy');
  await expect(carer.getByRole('heading', { name: 'What Chorus holds about you' })).toBeVisible();
  await screen(carer, 'privacy');
  await open(carer, '/children/consent', 'Consent for my children');
  await expect(carer.getByText(/None of your children needs your consent/)).toBeVisible();
  await screen(carer, 'children-consent');
  await carer.setViewportSize(PHONE.viewport!);
  await open(carer, '/feed', 'My feed');
  const menu = carer.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(carer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My feed' })).toBeVisible();
  await screen(carer, 'feed-phone');
  await carer.context().close();
});

test('a deep link survives sign-in and a reload', async ({ browser }) => {
  const carer = await signedIn(browser, 'carer.demo', '/me', 'My account');
  await expect(carer.getByText('car-000001')).toBeVisible();
  await carer.reload();
  await expect(carer.getByRole('heading', { name: 'My account' })).toBeVisible();
  await expect(carer.getByText('car-000001')).toBeVisible();
  await carer.context().close();
});
