import { screen } from '@testing-library/react';
import { App } from './App';
import { fakeApi, renderPage } from './test/render';

describe('App', () => {
  it('on a first visit to a deep link offers sign-in without saying a session ended', async () => {
    fakeApi({});
    renderPage(<App />, { roles: null, path: '/surveys' });
    expect(await screen.findByText('Sign in with your school account to see this page.')).toBeInTheDocument();
    expect(screen.queryByText(/Your session has ended/)).not.toBeInTheDocument();
  });

  it('says the session ended when one did', async () => {
    fakeApi({});
    renderPage(<App />, { roles: null, path: '/surveys', auth: { ended: true } });
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
  });

  it('opens the feed for a member of staff: what is addressed to them, whatever their role', async () => {
    fakeApi({
      'GET /api/v1/feed': { items: [{ id: 'ann-1', schoolId: 'sch-001', title: 'Staff briefing moved', html: '<p>Now at 8:15.</p>', priority: 'NORMAL', publishedAt: '2026-11-24T09:00:00Z' }] },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    });
    renderPage(<App />, { roles: ['staff'], path: '/feed' });
    expect(await screen.findByRole('heading', { name: 'Staff briefing moved' })).toBeInTheDocument();
    expect(screen.queryByText('You do not have access to this.')).not.toBeInTheDocument();
  });
});
