import { screen } from '@testing-library/react';
import { FeedPage } from '../features/feed/FeedPage';
import { fakeApi, renderPage } from '../test/render';
import { forgetAllFeeds, keepFeed, keptFeed } from './offlineFeed';
import type { FeedItem } from './types';

const item: FeedItem = { id: 'ann-1', schoolId: 'sch-001', title: 'Trip to the museum', html: '<p>Pack lunch.</p>', priority: 'NORMAL', publishedAt: '2026-11-24T09:00:00Z' };

describe('a carer reads the feed on a phone the family shares', () => {
  beforeEach(() => sessionStorage.clear());

  it('reads the feed last seen when the connection drops', async () => {
    keepFeed('carer.demo', [item], new Date('2026-11-24T10:00:00Z'));
    const { fetchMock } = fakeApi({});
    fetchMock.mockImplementation(async () => { throw new TypeError('Failed to fetch'); });
    renderPage(<FeedPage />, { roles: ['carer'], auth: { session: { username: 'carer.demo', displayName: 'Sarah', roles: ['carer'], accessToken: 't', expiresAt: 0 } } });
    expect(await screen.findByRole('heading', { name: 'Trip to the museum' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/You are offline.*removed from this device when you sign out/);
  });

  it('keeps only the signed-in person’s copy: the next person to sign in never sees it', async () => {
    keepFeed('carer.demo', [item]);
    fakeApi({ 'GET /api/v1/feed': { items: [{ ...item, id: 'ann-2', title: 'Dad’s club' }] }, 'GET /api/v1/schools': { items: [] } });
    renderPage(<FeedPage />, { roles: ['carer'], auth: { session: { username: 'carer.dad', displayName: 'Tom', roles: ['carer'], accessToken: 't', expiresAt: 0 } } });
    expect(await screen.findByRole('heading', { name: 'Dad’s club' })).toBeInTheDocument();
    expect(keptFeed('carer.demo')).toBeNull();
    expect(keptFeed('carer.dad')?.items.map((i) => i.id)).toEqual(['ann-2']);
  });

  it('keeps nothing after signing out', () => {
    keepFeed('carer.demo', [item]);
    forgetAllFeeds();
    expect(keptFeed('carer.demo')).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('shows the api’s answer, not an old copy, when the api refuses', async () => {
    keepFeed('carer.demo', [item]);
    fakeApi({});
    renderPage(<FeedPage />, { roles: ['carer'], auth: { session: { username: 'carer.demo', displayName: 'Sarah', roles: ['carer'], accessToken: 't', expiresAt: 0 } } });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Trip to the museum' })).not.toBeInTheDocument();
  });
});
