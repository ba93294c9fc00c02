import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConsultationPage } from './ConsultationPage';
import { ConsultationsPage } from './ConsultationsPage';
import { fakeApi, renderPage } from '../../test/render';
import { i18n } from '../../i18n';

const consultation = {
  id: 'c-1', schoolId: 'sch-001', title: 'Sports premium', question: 'How should we spend the sports premium?', body: 'We have £18,000.',
  stage: 'IDEAS', phases: [{ phase: 'IDEAS', startsAt: '2026-12-01T09:00:00Z' }, { phase: 'OUTCOME', startsAt: '2026-12-20T09:00:00Z' }],
  endsAt: '2027-01-31T09:00:00Z', audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] },
  statements: {
    decision: 'This consultation is advisory: the governing body decides, and publishes what it decided and why.',
    carerVoice: 'Carers have one voice per child: the carers of a child share it.',
    eligibility: 'Who may take part follows the school roster.',
    supports: 'Supports are anonymous: stored with no link to you, and final once given.',
  },
  decider: { binding: false, decidedBy: 'the governing body' }, supportThreshold: 3, anonymous: true, localQuestions: [],
  yourVoices: [{ as: 'pup-1', label: 'Amelia (Oakfield Primary)' }, { as: 'pup-2', label: 'Oliver (Oakfield Primary)' }],
  youManage: false, actions: [],
};
const idea = { id: 'i-1', title: 'A climbing wall', body: 'For the juniors', supports: 2, goesForward: false, mine: false, shownToOthers: true };
const mineWaiting = { id: 'i-2', title: 'Swimming lessons', body: 'Year 3', supports: 0, goesForward: false, mine: true, shownToOthers: false };

function answers(extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/v1/consultations/c-1': consultation,
    'GET /api/v1/consultations/c-1/ideas': { items: [idea, mineWaiting], next: null },
    'GET /api/v1/consultations/c-1/comments': { items: [], next: null },
    'GET /api/v1/consultations/c-1/chain': [],
    'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    ...extra,
  });
}

