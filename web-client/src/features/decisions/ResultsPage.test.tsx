import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { ResultsPage } from './ResultsPage';
import { NewDecisionPage } from './NewDecisionPage';
import { fakeApi, renderPage } from '../../test/render';

const options = [{ id: 'a', label: { en: 'Alder Uniforms' } }, { id: 'b', label: { en: 'Birch & Co' } }, { id: 'c', label: { en: 'Cedar Schoolwear' } }];
const decision = { id: 'd-1', question: { en: 'Which uniform supplier?' }, options, method: 'RANKED_IRV', anonymity: 'NAMED', status: 'CLOSED',
  closesAt: '2026-12-20T17:00:00Z', statements: [], units: [] };
const round = (n: number, tally: Record<string, number>, threshold: number, tallyResults: object[], inactive = 0) => ({
  round: n, tally, threshold, tallyResults, inactiveBallots: { overvotes: 0, skippedRankings: 0, exhaustedChoices: inactive, repeatedRankings: 0 } });
const closedCount = {
  decisionId: 'd-1', method: 'RANKED_IRV', status: 'CLOSED', hidden: false, suppressed: false, ballots: 12,
  figures: { firstPreferences: { a: 5, b: 3, c: 4 } },
  outcome: { leaders: ['a'], stands: true, ballots: 12, eligible: 30, explanation: 'Alder Uniforms won in round 2 with 7 of the 11 ballots still counting (6 needed).' },
  count: {
    results: [
      round(1, { a: 5, b: 3, c: 4 }, 7, [{ eliminated: 'b', transfers: { a: 2, exhausted: 1 } }]),
      round(2, { a: 7, c: 4 }, 6, [{ elected: 'a', transfers: {} }], 1),
    ],
    summary: { totalNumBallots: 12, undervotes: 0 },
  },
};

function show(results: object, roles = ['school-leader'], extra: Record<string, unknown> = {}) {
  const api = fakeApi({ 'GET /api/v1/decisions/d-1': decision, 'GET /api/v1/decisions/d-1/results': results, ...extra });
  renderPage(<ResultsPage />, { roles, path: '/decisions/d-1/results', route: '/decisions/:id/results' });
  return api;
}

