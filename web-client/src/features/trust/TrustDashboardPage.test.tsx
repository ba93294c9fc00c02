import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TrustDashboardPage } from './TrustDashboardPage';
import { fakeApi, renderPage } from '../../test/render';

vi.mock('../../charts/BarChart', () => ({ BarChart: ({ title }: { title: string }) => <div role="img" aria-label={title} /> }));

const SCHOOLS = { items: [{ id: 'sch-001', name: 'Oakfield Primary' }, { id: 'sch-002', name: 'Riverside Academy' }, { id: 'sch-003', name: 'Hilltop Infants' }] };

describe('a trust leader reads the dashboard', () => {
  it('sees each school’s counts, rates and the period from one call, with small groups hidden', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/schools': SCHOOLS,
      'GET /api/v1/trust/dashboard': {
        from: '2026-11-07', to: '2026-12-06', announcements: 12, minimumGroupSize: 5, schools: [
          { schoolId: 'sch-001', announcements: 9, audience: 1940, opened: 970, acknowledgementsAsked: 388, acknowledged: 194, hidden: false },
          { schoolId: 'sch-002', announcements: 1, audience: null, opened: null, acknowledgementsAsked: null, acknowledged: null, hidden: true },
        ],
      },
    });
    renderPage(<TrustDashboardPage />, { roles: ['trust-leader'] });
    expect(await screen.findByTestId('trust-period')).toHaveTextContent('7 November 2026 to 6 December 2026 · 12 announcements');
    const table = screen.getByTestId('trust-table');
    const oakfield = within(table).getByRole('row', { name: /Oakfield Primary/ });
    expect(oakfield).toHaveTextContent('1,940');
    expect(oakfield).toHaveTextContent('970 (50%)');
    expect(oakfield).toHaveTextContent('194 of 388 asked (50%)');
    expect(within(table).getByRole('row', { name: /Riverside Academy/ })).toHaveTextContent('Fewer than 5 people: not shown');
    expect(within(table).getByRole('row', { name: /Hilltop Infants/ })).toHaveTextContent('No announcements');
    expect(calls.filter((c) => c.url.startsWith('/api/v1/trust/dashboard'))).toHaveLength(1);
    expect(calls.filter((c) => c.url.includes('/reach'))).toHaveLength(0);
  });

  it('asks the api for the period the leader chooses', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/schools': SCHOOLS,
      'GET /api/v1/trust/dashboard': (call) => ({ from: call.url.includes('from=') ? '2026-09-01' : '2026-11-07', to: '2026-12-06', announcements: 0, minimumGroupSize: 5, schools: [] }),
    });
    renderPage(<TrustDashboardPage />, { roles: ['trust-leader'] });
    await screen.findByTestId('trust-period');
    await userEvent.type(screen.getByLabelText('From'), '2026-09-01');
    await userEvent.click(screen.getByRole('button', { name: 'Show this period' }));
    expect(await screen.findByText(/1 September 2026 to 6 December 2026/)).toBeInTheDocument();
    expect(calls.at(-1)?.url).toBe('/api/v1/trust/dashboard?from=2026-09-01');
  });

  it('sees the survey goals below the table once it is in: never first, then pushed down the screen', async () => {
    const rates = { surveyId: 'srv-1', title: 'Travel to school', closesAt: '2026-12-09T17:00:00Z', goal: 40, closingSoon: false, minimumGroupSize: 5,
      schools: [{ schoolId: 'sch-001', schoolName: 'Oakfield Primary', asked: 40, answered: 30, percent: 75, hidden: false, answeredHidden: false, belowGoal: false }] };
    const { fetchMock } = fakeApi({
      'GET /api/v1/schools': SCHOOLS,
      'GET /api/v1/trust/dashboard': { from: '2026-11-07', to: '2026-12-06', announcements: 0, minimumGroupSize: 5, schools: [] },
      'GET /api/v1/trust/survey-response-rates': { items: [rates] },
    });
    let release = () => {};
    const tableHeld = new Promise<void>((resolve) => { release = resolve; });
    const answer = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/trust/dashboard')) await tableHeld;
      return answer(input, init);
    });
    renderPage(<TrustDashboardPage />, { roles: ['trust-leader'] });
    const goals = await screen.findByRole('article', { name: 'Travel to school', hidden: true });
    expect(goals).not.toBeVisible();
    release();
    expect(await screen.findByTestId('trust-period')).toBeVisible();
    await waitFor(() => expect(goals).toBeVisible());
  });
});
