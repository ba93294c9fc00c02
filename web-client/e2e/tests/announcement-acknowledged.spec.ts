import { expect, test } from '@playwright/test';
import { screen, signedIn, unique } from './support';

test('a school leader publishes an announcement needing acknowledgement; a carer acknowledges; the dashboard shows it live', async ({ browser }) => {
  const title = unique('Harvest festival');

  const leader = await signedIn(browser, 'head.oakfield', '/announcements/new', 'New announcement');
  await leader.getByLabel('Title', { exact: true }).fill(title);
  await leader.getByLabel(/^Message/).fill('Please bring a tin for the food bank by Friday.');
  await leader.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
  await expect(leader.getByText(/Reaches [\d,]+ (people|person)/)).toBeVisible();
  await leader.getByRole('radio', { name: 'Important' }).check();
  await leader.getByRole('checkbox', { name: /acknowledge they have read it/ }).check();
  await expect(leader.getByRole('article', { name: 'Preview as a carer sees it' })).toContainText('food bank');
  await screen(leader, 'compose-announcement');
  await leader.getByRole('button', { name: 'Publish' }).click();
  // Nothing goes out before the leader has seen how many people it reaches.
  const confirm = leader.getByRole('alertdialog', { name: 'Ready to publish?' });
  await expect(confirm).toContainText(/This will be sent to [\d,]+ people now/);
  await screen(leader, 'compose-confirm');
  await confirm.getByRole('button', { name: /^Publish to [\d,]+ people$/ }).click();
  await expect(leader.getByText(/Published/)).toBeVisible();
  await leader.getByRole('link', { name: 'Reach and acknowledgements' }).click();
  const acknowledged = leader.getByTestId('reach-acknowledged');
  await expect(acknowledged).toHaveText('0');
  // carers by name with the children the post concerns and their classes, never directory ids, a page at a time
  const followUp = leader.getByTestId('still-to-acknowledge');
  await expect(followUp).toContainText('Sarah Bennett');
  await expect(followUp).not.toContainText('car-0');
  await expect(followUp).not.toContainText('pup-0');
  await expect(followUp.getByRole('row', { name: /Sarah Bennett/ })).toContainText(/\w+ \w+ \([^)]+\)/);
  await expect(followUp.locator('tbody tr')).toHaveCount(50);
  await leader.getByRole('button', { name: 'Show more carers' }).click();
  await expect(followUp.locator('tbody tr')).toHaveCount(100);
  await screen(leader, 'reach-dashboard-before');

  const carer = await signedIn(browser, 'carer.demo', '/feed', 'My feed');
  const item = carer.getByRole('article', { name: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText('food bank');
  // carer.demo has children at Oakfield and Riverside: the post says which child it is about
  await expect(item).toContainText(/About [^,()]+ \(Oakfield Primary\)/);
  await expect(item).not.toContainText('Riverside Academy');
  await screen(carer, 'carer-feed');
  await item.getByRole('button', { name: 'I have read this' }).click();
  await expect(item.getByText(/^Acknowledged/)).toBeVisible();

  // The leader's page was left open: the live stream brings the acknowledgement without a reload.
  await expect(acknowledged).toHaveText('1');
  await expect(followUp).not.toContainText('Sarah Bennett');
  await screen(leader, 'reach-dashboard-after');

  await leader.getByRole('link', { name: 'Announcements', exact: true }).click();
  await expect(leader.getByRole('cell', { name: title, exact: true })).toBeVisible();
  await screen(leader, 'announcements-list');
  await leader.getByRole('link', { name: 'Approvals' }).click();
  await expect(leader.getByRole('heading', { name: 'Waiting for approval' })).toBeVisible();
  await screen(leader, 'approvals');
  await carer.context().close();
  await leader.context().close();
});
