import { expect, test } from '@playwright/test';
import { screen, signedIn, unique } from './support';

test('a head sends to Oakfield staff; a teacher signs in and reads it in their feed', async ({ browser }) => {
  const title = unique('Staff briefing');
  const head = await signedIn(browser, 'head.oakfield', '/announcements/new', 'New announcement');
  await head.getByLabel('Title', { exact: true }).fill(title);
  await head.getByLabel(/^Message/).fill('Tomorrow’s briefing is in the hall at 8:15.');
  await head.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
  await head.getByRole('checkbox', { name: 'Parents and carers' }).uncheck();
  await head.getByRole('checkbox', { name: 'Staff' }).check();
  await expect(head.getByText(/Reaches [\d,]+ (people|person)/)).toBeVisible();
  await head.getByRole('button', { name: 'Publish' }).click();
  await head.getByRole('button', { name: /^Publish to [\d,]+ (people|person)$/ }).click();
  await expect(head.getByText(/Published/)).toBeVisible();
  await head.context().close();

  const teacher = await signedIn(browser, 'teacher.oakfield', '/feed', 'My feed');
  await expect(teacher.getByText('You do not have access to this.')).toHaveCount(0);
  const item = teacher.getByRole('article', { name: title });
  await expect(item).toContainText('briefing is in the hall');
  await expect(item).toContainText('From Oakfield Primary');
  await screen(teacher, 'staff-feed');
  await teacher.context().close();
});
