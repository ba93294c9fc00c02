import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdaptConsultationPage } from './AdaptConsultationPage';
import { fakeApi, renderPage } from '../../test/render';

describe('AdaptConsultationPage', () => {
  it('lets a school leader add a local question and keep the closing date the trust allows', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'GET /api/v1/consultations/c-1': {
        id: 'c-1', title: 'School day', question: 'When should the school day start?', stage: 'IDEAS', localQuestions: [],
        adaptation: { adaptable: true, closingFrom: '2027-01-10T09:00:00Z', closingUntil: '2027-01-20T09:00:00Z' },
      },
      'PUT /api/v1/consultations/c-1/schools/sch-001': (call) => ({ id: 'c-1:sch-001', ...(call.body as object) }),
    });
    renderPage(<AdaptConsultationPage />, { roles: ['school-leader'], path: '/consultations/c-1/adapt/sch-001', route: '/consultations/:id/adapt/:schoolId' });
    expect(await screen.findByRole('heading', { name: 'Adapt for your school: Oakfield Primary' })).toBeInTheDocument();
    expect(screen.getByText(/^Between 10 Jan 2027.* and 20 Jan 2027/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a local question' }));
    await userEvent.type(screen.getByLabelText('Question', { exact: true }), 'Would breakfast club help?');
    await userEvent.click(screen.getByRole('button', { name: 'Save for my school' }));
    expect(await screen.findByText("Saved. Your school's families see these questions.")).toBeInTheDocument();
    const body = calls.find((c) => c.method === 'PUT')!.body as { questions: { text: string; type: string }[]; closesAt: string };
    expect(body.questions.map((q) => [q.type, q.text])).toEqual([['FREE_TEXT', 'Would breakfast club help?']]);
    expect(body.closesAt).toBe('2027-01-20T09:00:00.000Z');
  });
});
