import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OpinionReportPage } from './OpinionReportPage';
import { fakeApi, renderPage } from '../../test/render';

const base = '/api/v1/opinions/conversations/conv-1';
const report = {
  topic: 'Should school start later?',
  participation: { participants: 40, placed: 36, votes: 512, statementsShown: 14, statementsModeratedOut: 1 },
  groups: [{ label: 'Group A', size: 20, summary: 'Group A (20 people) is set apart by how they voted on: “Start at 9:30”.', representative: [] }],
  consensusAgree: [{ id: 's-5', text: 'Breakfast club should stay' }], consensusDisagree: [],
  pictureUrl: `${base}/map.svg`,
};

describe('A leader on the opinion map report', () => {
  it('reads participation, the groups in words and the consensus, with the api\'s picture to download', async () => {
    const { calls } = fakeApi({
      [`GET ${base}/report`]: report,
      [`GET ${base}`]: { id: 'conv-1', topic: report.topic, youLead: true, youTakePart: false, strict: true },
      [`GET ${base}/map.svg`]: new Response('<svg xmlns="http://www.w3.org/2000/svg"><title>Opinion map</title></svg>', { headers: { 'Content-Type': 'image/svg+xml' } }),
    });
    URL.createObjectURL = vi.fn(() => 'blob:map');
    URL.revokeObjectURL = vi.fn();
    renderPage(<OpinionReportPage />, { roles: ['trust-leader'], path: '/opinions/conv-1/report', route: '/opinions/:id/report' });
    const participation = await screen.findByRole('region', { name: 'Participation' });
    expect(within(participation).getByText('512')).toBeInTheDocument();
    expect(screen.getByText(/Group A \(20 people\) is set apart/)).toBeInTheDocument();
    expect(screen.getByText('Breakfast club should stay')).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: /The opinion map as a picture: Should school start later\?/ })).toHaveAttribute('src', 'blob:map');
    expect(screen.getByRole('link', { name: 'Download the map (SVG)' })).toHaveAttribute('download', 'opinion-map.svg');
    expect(calls.find((c) => c.url.endsWith('/map.svg'))!.headers.get('Authorization')).toBe('Bearer token');
    expect(screen.getByRole('link', { name: 'Moderate statements' })).toHaveAttribute('href', '/moderation');
  });

  it('seeds a statement, shown at once', async () => {
    const { calls } = fakeApi({
      [`GET ${base}/report`]: report,
      [`GET ${base}`]: { id: 'conv-1', topic: report.topic, youLead: true, youTakePart: false, strict: true },
      [`GET ${base}/map.svg`]: '',
      [`POST ${base}/statements`]: { id: 's-7', text: 'Clubs after school would move', seeded: true, visibility: 'SHOWN' },
    });
    URL.createObjectURL = vi.fn(() => 'blob:map');
    URL.revokeObjectURL = vi.fn();
    renderPage(<OpinionReportPage />, { roles: ['trust-leader'], path: '/opinions/conv-1/report', route: '/opinions/:id/report' });
    const seed = await screen.findByRole('form', { name: 'Seed a statement' });
    await userEvent.type(within(seed).getByLabelText('Your statement'), 'Clubs after school would move');
    await userEvent.click(within(seed).getByRole('button', { name: 'Add statement' }));
    expect(await screen.findByText('Your statement is added: others are voting on it now.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ text: 'Clubs after school would move' });
  });
});
