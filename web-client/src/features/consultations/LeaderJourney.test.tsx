import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConsultationPage } from './ConsultationPage';
import { NewConsultationPage } from './NewConsultationPage';
import { fakeApi, renderPage } from '../../test/render';

const schools = { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] };
const me = { username: 'head.oakfield', trustWide: false, leadsSchools: ['sch-001'], schools: [{ id: 'sch-001', name: 'Oakfield Primary' }] };

describe('NewConsultationPage', () => {
  it('creates a school consultation without the phases that do not apply, advisory, with a threshold', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': schools,
      'GET /api/v1/consultations': { items: [], next: null },
      'POST /api/v1/consultations': { id: 'c-9', title: 'Playground' },
    });
    renderPage(<NewConsultationPage />, { roles: ['school-leader'] });
    await screen.findByRole('option', { name: 'Oakfield Primary' });
    await userEvent.click(screen.getByRole('button', { name: 'Create the consultation' }));
    expect(await screen.findByText('Give the consultation a title.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.type(screen.getByLabelText('Title'), 'Playground');
    await userEvent.type(screen.getByLabelText('The question you ask'), 'What should the playground have?');
    await userEvent.type(screen.getByLabelText('Who takes the decision'), 'the governing body');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Deliberation' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Decision' }));
    await userEvent.type(screen.getByLabelText(/Support threshold/), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Create the consultation' }));

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const draft = calls.find((c) => c.method === 'POST')!.body as Record<string, unknown>;
    expect(draft.schoolId).toBe('sch-001');
    expect(draft.decider).toEqual({ binding: false, decidedBy: 'the governing body' });
    expect((draft.phases as { phase: string }[]).map((p) => p.phase)).toEqual(['IDEAS', 'OUTCOME', 'REVIEW']);
    expect(draft.audience).toEqual({ scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] });
    expect(draft.supportThreshold).toBe(5);
    expect(draft.adaptation).toBeUndefined();
  });
});

describe('A consultation just created', () => {
  it('shows the leader the fatigue warning the api answered with, the consultation created all the same', async () => {
    fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': schools,
      'GET /api/v1/consultations/c-9': {
        id: 'c-9', schoolId: 'sch-001', title: 'Playground', question: 'What?', stage: 'UPCOMING', phases: [], statements: {},
        audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] }, yourVoices: [], youManage: true, actions: [],
      },
      'GET /api/v1/consultations/c-9/ideas': { items: [], next: null },
      'GET /api/v1/consultations/c-9/comments': { items: [], next: null },
      'GET /api/v1/consultations/c-9/chain': [],
    });
    renderPage(<ConsultationPage />, { roles: ['school-leader'], path: '/consultations/c-9', route: '/consultations/:id',
      state: { fatigueWarning: '120 of the 200 people asked would have more than 3 surveys and consultations open at once with this one.' } });
    expect(await screen.findByRole('heading', { name: 'Playground', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/consultation fatigue: 120 of the 200 people/);
  });
});

describe('LeaderTools on a consultation', () => {
  it('publishes the outcome linking the idea that shaped it, and merges a duplicate', async () => {
    const ideas = [
      { id: 'i-1', title: 'A climbing wall', body: 'x', supports: 4, mine: false, shownToOthers: true },
      { id: 'i-2', title: 'Climbing wall please', body: 'y', supports: 1, mine: false, shownToOthers: true },
    ];
    const { calls } = fakeApi({
      'GET /api/v1/me': me,
      'GET /api/v1/schools': schools,
      'GET /api/v1/consultations/c-1': {
        id: 'c-1', schoolId: 'sch-001', title: 'Sports premium', question: 'How?', stage: 'DECISION', phases: [], statements: {},
        audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['CARERS'] }, yourVoices: [], youManage: true, actions: [],
      },
      'GET /api/v1/consultations/c-1/ideas': { items: ideas, next: null },
      'GET /api/v1/consultations/c-1/comments': { items: [], next: null },
      'GET /api/v1/consultations/c-1/chain': [],
      'PUT /api/v1/consultations/c-1/outcome': { id: 'c-1' },
      'POST /api/v1/consultations/c-1/ideas/i-2/merge-into/i-1': { ...ideas[1], mergedInto: 'i-1' },
    });
    renderPage(<ConsultationPage />, { roles: ['school-leader'], path: '/consultations/c-1', route: '/consultations/:id' });
    await screen.findByRole('heading', { name: 'Leaders only' });

    await userEvent.selectOptions(await screen.findByLabelText('Duplicate idea'), 'i-2');
    await userEvent.selectOptions(screen.getByLabelText('Merge into'), 'i-1');
    await userEvent.click(screen.getByRole('button', { name: 'Merge a duplicate idea' }));
    expect(await screen.findByText('Merged. Supports moved across; nobody counts twice.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Decision'), 'We will build a climbing wall');
    await userEvent.type(screen.getByLabelText('Why'), 'It had the most support');
    await userEvent.click(screen.getByRole('checkbox', { name: 'A climbing wall' }));
    await userEvent.click(screen.getByRole('button', { name: 'Publish the outcome' }));
    expect(await screen.findByText('The outcome is published. Those who took part are told.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      decision: 'We will build a climbing wall', rationale: 'It had the most support', ideaIds: ['i-1'], commentIds: [],
    });
  });
});
