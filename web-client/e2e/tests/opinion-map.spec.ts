import { expect, test, type Page } from '@playwright/test';
import { PHONE, open, screen, signedIn, unique } from './support';

/**
 * A consultation's deliberation phase with an opinion map: the school leader opens one and seeds statements, a carer
 * on a phone votes on them one at a time and adds their own, and the leader sees the map and the report.
 */
test.describe.serial('opinion map', () => {
  const title = unique('School day');
  let consultation = '';
  let conversation = '';
  const seeds = ['School should start at 9:30', 'Buses would have to change', 'After-school clubs would finish too late'];

  test('a school leader opens an opinion map in the deliberation phase and seeds statements', async ({ browser }) => {
    const head = await signedIn(browser, 'head.oakfield', '/consultations', 'Consultations');
    await withoutRelayedStream(head);
    await head.getByRole('link', { name: 'New consultation' }).click();
    await head.getByLabel('Title', { exact: true }).fill(title);
    await head.getByLabel('The question you ask').fill('Should the school day start later?');
    await head.getByLabel('Who takes the decision').fill('the governing body');
    await head.getByRole('checkbox', { name: 'Oakfield Primary' }).check();
    await head.getByRole('button', { name: 'Create the consultation' }).click();
    await expect(head.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    consultation = new URL(head.url()).pathname;
    await head.getByRole('button', { name: 'Start the next phase now' }).click();
    await expect(head.getByText('The consultation is now at: Deliberation.')).toBeVisible();

    const deliberation = head.getByRole('region', { name: 'Where people agree and where they split' });
    await deliberation.getByRole('button', { name: 'Open an opinion map for this consultation' }).click();
    await deliberation.getByRole('link', { name: 'See the map' }).click();
    await expect(head.getByRole('heading', { name: 'Should the school day start later?', level: 1 })).toBeVisible();
    conversation = new URL(head.url()).pathname;
    const seed = head.getByRole('form', { name: 'Seed a statement' });
    for (const text of seeds) {
      await seed.getByLabel('Your statement').fill(text);
      await seed.getByRole('button', { name: 'Add statement' }).click();
      await expect(seed.getByText('Your statement is added: others are voting on it now.')).toBeVisible();
      await expect(seed.getByLabel('Your statement')).toHaveValue('');
    }
    await close(head);
  });

  test('a carer on a phone votes one statement at a time with large buttons, and adds a statement', async ({ browser }) => {
    const carer = await signedIn(browser, 'carer.demo', consultation, title, PHONE);
    await withoutRelayedStream(carer);
    await carer.getByRole('region', { name: 'Where people agree and where they split' })
      .getByRole('link', { name: 'Vote on statements' }).click();
    await expect(carer.getByRole('heading', { name: 'Should the school day start later?', level: 1 })).toBeVisible();
    await expect(carer).toHaveURL((url) => url.pathname === conversation);
    await expect(carer.getByText('You have voted on 0 of 3 statements.', { exact: false })).toBeVisible();
    await screen(carer, 'opinion-map-vote-phone', { every: true });

    const card = carer.getByRole('region', { name: 'Vote on this statement' });
    const agree = card.getByRole('button', { name: 'Agree', exact: true });
    const box = await agree.boundingBox();
    expect(box!.height, 'a thumb-sized target').toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    const seen = new Set<string>();
    for (const vote of ['Agree', 'Disagree', 'Pass / unsure']) {
      const statement = await shownStatement(carer);
      expect(seeds).toContain(statement);
      expect(seen.has(statement), 'one statement at a time, never the same twice').toBe(false);
      seen.add(statement);
      await card.getByRole('button', { name: vote, exact: true }).click();
      await expect(card.getByText(statement, { exact: true })).toHaveCount(0);
    }
    await expect(card.getByText(/You have voted on every statement so far/)).toBeVisible();
    await expect(carer.getByText('You have voted on 3 of 3 statements.', { exact: false })).toBeVisible();

    const add = carer.getByRole('form', { name: 'Add your own statement' });
    await add.getByLabel('Your statement').fill('A later start would help teenagers sleep');
    await add.getByRole('button', { name: 'Add statement' }).click();
    await expect(add.getByText(/Your statement (is added|is sent)/)).toBeVisible();
    await close(carer);
  });

  test('the leader sees the map in words and the report', async ({ browser }) => {
    const head = await signedIn(browser, 'head.oakfield', conversation, 'Should the school day start later?');
    await withoutRelayedStream(head);
    const map = head.getByRole('region', { name: 'The map' });
    await expect(map.getByText(/(person|people) voted; \d+ placed in a group/)).toBeVisible();
    await expect(map.getByRole('heading', { name: 'Opinion groups' })).toBeVisible();
    await expect(map.getByRole('heading', { name: 'What most people agree on' })).toBeVisible();
    await head.getByRole('link', { name: 'Report for the outcome' }).click();
    await expect(head.getByRole('heading', { name: 'Should the school day start later?', level: 1 })).toBeVisible();
    const participation = head.getByRole('region', { name: 'Participation' });
    await expect(participation.getByText('Statements shown')).toBeVisible();
    await expect(head.getByRole('img', { name: /The opinion map as a picture/ })).toBeVisible();
    await screen(head, 'opinion-map-report', { every: true });
    await open(head, consultation, title);
    await close(head);
  });
});

/**
 * With an aliased origin (ADR 0145) a live stream cannot be relayed (the relay waits for the end of a response that
 * never ends): the map's stream is refused, so the page shows the map it read once and says it is reconnecting.
 */
async function withoutRelayedStream(page: Page) {
  if (process.env.CHORUS_E2E_ALIAS) await page.context().route('**/map/stream', (route) => route.abort());
}

/**
 * Closes the browser profile. With an aliased origin (ADR 0145) the map's live stream is a relayed request that never
 * ends: its route is let go first, or closing the profile fails it.
 */
async function close(page: Page) {
  await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  await page.context().close();
}

async function shownStatement(page: Page): Promise<string> {
  const quote = page.getByRole('region', { name: 'Vote on this statement' }).locator('blockquote');
  await expect(quote).toBeVisible();
  return (await quote.textContent()) ?? '';
}
