import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DecisionsPage } from './DecisionsPage';
import { fakeApi, renderPage } from '../../test/render';

function vote(id: string, question: string) {
  return { id, question: { en: question }, method: 'APPROVAL', status: 'CLOSED', closesAt: '2026-11-01T09:00:00Z', units: [] };
}

describe('DecisionsPage', () => {
  it('shows a head their newest votes first and the older ones when asked, following the cursor', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/decisions': (call) => call.url.includes('cursor=older')
        ? { items: [vote('dec-1', 'School day times')], next: null }
        : { items: [vote('dec-3', 'Uniform supplier'), vote('dec-2', 'Sports fund')], next: 'older' },
    });
    renderPage(<DecisionsPage />, { roles: ['school-leader'] });

    expect(await screen.findByRole('heading', { name: 'Uniform supplier' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'School day times' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Show older votes' }));

    expect(await screen.findByRole('heading', { name: 'School day times' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Uniform supplier', 'Sports fund', 'School day times']);
    expect(screen.queryByRole('button', { name: 'Show older votes' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/v1/decisions')).map((c) => c.url)).toEqual([
      '/api/v1/decisions?limit=20', '/api/v1/decisions?cursor=older&limit=20']);
  });
});
