import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AnswerSurveyPage } from './AnswerSurveyPage';
import { fakeApi, renderPage } from '../../test/render';

const form = {
  surveyId: 'sv-1', title: 'School lunches', anonymity: 'ANONYMOUS', anonymityStatement: 'Your answers are stored with no link to you.',
  status: 'OPEN', units: [{ unit: 'pup-1', label: 'Amira (Oakfield Primary)', answered: false, draft: true }],
  questionnaire: { sections: [{ id: 's1', title: 'Lunch', questions: [
    { id: 'q1', type: 'SINGLE_CHOICE', text: 'Does your child have school lunch?', required: true, options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
    { id: 'q2', type: 'FREE_TEXT', text: 'Why not?', required: true, showWhen: { questionId: 'q1', anyOf: ['no'] } },
  ] }] },
};

describe('AnswerSurveyPage', () => {
  it('resumes a saved draft, reveals the follow-up question and submits only visible answers', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/surveys/sv-1/form': form,
      'GET /api/v1/surveys/sv-1/responses/pup-1/draft': { unit: 'pup-1', answers: { q1: 'no' } },
      'PUT /api/v1/surveys/sv-1/responses/pup-1/draft': (c) => ({ unit: 'pup-1', answers: (c.body as { answers: object }).answers }),
      'POST /api/v1/surveys/sv-1/responses/pup-1': { surveyId: 'sv-1', unit: 'pup-1', responseId: 'r1', replayed: false },
    });
    renderPage(<AnswerSurveyPage />, { roles: ['carer'], path: '/surveys/sv-1/answer/pup-1', route: '/surveys/:id/answer/:unit' });
    expect(await screen.findByText('Your answers are stored with no link to you.')).toBeInTheDocument();
    expect(screen.getByText('Answer for Amira (Oakfield Primary)')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('radio', { name: 'No' })).toBeChecked());
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Question 2 needs an answer.');
    await userEvent.type(screen.getByLabelText('Why not?'), 'Packed lunch');
    await userEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    expect(screen.queryByLabelText('Why not?')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
    expect(await screen.findByText(/Thank you/)).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({ answers: { q1: 'yes' } });
  });
});
