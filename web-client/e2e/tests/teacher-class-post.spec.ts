import { expect, test } from '@playwright/test';
import { screen, signedIn, unique } from './support';

test('a teacher is offered only their own classes, sees the reach and sends the post for approval', async ({ browser }) => {
  const title = unique('PE kit');
  const teacher = await signedIn(browser, 'teacher.oakfield', '/announcements/new', 'New announcement');
  await expect(teacher.getByLabel('Reach')).toHaveValue('CLASSES');
  await expect(teacher.getByLabel('Reach').getByRole('option')).toHaveCount(1);
  const classes = teacher.getByRole('group', { name: 'Chosen classes' }).getByRole('checkbox');
  // teacher.oakfield teaches RB and RO, not the school's 28 classes
  await expect(classes).toHaveCount(2);
  await teacher.getByRole('checkbox', { name: 'RB', exact: true }).check();
  await expect(teacher.getByText(/Reaches [\d,]+ (people|person)/)).toBeVisible();
  await teacher.getByLabel('Title', { exact: true }).fill(title);
  await teacher.getByLabel(/^Message/).fill('Please send trainers on Thursday.');
  await expect(teacher.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await screen(teacher, 'compose-teacher');
  await teacher.getByRole('button', { name: 'Send for approval' }).click();
  await expect(teacher.getByText('Sent to your school leader for approval.')).toBeVisible();
  await expect(teacher.getByText('You do not have access to this.')).toHaveCount(0);
  await teacher.context().close();

  // The head sees who wrote it (by name), who it goes to and how loudly.
  const head = await signedIn(browser, 'head.oakfield', '/approvals', 'Waiting for approval');
  const card = head.getByRole('article', { name: title });
  await expect(card).toContainText('Written by Priya Shah');
  await expect(card).not.toContainText('stf-');
  await expect(card.getByTestId('approval-audience')).toHaveText('To: Parents and carers in RB (Oakfield Primary)');
  await expect(card.getByTestId('approval-priority')).toHaveText('Priority: Normal');
  await screen(head, 'approval-card');
  await head.context().close();
});
