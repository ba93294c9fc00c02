import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SurveyResultsPage } from './SurveyResultsPage';
import { fakeApi, renderPage, type Call } from '../../test/render';

// chart.js cannot redraw in jsdom (no layout); the numbers are also in the table beside each chart.
vi.mock('../../charts/BarChart', () => ({ BarChart: ({ title }: { title: string }) => <div role="img" aria-label={title} /> }));

const SURVEY = {
  id: 'srv-1', title: 'Lunches', status: 'OPEN', anonymity: 'CONFIDENTIAL',
  questionnaire: { sections: [{ questions: [
    { id: 'q1', type: 'SINGLE_CHOICE', text: 'Do you like the lunches?', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] },
    { id: 'q2', type: 'FREE_TEXT', text: 'What would you change?' },
  ] }] },
};

function results(respondents: number, status = 'OPEN') {
  return {
    surveyId: 'srv-1', title: 'Lunches', status, anonymity: 'CONFIDENTIAL', respondents,
    overall: [{ questionId: 'q1', answered: respondents, counts: { yes: respondents - 1, no: 1 } }, { questionId: 'q2', answered: 2 }],
    breakdown: { by: 'SCHOOL', minimumGroupSize: 5, groups: [] },
  };
}

const route = { path: '/surveys/srv-1/results', route: '/surveys/:id/results', roles: ['school-leader', 'staff'] };

describe('a head reads a survey’s results', () => {
  it('sees how many of those asked at the school answered, and sets a goal for the survey', async () => {
    const rates = { surveyId: 'srv-1', title: 'Lunches', goal: null, closingSoon: false, minimumGroupSize: 5, schools: [
      { schoolId: 'sch-001', schoolName: 'Oakfield Primary', asked: 40, answered: 12, percent: 30, hidden: false, answeredHidden: false, belowGoal: null },
    ] };
    const { calls } = fakeApi({
      'GET /api/v1/surveys/srv-1': SURVEY, 'GET /api/v1/surveys/srv-1/results': results(12), 'GET /api/v1/schools': { items: [] },
      'GET /api/v1/surveys/srv-1/response-rates': rates,
      'PUT /api/v1/surveys/srv-1/goal': { id: 'srv-1', responseGoal: 50 },
    });
    renderPage(<SurveyResultsPage />, route);
    expect(await screen.findByRole('row', { name: /Oakfield Primary/ })).toHaveTextContent('4012 (30%)');
    await userEvent.type(screen.getByLabelText('Goal (% of those asked)'), '50');
    await userEvent.click(screen.getByRole('button', { name: 'Save the goal' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ responseRate: 50 }));
  });

  it('sees no answers while fewer than 5 people have answered, and is told why', async () => {
    fakeApi({ 'GET /api/v1/surveys/srv-1': SURVEY, 'GET /api/v1/surveys/srv-1/results': results(2), 'GET /api/v1/schools': { items: [] } });
    renderPage(<SurveyResultsPage />, route);
    expect(await screen.findByText(/Fewer than 5 people have answered, so no answers are shown yet/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Do you like the lunches/ })).not.toBeInTheDocument();
  });

  it('is told there are fewer than 5 answers, not a count, when the api keeps a confidential survey’s figures back', async () => {
    const hidden = { ...results(0), respondents: null, overall: [], suppressed: true };
    fakeApi({ 'GET /api/v1/surveys/srv-1': SURVEY, 'GET /api/v1/surveys/srv-1/results': hidden, 'GET /api/v1/schools': { items: [] } });
    renderPage(<SurveyResultsPage />, route);
    expect(await screen.findByTestId('respondents')).toHaveTextContent('Fewer than 5 responses');
    expect(screen.getByText(/no answers are shown yet/)).toBeInTheDocument();
  });

  it('sees a named survey’s first answer at once: its owner sees who answered what anyway', async () => {
    fakeApi({ 'GET /api/v1/surveys/srv-1': { ...SURVEY, anonymity: 'NAMED' }, 'GET /api/v1/surveys/srv-1/results': { ...results(1), anonymity: 'NAMED' },
      'GET /api/v1/schools': { items: [] } });
    renderPage(<SurveyResultsPage />, route);
    expect(await screen.findByRole('heading', { name: /Do you like the lunches/ })).toBeInTheDocument();
    expect(screen.getByTestId('respondents')).toHaveTextContent('1 response');
  });

  it('reads the written answers and shows one to readers', async () => {
    let state = 'unreviewed';
    const { calls } = fakeApi({
      'GET /api/v1/surveys/srv-1': SURVEY,
      'GET /api/v1/surveys/srv-1/results': results(12),
      'GET /api/v1/schools': { items: [] },
      'GET /api/v1/surveys/srv-1/free-text': { items: [{ responseId: 'r-1', questionId: 'q2', text: 'More fruit, please.', moderation: state }] },
      'PUT /api/v1/surveys/srv-1/free-text/r-1/q2': (call: Call) => { state = (call.body as { state: string }).state; return { responseId: 'r-1', questionId: 'q2', text: 'More fruit, please.', moderation: state }; },
    });
    renderPage(<SurveyResultsPage />, route);
    const written = await screen.findByRole('article', { name: /What would you change/ });
    expect(await within(written).findByText('More fruit, please.')).toBeInTheDocument();
    expect(within(written).getByText('Not yet reviewed')).toBeInTheDocument();
    await userEvent.click(within(written).getByRole('button', { name: 'Show to readers' }));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ state: 'shown' });
    expect(calls.find((c) => c.url.startsWith('/api/v1/surveys/srv-1/free-text?'))?.url).toContain('question=q2');
  });

  it('closes the survey only after saying nobody can answer afterwards', async () => {
    let closed = false;
    const { calls } = fakeApi({
      'GET /api/v1/surveys/srv-1': () => ({ ...SURVEY, status: closed ? 'CLOSED' : 'OPEN' }),
      'GET /api/v1/surveys/srv-1/results': () => results(12, closed ? 'CLOSED' : 'OPEN'),
      'GET /api/v1/schools': { items: [] },
      'GET /api/v1/surveys/srv-1/free-text': { items: [] },
      'POST /api/v1/surveys/srv-1/close': () => { closed = true; return { ...SURVEY, status: 'CLOSED' }; },
    });
    renderPage(<SurveyResultsPage />, route);
    await userEvent.click(await screen.findByRole('button', { name: 'Close the survey' }));
    expect(screen.getByRole('alertdialog', { name: 'Close the survey now?' })).toHaveTextContent('Nobody can answer after it closes');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Close it now' }));
    await waitFor(() => expect(screen.getByTestId('respondents').parentElement).toHaveTextContent('Closed'));
    expect(screen.queryByRole('button', { name: 'Close the survey' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
