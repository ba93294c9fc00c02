import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseRatesPanel, SurveyGoals } from './SurveyGoals';
import { fakeApi, renderPage } from '../../test/render';

const travel = {
  surveyId: 'srv-1', title: 'Travel to school', closesAt: '2026-12-09T17:00:00Z', goal: 40, closingSoon: true, minimumGroupSize: 5,
  schools: [
    { schoolId: 'sch-001', schoolName: 'Oakfield Primary', asked: 40, answered: 30, percent: 75, hidden: false, answeredHidden: false, belowGoal: false },
    { schoolId: 'sch-002', schoolName: 'Riverside Academy', asked: 38, answered: null, percent: null, hidden: false, answeredHidden: true, belowGoal: true },
    { schoolId: 'sch-003', schoolName: 'Hilltop Infants', asked: null, answered: null, percent: null, hidden: true, answeredHidden: true, belowGoal: null },
  ],
};

describe('a trust leader follows open surveys against their goal', () => {
  it('is alerted to the schools below the goal of a survey about to close, and sees counts only where 5 or more people are behind them', async () => {
    fakeApi({ 'GET /api/v1/trust/survey-response-rates': { items: [travel, { ...travel, surveyId: 'srv-2', title: 'Lunches', closingSoon: false }] } });
    renderPage(<SurveyGoals />, { roles: ['trust-leader'] });
    const alerts = await screen.findByTestId('goal-alerts');
    expect(within(alerts).getAllByRole('listitem')).toHaveLength(1);
    expect(alerts).toHaveTextContent(/Riverside Academy: fewer than 5 answers for “Travel to school” \(goal 40%\), which closes/);
    const card = screen.getByRole('article', { name: 'Travel to school' });
    expect(within(card).getByRole('row', { name: /Oakfield Primary/ })).toHaveTextContent('4030 (75%)Goal reached');
    expect(within(card).getByRole('row', { name: /Riverside Academy/ })).toHaveTextContent('Fewer than 5 people: not shownBelow the goal');
    expect(within(card).getByRole('row', { name: /Hilltop Infants/ })).toHaveTextContent('Fewer than 5 people: not shown');
  });

  it('sets a survey’s goal and reads the rates again', async () => {
    let goal: number | null = null;
    const { calls } = fakeApi({
      'GET /api/v1/trust/survey-response-rates': () => ({ items: [{ ...travel, goal, schools: travel.schools.map((s) => ({ ...s, belowGoal: goal == null ? null : s.belowGoal })) }] }),
      'PUT /api/v1/surveys/srv-1/goal': (call) => { goal = (call.body as { responseRate: number }).responseRate; return { id: 'srv-1', responseGoal: goal }; },
    });
    renderPage(<SurveyGoals />, { roles: ['trust-leader'] });
    expect(await screen.findByText(/No goal set/)).toBeInTheDocument();
    expect(screen.queryByTestId('goal-alerts')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Goal (% of those asked)'), '40');
    await userEvent.click(screen.getByRole('button', { name: 'Save the goal' }));
    expect(await screen.findByTestId('goal-alerts')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ responseRate: 40 });
    expect(screen.getByText(/Goal: 40% of those asked in each school/)).toBeInTheDocument();
  });

  it('on a survey’s results page, reads the rates under a heading one level below the page’s (no level skipped)', async () => {
    fakeApi({ 'GET /api/v1/surveys/srv-1/response-rates': travel });
    renderPage(<ResponseRatesPanel surveyId="srv-1" canSetGoal={false} />, { roles: ['school-leader'] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Travel to school' })).toBeInTheDocument();
  });

  it('on the trust dashboard, reads each survey under the section’s h2', async () => {
    fakeApi({ 'GET /api/v1/trust/survey-response-rates': { items: [travel] } });
    renderPage(<SurveyGoals />, { roles: ['trust-leader'] });
    expect(await screen.findByRole('heading', { level: 3, name: 'Travel to school' })).toBeInTheDocument();
  });
});
