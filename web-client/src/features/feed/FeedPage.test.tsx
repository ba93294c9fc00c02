import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FeedPage } from './FeedPage';
import { fakeApi, renderPage } from '../../test/render';

const item = {
  id: 'ann-1', schoolId: 'sch-001', language: 'en', title: 'Trip to the museum', html: '<p>Please pack lunch.</p>',
  priority: 'IMPORTANT', requiresAcknowledgement: true, publishedAt: '2026-11-24T09:00:00Z', acknowledgedAt: null,
};

describe('FeedPage', () => {
  it('lets a carer acknowledge an announcement once, sending an idempotency key', async () => {
    let acknowledged = false;
    const { calls } = fakeApi({
      'GET /api/v1/feed': () => ({ items: [{ ...item, acknowledgedAt: acknowledged ? '2026-11-24T10:00:00Z' : null }], unread: 1, awaitingAcknowledgement: 1 }),
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
      'POST /api/v1/feed/ann-1/acknowledge': () => { acknowledged = true; return { ...item, acknowledgedAt: '2026-11-24T10:00:00Z' }; },
    });
    renderPage(<FeedPage />, { roles: ['carer'] });
    // The first card of the file waits for the lazily loaded sanitiser (StoredHtml): seconds on a busy machine.
    expect(await screen.findByRole('heading', { name: 'Trip to the museum' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText('Please pack lunch.')).toBeInTheDocument();
    expect(await screen.findByText(/From Oakfield Primary/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'I have read this' }));
    expect(await screen.findByText(/^Acknowledged/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'I have read this' })).not.toBeInTheDocument();
    const ack = calls.find((c) => c.method === 'POST');
    expect(ack?.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
  });

  it('tells a carer with nothing yet what will appear', async () => {
    fakeApi({ 'GET /api/v1/feed': { items: [], unread: 0, awaitingAcknowledgement: 0 }, 'GET /api/v1/schools': { items: [] } });
    renderPage(<FeedPage />, { roles: ['carer'] });
    await waitFor(() => expect(screen.getByText(/Nothing here yet/)).toBeInTheDocument());
  });

  it('tells a carer with children in two schools which child a post is about', async () => {
    fakeApi({
      'GET /api/v1/feed': { items: [item, { ...item, id: 'ann-2', schoolId: null, title: 'Trust inset day', requiresAcknowledgement: false }] },
      'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }, { id: 'sch-002', name: 'Riverside Academy' }] },
      'GET /api/v1/me': { username: 'carer.demo', roles: ['carer'], children: [
        { pupilId: 'pup-1', givenName: 'Amira', schoolId: 'sch-001', schoolName: 'Oakfield Primary' },
        { pupilId: 'pup-2', givenName: 'Leo', schoolId: 'sch-002', schoolName: 'Riverside Academy' },
      ] },
    });
    renderPage(<FeedPage />, { roles: ['carer'] });
    const school = await screen.findByRole('article', { name: 'Trip to the museum' });
    expect(await within(school).findByText('About Amira (Oakfield Primary)')).toBeInTheDocument();
    const trust = screen.getByRole('article', { name: 'Trust inset day' });
    expect(within(trust).getByText('About Amira (Oakfield Primary) and Leo (Riverside Academy)')).toBeInTheDocument();
  });
});
