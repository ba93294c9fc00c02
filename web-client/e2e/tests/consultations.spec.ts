import { expect, test, type Page } from '@playwright/test';
import { PHONE, screen, signedIn, unique } from './support';

/** This journey's screens must have no axe-core violation at all, not only no serious one. */
const checked = (page: Page, name: string) => screen(page, name, { every: true });

test.describe.serial('consultations', () => {
  const title = unique('Sports premium');
  const ideaTitle = unique('A climbing wall');
  let address = '';

  test('a school leader creates a consultation and lands on it, its promises stated', async ({ browser }) => {
    const head = await signedIn(browser, 'head.oakfield', '/consultations', 'Consultations');
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
    const carer = await signedIn(browser, 'carer.demo', '/consultations', 'Consultations', PHONE);
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
    await expect(idea.getByText(/^You support this idea/)).toBeVisible();
    await expect(idea.getByRole('button', { name: `Withdraw my support: ${ideaTitle}`, exact: true })).toBeVisible();
    await expect(idea.getByRole('button', { name: `Support: ${ideaTitle}`, exact: true })).toHaveCount(0);

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
    const head = await signedIn(browser, 'head.oakfield', address, title);
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

    const carer = await signedIn(browser, 'carer.demo', address, title, PHONE);
    const outcome = carer.getByRole('region', { name: 'You said, we did' });
    await expect(outcome.getByText('We will build a climbing wall')).toBeVisible();
    await expect(outcome.getByText(/^Published by .+, School leader on /)).toBeVisible();
    await expect(outcome.getByText(ideaTitle)).toBeVisible();
    await expect(outcome.getByRole('heading', { name: 'Order the wall', exact: true })).toBeVisible();
    await checked(carer, 'consultation-outcome-carer-phone');
    await carer.context().close();
  });
});