describe('ConsultationPage for a carer', () => {
  it('states who decides, how carers count and that supports are anonymous and final before anything else', async () => {
    answers();
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    const promises = await screen.findByRole('region', { name: 'Before you take part' });
    expect(within(promises).getByText(/the governing body decides/)).toBeInTheDocument();
    expect(within(promises).getByText(/one voice per child/)).toBeInTheDocument();
    expect(within(promises).getByText(/anonymous.*final once given.*at least 3 supports/)).toBeInTheDocument();
    expect(await screen.findByText('Waiting for moderation: only you can see it')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Support: A climbing wall' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw my support/ })).not.toBeInTheDocument();
  });

  it('proposes an idea and supports another for the child chosen, told the support is final', async () => {
    let supports = 2;
    const { calls } = answers({
      'POST /api/v1/consultations/c-1/ideas': { ...mineWaiting, id: 'i-3', title: 'A cycle shelter', shownToOthers: true },
      'PUT /api/v1/consultations/c-1/ideas/i-1/support': () => ({ ...idea, supports: ++supports }),
    });
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    await userEvent.click(await screen.findByRole('radio', { name: 'Oliver (Oakfield Primary)' }));
    await userEvent.type(screen.getByLabelText('Title'), 'A cycle shelter');
    await userEvent.type(screen.getByLabelText('Your idea'), 'So more children cycle');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Your idea has been sent.')).toBeInTheDocument();
    const proposal = calls.find((c) => c.method === 'POST')!;
    expect(proposal.url).toContain('as=pup-2');
    expect(proposal.body).toEqual({ title: 'A cycle shelter', body: 'So more children cycle' });
    expect(proposal.headers.get('Idempotency-Key')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Support: A climbing wall' }));
    expect(await screen.findByText('Thank you: your support is counted. It is anonymous and final.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.url).toBe('/api/v1/consultations/c-1/ideas/i-1/support?as=pup-2');
  });

  it('says for which child the carer already supports an idea, offering to withdraw for that child only', async () => {
    answers({
      'GET /api/v1/consultations/c-1': { ...consultation, anonymous: false },
      'GET /api/v1/consultations/c-1/ideas': { items: [{ ...idea, supportedAs: ['pup-2'] }], next: null },
    });
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    expect(await screen.findByText('You support this idea for Oliver (Oakfield Primary).')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Oliver (Oakfield Primary)' }));
    expect(screen.getByRole('button', { name: 'Withdraw my support: A climbing wall' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Support: A climbing wall' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Amelia (Oakfield Primary)' }));
    expect(screen.getByRole('button', { name: 'Support: A climbing wall' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw my support: A climbing wall' })).not.toBeInTheDocument();
  });

  it('comments with a stance, replies two levels deep only, and shows edited comments as edited', async () => {
    const deepest = { id: 'k-3', depth: 2, stance: 'NEUTRAL', body: 'Depends on cost', author: 'A carer', mine: false, edited: false, shownToOthers: true, replies: [] };
    const reply = { id: 'k-2', depth: 1, stance: 'AGAINST', body: 'Too expensive', author: 'A carer', mine: false, edited: true, shownToOthers: true, replies: [deepest] };
    const top = { id: 'k-1', depth: 0, stance: 'FOR', body: 'Great idea', author: 'A carer', mine: false, edited: false, shownToOthers: true, replies: [reply] };
    const { calls } = answers({
      'GET /api/v1/consultations/c-1/comments': { items: [top], next: null },
      'POST /api/v1/consultations/c-1/comments': { id: 'k-4', depth: 0, stance: 'AGAINST', body: 'No', mine: true, shownToOthers: false, replies: [] },
    });
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    const discussion = await screen.findByRole('region', { name: 'Discussion' });
    expect(await within(discussion).findByText('Too expensive')).toBeInTheDocument();
    expect(within(discussion).getAllByText('edited')).toHaveLength(1);
    expect(within(discussion).getAllByRole('button', { name: /^Reply/ })).toHaveLength(2);

    await userEvent.click(within(discussion).getAllByRole('radio', { name: 'Against' }).at(-1)!);
    await userEvent.type(within(discussion).getByLabelText('Your comment'), 'No');
    await userEvent.click(within(discussion).getByRole('button', { name: 'Comment' }));
    expect(await screen.findByText(/A moderator checks it before others see it/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ stance: 'AGAINST', body: 'No' });
  });

  it('shows the outcome: decision, why, linked ideas and actions with progress and milestones', async () => {
    answers({
      'GET /api/v1/consultations/c-1': {
        ...consultation, stage: 'OUTCOME',
        outcome: { decision: 'We will build a climbing wall', rationale: 'Most support', ideaIds: ['i-1'], publishedBy: 'stf-00007', publisherName: 'Mrs Patel', publisherRole: 'School leader', publishedAt: '2026-12-20T09:00:00Z' },
        actions: [{ id: 'a-1', what: 'Order the wall', ownerName: 'Mr Hughes', status: 'IN_PROGRESS', progress: 40,
          milestones: [{ what: 'Quotes in', dueAt: '2027-01-10T09:00:00Z', done: true }] }],
      },
    });
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    const outcome = await screen.findByRole('region', { name: 'You said, we did' });
    expect(within(outcome).getByText('We will build a climbing wall')).toBeInTheDocument();
    expect(within(outcome).getByText(/Published by Mrs Patel, School leader on/)).toBeInTheDocument();
    expect(within(outcome).queryByText(/stf-00007/)).not.toBeInTheDocument();
    expect(await within(outcome).findByText('A climbing wall')).toBeInTheDocument();
    expect(within(outcome).getByText('In progress')).toBeInTheDocument();
    expect(within(outcome).getByLabelText('Progress')).toHaveAttribute('value', '40');
    expect(within(outcome).getByText(/Quotes in, due .* \(done\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
  });
});

describe('ConsultationPage in Polish', () => {
  it('a carer who reads Polish finds the promises, the timetable and the supports counted the Polish way', async () => {
    await i18n.changeLanguage('pl');
    answers();
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    const promises = await screen.findByRole('region', { name: 'Zanim weźmiesz udział' });
    expect(within(promises).getByText(/przy co najmniej 3 głosach poparcia/)).toBeInTheDocument();
    expect(await screen.findByText('2 głosy poparcia')).toBeInTheDocument();
    expect(screen.getByText('0 głosów poparcia')).toBeInTheDocument();
    expect(screen.getByText('Czeka na moderację: widzisz go tylko Ty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Popieram: A climbing wall' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Harmonogram' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Wyślij' })).toBeInTheDocument();
  });
});

describe('ConsultationPage in its decision phase', () => {
  it('lists the consultation\'s vote for a carer, to vote in and to see its results', async () => {
    const { calls } = answers({
      'GET /api/v1/consultations/c-1': { ...consultation, stage: 'DECISION' },
      'GET /api/v1/decisions': { items: [{ id: 'd-1', question: { en: 'Which sport first?' }, method: 'RANKED_IRV', status: 'OPEN',
        closesAt: '2026-12-20T17:00:00Z', units: [{ unit: 'pup-1', label: 'Amelia', cast: false }] }], next: null },
    });
    renderPage(<ConsultationPage />, { roles: ['carer'], path: '/consultations/c-1', route: '/consultations/:id' });
    const votes = await screen.findByRole('region', { name: 'Votes in this decision phase' });
    expect(await within(votes).findByRole('link', { name: 'Vote: Which sport first?' })).toHaveAttribute('href', '/decisions/d-1');
    expect(within(votes).getByRole('link', { name: 'See the results: Which sport first?' })).toHaveAttribute('href', '/decisions/d-1/results');
    expect(calls.find((c) => c.url.startsWith('/api/v1/decisions'))!.url).toBe('/api/v1/decisions?consultationId=c-1');
    expect(within(votes).queryByRole('link', { name: 'New vote' })).not.toBeInTheDocument();
  });
});

describe('ConsultationsPage', () => {
  it('lists what I am asked, with the stage and the school', async () => {
    fakeApi({
      'GET /api/v1/consultations': { items: [consultation], next: null },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    });
    renderPage(<ConsultationsPage />, { roles: ['carer'] });
    expect(await screen.findByRole('link', { name: 'Sports premium' })).toHaveAttribute('href', '/consultations/c-1');
    expect(screen.getByText('How should we spend the sports premium?')).toBeInTheDocument();
    expect(await screen.findByText(/Oakfield Primary/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New consultation' })).not.toBeInTheDocument();
  });
});
