import { expect, test } from '@playwright/test';
import { screen, signedIn, unique } from './support';

test('a school leader builds a survey, a carer answers it, the results chart updates', async ({ browser }) => {
  const title = unique('School lunches');

  const staff = await signedIn(browser, 'head.oakfield', '/surveys/new', 'New survey');
  await staff.getByLabel('Survey title').fill(title);
  await staff.getByLabel('Introduction for the people answering').fill('Tell us what you think of lunches.');
  await staff.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
  // named: the owner sees every answer as it comes (anonymous and confidential results stay hidden under five)
  await staff.getByRole('radio', { name: 'Named' }).check();
  await staff.getByLabel('Question', { exact: true }).fill('Does your child have school lunch?');
  await staff.getByLabel('Choices (one per line)').fill('Yes\nNo');
  await staff.getByRole('button', { name: 'Add a question' }).click();
  const second = staff.getByRole('group', { name: 'Question 2' });
  await second.getByLabel('Question', { exact: true }).fill('Lunches are healthy');
  await second.getByLabel('Type').selectOption('LIKERT');
  await second.getByLabel('Show only when').selectOption({ index: 1 });
  await second.getByRole('checkbox', { name: 'Yes' }).check();
  await screen(staff, 'survey-builder');
  await staff.getByRole('button', { name: 'Publish survey' }).click();
  await expect(staff.getByRole('heading', { name: `Results: ${title}` })).toBeVisible();
  await expect(staff.getByTestId('respondents')).toHaveText('0 responses');

  const carer = await signedIn(browser, 'carer.demo', '/surveys', 'Surveys');
  const waiting = carer.getByRole('listitem').filter({ has: carer.getByRole('heading', { name: title }) });
  await screen(carer, 'surveys-waiting');
  await waiting.getByRole('link').first().click();
  await expect(carer.getByText(/Your name is recorded with your answers/)).toBeVisible();
  await carer.getByRole('radio', { name: 'Yes' }).check();
  await carer.getByRole('radio', { name: 'Agree', exact: true }).check();
  await expect(carer.getByText('Your answers so far are saved.')).toBeVisible();
  await screen(carer, 'answer-survey');
  await carer.getByRole('button', { name: 'Send my answers' }).click();
  await expect(carer.getByText(/Thank you/)).toBeVisible();

  // Live results: the open results page updates by itself.
  await expect(staff.getByTestId('respondents')).toHaveText('1 response');
  await expect(staff.getByRole('img', { name: /Question 1/ })).toBeVisible();
  await screen(staff, 'survey-results');
  await carer.context().close();
  await staff.context().close();
});
