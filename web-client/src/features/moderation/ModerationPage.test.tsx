import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ModerationPage } from './ModerationPage';
import { ConcernsPage } from './ConcernsPage';
import { fakeApi, renderPage } from '../../test/render';

const pupilsIdea = {
  kind: 'idea', id: 'idea-1', title: 'Playground ideas', text: 'A quiet reading corner', schoolId: 'sch-001',
  author: 'Oliver Bennett', byPupil: true, visibility: 'AWAITING_APPROVAL',
  reason: 'Written by a pupil: nobody else sees it until a moderator approves it', reports: [], decisions: [],
  reviewReason: null, submittedAt: '2026-12-01T09:00:00Z',
};

describe('ModerationPage', () => {
  it('lets a head approve a pupil idea, showing who wrote it and why it waits', async () => {
    let decided = false;
    const { calls } = fakeApi({
      'GET /api/v1/moderation/queue': () => ({ items: decided ? [] : [pupilsIdea], next: null }),
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/moderation/items/idea/idea-1/decision': () => { decided = true; return { ...pupilsIdea, visibility: 'SHOWN' }; },
    });
    renderPage(<ModerationPage />, { roles: ['school-leader'] });
    expect(await screen.findByText('A quiet reading corner')).toBeInTheDocument();
    expect(screen.getByText(/Written by Oliver Bennett/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'An idea for the consultation “Playground ideas”' })).toBeInTheDocument();
    expect(screen.getByText(/nobody else sees it until a moderator approves it/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove it' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Show it' }));
    expect(await screen.findByText('Shown to everyone who can read it.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ visibility: 'SHOWN' });
    expect(await screen.findByText('Nothing is waiting for moderation.')).toBeInTheDocument();
  });

  it('says what a survey’s written answer is and where it was written, and an unknown kind in plain words', async () => {
    const answer = { ...pupilsIdea, kind: 'survey-answer', id: 'rsp-1.q2', title: 'School lunches', text: 'More fruit please' };
    const statement = { ...pupilsIdea, kind: 'something-new', id: 'x-1', title: 'Homework', text: 'Less of it' };
    fakeApi({
      'GET /api/v1/moderation/queue': { items: [answer, statement], next: null },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    });
    renderPage(<ModerationPage />, { roles: ['school-leader'] });
    expect(await screen.findByRole('heading', { name: 'A written answer to the survey “School lunches”' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Something written in “Homework”' })).toBeInTheDocument();
  });
});

describe('ConcernsPage', () => {
  it('lets the safeguarding lead acknowledge a concern with a note', async () => {
    const concern = {
      kind: 'idea', id: 'idea-2', title: 'Playground ideas', text: 'I want to hurt myself', author: 'Oliver Bennett',
      authorPersonId: 'pup-000001', byPupil: true, schoolIds: ['sch-001'], phrases: ['hurt myself'],
      raisedAt: '2026-12-01T09:00:00Z', acknowledgedAt: null, acknowledgedBy: null, note: null, escalatedAt: null,
    };
    const { calls } = fakeApi({
      'GET /api/v1/safeguarding/concerns': { items: [concern], next: null },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/safeguarding/concerns/idea/idea-2/acknowledgement': { ...concern, acknowledgedAt: '2026-12-01T10:00:00Z' },
    });
    renderPage(<ConcernsPage />, { roles: ['safeguarding-lead', 'staff'] });
    expect(await screen.findByText('I want to hurt myself')).toBeInTheDocument();
    expect(screen.getByText('Matched: hurt myself')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('What have you done or arranged?'), 'Spoke to Oliver with his teacher');
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(await screen.findByText('Acknowledged. The concern will not escalate.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ note: 'Spoke to Oliver with his teacher' });
  });
});
