import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OpinionPage } from './OpinionPage';
import { fakeApi, renderPage, type Call } from '../../test/render';

const base = '/api/v1/opinions/conversations/conv-1';
const conversation = {
  id: 'conv-1', topic: 'Should school start later?', consultationId: 'c-1', strict: true,
  youLead: false, youTakePart: true, statementsShown: 3, yourVotes: 1,
};
const map = { version: 1, participants: 0, placed: 0, voteMinimum: 3, groups: [], consensusAgree: [], consensusDisagree: [], groupAware: [] };

function answers(extra: Record<string, unknown> = {}) {
  const queue = [{ id: 's-1', text: 'Start at 9:30', visibility: 'SHOWN' }, { id: 's-2', text: 'Buses must change', visibility: 'SHOWN' }];
  let votes = 1;
  return fakeApi({
    [`GET ${base}`]: () => ({ ...conversation, yourVotes: votes }),
    [`GET ${base}/next-statement`]: () => queue[0] ?? undefined,
    [`POST ${base}/votes`]: (call: Call) => {
      votes += 1;
      queue.shift();
      return { statementId: (call.body as { statementId: string }).statementId, vote: (call.body as { vote: string }).vote, replaced: false };
    },
    [`GET ${base}/map`]: map,
    ...extra,
  });
}

describe('A participant on the opinion map', () => {
  it('votes on one statement at a time, as the api routes them, and sees their progress', async () => {
    const { calls } = answers();
    renderPage(<OpinionPage />, { roles: ['pupil'], path: '/opinions/conv-1', route: '/opinions/:id' });
    expect(await screen.findByRole('heading', { name: 'Should school start later?' })).toBeInTheDocument();
    const card = await screen.findByRole('region', { name: 'Vote on this statement' });
    expect(await within(card).findByText('Start at 9:30')).toBeInTheDocument();
    expect(screen.getByText(/You have voted on 1 of 3 statements\. 2 more votes and you appear on the map\./)).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Agree' }));
    expect(await within(card).findByText('Buses must change')).toBeInTheDocument();
    expect(within(card).queryByText('Start at 9:30')).not.toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ statementId: 's-1', vote: 'AGREE' });
    expect(await screen.findByText(/You have voted on 2 of 3 statements\. One more vote/)).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Pass / unsure' }));
    expect(await within(card).findByText(/You have voted on every statement so far/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => (c.body as { vote: string }).vote)).toEqual(['AGREE', 'PASS']);
  });

  it('is told a second vote on a statement replaces the first', async () => {
    answers({
      [`POST ${base}/votes`]: { statementId: 's-1', vote: 'DISAGREE', replaced: true, note: 'Your new vote replaces your earlier one: one vote per statement counts.' },
    });
    renderPage(<OpinionPage />, { roles: ['pupil'], path: '/opinions/conv-1', route: '/opinions/:id' });
    await userEvent.click(await screen.findByRole('button', { name: 'Disagree' }));
    expect(await screen.findByText('Your new vote replaces your earlier one: one vote per statement counts.')).toBeInTheDocument();
  });

  it('adds a statement of at most 140 characters and is told it waits for moderation in a strict conversation', async () => {
    const { calls } = answers({
      [`POST ${base}/statements`]: { id: 's-9', text: 'Later start, later finish', seeded: false, visibility: 'AWAITING_APPROVAL' },
    });
    renderPage(<OpinionPage />, { roles: ['pupil'], path: '/opinions/conv-1', route: '/opinions/:id' });
    const box = await screen.findByLabelText('Your statement');
    expect(box).toHaveAttribute('maxLength', '140');
    expect(screen.getByText(/every statement waits for a moderator/)).toBeInTheDocument();
    await userEvent.type(box, 'Later start, later finish');
    expect(screen.getByText('115 characters left')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add statement' }));
    expect(await screen.findByText(/waits for a moderator to approve it before anyone sees it/)).toBeInTheDocument();
    const sent = calls.find((c) => c.url.endsWith('/statements'))!;
    expect(sent.body).toEqual({ text: 'Later start, later finish' });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();
    expect(box).toHaveValue('');
  });
});
