import { screen } from '@testing-library/react';
import { ReachPage } from './ReachPage';
import { fakeApi, renderPage } from '../../test/render';

vi.mock('../../charts/BarChart', () => ({ BarChart: ({ title }: { title: string }) => <div role="img" aria-label={title} /> }));

const tally = { total: 0, bySchool: {}, byYearGroup: {}, byRole: {} };
const report = (pushesGivenUp: Record<string, number>) => ({
  announcementId: 'ann-1', audience: 58, audienceBySchool: { 'sch-001': { carers: 58 } },
  delivered: tally, opened: tally, acknowledged: tally, pushesGivenUp,
});

function open(pushesGivenUp: Record<string, number>) {
  fakeApi({
    'GET /api/v1/announcements/ann-1': { id: 'ann-1', requiresAcknowledgement: false, translations: { en: { title: 'Trip' } } },
    'GET /api/v1/announcements/ann-1/reach': report(pushesGivenUp),
    'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
  });
  renderPage(<ReachPage />, { roles: ['school-leader'], path: '/announcements/ann-1/reach', route: '/announcements/:id/reach' });
}

describe('ReachPage', () => {
  it('tells the head teacher how many pushes expired while the notification service was down', async () => {
    open({ expired: 12 });
    expect(await screen.findByTestId('reach-pushes-expired')).toHaveTextContent(/stayed unavailable until they expired: 12/);
    expect(screen.queryByTestId('reach-pushes-refused')).not.toBeInTheDocument();
  });

  it('tells the head teacher whom the email fallback did not reach, not as pushes refused', async () => {
    open({ emailNotSent: 40, emailExpired: 2 });
    expect(await screen.findByTestId('reach-emails-not-sent')).toHaveTextContent(/email fallback did not reach .*: 42/);
    expect(screen.queryByTestId('reach-pushes-refused')).not.toBeInTheDocument();
  });

  it('says nothing about pushes when none was given up', async () => {
    open({});
    expect(await screen.findByTestId('reach-audience')).toHaveTextContent('58');
    expect(screen.queryByTestId('reach-pushes-expired')).not.toBeInTheDocument();
    expect(screen.queryByTestId('reach-emails-not-sent')).not.toBeInTheDocument();
  });
});
