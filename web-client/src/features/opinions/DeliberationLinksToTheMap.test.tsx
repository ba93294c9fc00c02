import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConsultationPage } from '../consultations/ConsultationPage';
import { fakeApi, renderPage } from '../../test/render';

const consultation = {
  id: 'c-1', schoolId: 'sch-001', title: 'School day', question: 'Should the school day start later?', stage: 'DELIBERATION',
  phases: [{ phase: 'DELIBERATION', startsAt: '2026-12-01T09:00:00Z' }], audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['PUPILS'] },
  statements: {}, localQuestions: [], yourVoices: [], youManage: false, actions: [],
};

function answers(view: object, conversations: object[], extra: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/v1/consultations/c-1': view,
    'GET /api/v1/consultations/c-1/ideas': { items: [], next: null },
    'GET /api/v1/consultations/c-1/comments': { items: [], next: null },
    'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    'GET /api/v1/opinions/conversations': { items: conversations },
    ...extra,
  });
}

describe('A consultation in its deliberation phase', () => {
  it('takes a pupil to its opinion map to vote, with their progress', async () => {
    const { calls } = answers(consultation, [{ id: 'conv-1', topic: 'Should the school day start later?', youTakePart: true, statementsShown: 6, yourVotes: 2 }]);
    renderPage(<ConsultationPage />, { roles: ['pupil'], path: '/consultations/c-1', route: '/consultations/:id' });
    const section = await screen.findByRole('region', { name: 'Where people agree and where they split' });
    expect(await within(section).findByRole('link', { name: 'Vote on statements' })).toHaveAttribute('href', '/opinions/conv-1');
    expect(within(section).getByText('You have voted on 2 of 6 statements.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/api/v1/opinions'))!.url).toBe('/api/v1/opinions/conversations?consultationId=c-1');
  });

  it('lets its leader open an opinion map for the consultation\'s own audience', async () => {
    const { calls } = answers({ ...consultation, youManage: true }, [], {
      'POST /api/v1/opinions/conversations': { id: 'conv-2' },
      'GET /api/v1/consultations/c-1/chain': [],
    });
    renderPage(<ConsultationPage />, { roles: ['school-leader'], path: '/consultations/c-1', route: '/consultations/:id' });
    const section = await screen.findByRole('region', { name: 'Where people agree and where they split' });
    expect(await within(section).findByText('There is no opinion map for this consultation yet.')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Open an opinion map for this consultation' }));
    expect(await within(section).findByText(/Opinion map opened/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      topic: 'Should the school day start later?', consultationId: 'c-1', schoolId: 'sch-001',
      audience: { scope: 'SCHOOLS', ids: ['sch-001'], roles: ['PUPILS'] },
    });
  });
});
