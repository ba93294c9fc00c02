import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BallotPage } from './BallotPage';
import { fakeApi, renderPage } from '../../test/render';

const options = [{ id: 'a', label: { en: 'Alder Uniforms' } }, { id: 'b', label: { en: 'Birch & Co' } }, { id: 'c', label: { en: 'Cedar Schoolwear' } }];
const ranked = {
  id: 'd-1', question: { en: 'Which uniform supplier?' }, options, method: 'RANKED_IRV', ballotUnit: 'PER_CHILD', anonymity: 'CONFIDENTIAL',
  status: 'OPEN', closesAt: '2026-12-20T17:00:00Z', hideResultsUntilClose: false,
  statements: ['Counted by instant runoff as RCTab counts it; ties are broken by earlier rounds\' counts, then the listed order.',
    'One ballot per child, shared by the child\'s carers: the last one cast counts.', 'You can change your ballot until the vote closes.'],
  units: [{ unit: 'pup-1', label: 'Amelia (Oakfield Primary)', cast: true }, { unit: 'pup-2', label: 'Oliver (Oakfield Primary)', cast: false }],
};

function open(decision: object, extra: Record<string, unknown> = {}) {
  const api = fakeApi({ 'GET /api/v1/decisions/d-1': decision, ...extra });
  renderPage(<BallotPage />, { roles: ['carer'], path: '/decisions/d-1', route: '/decisions/:id' });
  return api;
}

describe('BallotPage for a carer', () => {
  it('states how the vote is counted before the ballot, and ranks options for the chosen child with buttons alone', async () => {
    const { calls } = open(ranked, { 'POST /api/v1/decisions/d-1/ballots': { decisionId: 'd-1', unit: 'pup-2', changed: false } });
    const rules = await screen.findByRole('region', { name: 'Before you vote' });
    expect(within(rules).getByText(/instant runoff as RCTab counts it/)).toBeInTheDocument();
    expect(within(rules).getByText('Ranked choice, instant runoff')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Oliver (Oakfield Primary) (not cast yet)' })).toBeChecked();
    expect(screen.getByText(/change your ballot until the vote closes; the last one counts/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add Cedar Schoolwear to my ranking' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add Alder Uniforms to my ranking' }));
    screen.getByRole('button', { name: 'Move Alder Uniforms up' }).focus();
    await userEvent.keyboard('{Enter}');
    const ranking = screen.getByRole('list', { name: 'Your ranking' });
    expect(within(ranking).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Alder'), expect.stringContaining('Cedar')]);
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));

    expect(await screen.findByText('Thank you: your ballot is counted.')).toBeInTheDocument();
    const cast = calls.find((c) => c.method === 'POST')!;
    expect(cast.body).toEqual({ unit: 'pup-2', ranking: ['a', 'c'] });
    expect(cast.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('changes the ballot of a child already voted for, and says the new one counts', async () => {
    const { calls } = open(ranked, { 'POST /api/v1/decisions/d-1/ballots': { decisionId: 'd-1', unit: 'pup-1', changed: true } });
    await userEvent.click(await screen.findByRole('radio', { name: 'Amelia (Oakfield Primary) (cast)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add Birch & Co to my ranking' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change my ballot' }));
    expect(await screen.findByText('Your ballot was changed: the new one counts.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ unit: 'pup-1', ranking: ['b'] });
  });

  it('refuses to send a block without a reason, then sends it with one', async () => {
    const consent = { ...ranked, method: 'CONSENT', options: [], ballotUnit: 'PER_PERSON', units: [{ unit: 'self', label: 'You', cast: false }] };
    const { calls } = open(consent, { 'POST /api/v1/decisions/d-1/ballots': { decisionId: 'd-1', unit: 'self', changed: false } });
    await userEvent.click(await screen.findByRole('radio', { name: 'Block' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    expect(screen.getByRole('alert')).toHaveTextContent('a reason is required to disagree or block');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(screen.getByLabelText('Your reason'), 'The cost falls on families');
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    expect(await screen.findByText('Thank you: your ballot is counted.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ unit: 'self', position: 'BLOCK', reason: 'The cost falls on families' });
  });

  it('scores each option 0 to 5, leaving an option unscored', async () => {
    const score = { ...ranked, method: 'SCORE', units: [{ unit: 'pup-2', label: 'Oliver', cast: false }] };
    const { calls } = open(score, { 'POST /api/v1/decisions/d-1/ballots': { decisionId: 'd-1', unit: 'pup-2', changed: false } });
    const alder = await screen.findByRole('group', { name: 'Your score for Alder Uniforms (0 to 5)' });
    await userEvent.click(within(alder).getByRole('radio', { name: '4' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Your score for Cedar Schoolwear (0 to 5)' })).getByRole('radio', { name: '0' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    await screen.findByText('Thank you: your ballot is counted.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ unit: 'pup-2', scores: { a: 4, c: 0 } });
  });

  it('shows an anonymous ballot already cast as final, with no form to change it', async () => {
    open({ ...ranked, anonymity: 'ANONYMOUS', units: [{ unit: 'pup-1', label: 'Amelia', cast: true }] });
    expect(await screen.findByText('Your anonymous ballot has been cast and is final.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /ballot/ })).not.toBeInTheDocument();
  });

  it('tells a voter before casting an anonymous ballot that it will be final, and offers yes or no', async () => {
    const yesNo = { ...ranked, method: 'APPROVAL', anonymity: 'ANONYMOUS', options: [{ id: 'yes', label: { en: 'Yes' } }, { id: 'no', label: { en: 'No' } }],
      units: [{ unit: 'self', label: 'You', cast: false }] };
    const { calls } = open(yesNo, { 'POST /api/v1/decisions/d-1/ballots': { decisionId: 'd-1', unit: 'self', changed: false } });
    expect(await screen.findByText(/once cast, your ballot is final/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'No' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cast my ballot' }));
    await screen.findByText('Thank you: your ballot is counted.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ unit: 'self', approve: ['no'] });
  });
});