describe('ResultsPage', () => {
  it('shows a parent the winner in plain words and every round with transfers and inactive ballots by cause', async () => {
    show(closedCount, ['carer']);
    expect(await screen.findByText(/Alder Uniforms won in round 2/)).toBeInTheDocument();
    const rounds = screen.getByRole('region', { name: 'Round by round' });
    const table = within(rounds).getByRole('table', { name: 'Round by round' });
    expect(within(table).getByRole('row', { name: /Alder Uniforms 5 7/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Birch & Co 3/ })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Votes needed to win 7 6' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Ballots no longer counting: No choice left 0 1' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Ballots no longer counting: Several options at one rank 0 0' })).toBeInTheDocument();
    expect(within(rounds).getByText(/Birch & Co eliminated: Ballots moved 2 → Alder Uniforms, 1 → no further choice/)).toBeInTheDocument();
    expect(within(rounds).getByRole('img', { name: /Round 2/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download ballots (CSV)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close the vote now' })).not.toBeInTheDocument();
  });

  it('shows nothing but that results are hidden until the vote closes', async () => {
    show({ decisionId: 'd-1', method: 'RANKED_IRV', status: 'OPEN', hidden: true }, ['carer']);
    expect(await screen.findByText('Results are hidden until the vote closes.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Break down by')).not.toBeInTheDocument();
  });

  it('shows the leaders deciding that consent was not reached, with the block and its reason', async () => {
    show({
      decisionId: 'd-1', method: 'CONSENT', status: 'CLOSED', hidden: false, suppressed: false, ballots: 6,
      figures: { positions: { AGREE: 4, ABSTAIN: 1, DISAGREE: 0, BLOCK: 1 } },
      outcome: { leaders: [], stands: false, ballots: 6, eligible: 10, explanation: 'Consent was not reached: 1 person blocked.' },
      count: { consentReached: false, blocks: [{ who: 'per-9', position: 'BLOCK', reason: 'The cost falls on families' }], disagreements: [] },
    }, ['school-leader'], { 'GET /api/v1/decisions/d-1': { ...decision, method: 'CONSENT', options: [] } });
    expect(await screen.findByText('Consent was not reached: 1 person blocked.')).toBeInTheDocument();
    expect(screen.getByText('The decision does not stand.')).toBeInTheDocument();
    const blocks = screen.getByRole('region', { name: 'Blocks and their reasons' });
    expect(within(blocks).getByText(/The cost falls on families/)).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'Block 1' })).toBeInTheDocument();
  });

  it('breaks live approvals down by school by name, hiding small groups, and lets a leader close the vote', async () => {
    const open = { ...decision, method: 'APPROVAL', status: 'OPEN' };
    const { calls } = show({ decisionId: 'd-1', method: 'APPROVAL', status: 'OPEN', hidden: false, suppressed: false, ballots: 13, figures: { approvals: { a: 9, b: 4, c: 0 }, abstentions: 1 } },
      ['school-leader'], {
        'GET /api/v1/decisions/d-1': open,
        'GET /api/v1/decisions/d-1/results': (call: { url: string }) => (call.url.includes('by=school')
          ? { decisionId: 'd-1', method: 'APPROVAL', status: 'OPEN', hidden: false, suppressed: false, ballots: 13, figures: { approvals: { a: 9, b: 4, c: 0 }, abstentions: 1 },
            breakdown: { by: 'school', minimum: 5, groups: [
              { group: 'sch-001', label: 'Oakfield Primary', suppressed: false, ballots: 9, figures: { approvals: { a: 7, b: 2, c: 0 }, abstentions: 0 } },
              { group: 'sch-002', label: 'Riverside Academy', suppressed: true }] } }
          : { decisionId: 'd-1', method: 'APPROVAL', status: 'OPEN', hidden: false, suppressed: false, ballots: 13, figures: { approvals: { a: 9, b: 4, c: 0 }, abstentions: 1 } }),
        'POST /api/v1/decisions/d-1/close': { ...open, status: 'CLOSED' },
      });
    expect(await screen.findByRole('row', { name: 'Alder Uniforms 9' })).toBeInTheDocument();
    expect(screen.getByText('Abstentions: 1')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Break down by'), 'school');
    const groups = await screen.findByRole('region', { name: 'Break down by: School' });
    expect(within(groups).getByRole('heading', { name: 'Oakfield Primary' })).toBeInTheDocument();
    expect(within(groups).getByText('9 ballots')).toBeInTheDocument();
    expect(within(groups).getByRole('heading', { name: 'Riverside Academy' })).toBeInTheDocument();
    expect(within(groups).getByText('Hidden (too few ballots)')).toBeInTheDocument();

    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await userEvent.click(screen.getByRole('button', { name: 'Close the vote now' }));
    expect(await screen.findByText('The vote is closed and counted.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/decisions/d-1/close')).toBe(true);
  });

  it('states what a small closed vote chose without any figure', async () => {
    show({ decisionId: 'd-1', method: 'RANKED_IRV', status: 'CLOSED', hidden: false, suppressed: true,
      outcome: { leaders: ['a'], stands: true, ballots: 0, eligible: 0, explanation: 'Fewer than 5 ballots were cast, so no figures are shown.' } }, ['school-leader']);
    expect(await screen.findByText('Chosen: Alder Uniforms')).toBeInTheDocument();
    expect(screen.getByText(/Voting closed/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/of 0 who could vote/)).not.toBeInTheDocument();
  });

  it('hides every figure when fewer than five ballots stand behind them', async () => {
    show({ decisionId: 'd-1', method: 'APPROVAL', status: 'OPEN', hidden: false, suppressed: true }, ['carer']);
    expect(await screen.findByText(/Fewer than 5 ballots: no figures are shown/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('NewDecisionPage for a head', () => {
  it('creates a ranked vote for the consultation, one ballot per child, with its tie rule', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { leadsSchools: ['sch-001'], trustWide: false, schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/decisions': { ...decision, status: 'OPEN' },
    });
    renderPage(<NewDecisionPage />, { roles: ['school-leader'], path: '/decisions/new?consultationId=c-1&schoolId=sch-001', route: '/decisions/new' });
    await userEvent.type(await screen.findByLabelText('Question'), 'Which uniform supplier?');
    await userEvent.type(screen.getByLabelText('Option 1'), 'Alder Uniforms');
    await userEvent.type(screen.getByLabelText('Option 2'), 'Birch & Co');
    await userEvent.selectOptions(screen.getByLabelText('If there is a tie'), 'Draw lots');
    await userEvent.click(screen.getByRole('button', { name: 'Create the vote' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const body = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      question: { en: 'Which uniform supplier?' }, method: 'RANKED_IRV', ballotUnit: 'PER_CHILD', schoolId: 'sch-001', consultationId: 'c-1',
      options: [{ id: 'o1', label: { en: 'Alder Uniforms' } }, { id: 'o2', label: { en: 'Birch & Co' } }],
      ranking: { tiebreak: 'RANDOM', batchElimination: false },
      audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
    });
  });
});
