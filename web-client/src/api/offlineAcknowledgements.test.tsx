import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FeedPage } from '../features/feed/FeedPage';
import { behindAConnection, fakeApi, renderPage } from '../test/render';
import { ApiError } from './client';
import { queueAcknowledgement, queuedAcknowledgements } from './offlineAcknowledgements';
import { sendOutbox, type QueuedAcknowledgement } from './outbox';
import { useOutbox } from './useOutbox';

const CARER = 'carer.demo';
const item = {
  id: 'ann-1', schoolId: 'sch-001', language: 'en', title: 'Trip to the museum', html: '<p>Please pack lunch.</p>',
  priority: 'IMPORTANT', requiresAcknowledgement: true, publishedAt: '2026-11-24T09:00:00Z', acknowledgedAt: null,
};

function App() {
  useOutbox();
  return <FeedPage />;
}

/** The api as a carer's phone sees it: acknowledgements reach it only while `connection.online`. */
function apiBehindAFlakyConnection() {
  const acknowledged: string[] = [];
  const { fetchMock } = fakeApi({
    'GET /api/v1/feed': () => ({ items: [{ ...item, acknowledgedAt: acknowledged.length > 0 ? '2026-11-24T10:00:00Z' : null }] }),
    'GET /api/v1/schools': { items: [{ id: 'sch-001', name: 'Oakfield Primary' }] },
    'POST /api/v1/feed/ann-1/acknowledge': (call) => {
      acknowledged.push(call.headers.get('Idempotency-Key')!);
      return { ...item, acknowledgedAt: '2026-11-24T10:00:00Z' };
    },
  });
  return { ...behindAConnection(fetchMock), acknowledged };
}

const signedIn = { roles: ['carer'], auth: { session: { username: CARER, displayName: 'Sarah', roles: ['carer'], accessToken: 't', expiresAt: 0 } } };

describe('a carer acknowledges an announcement on a phone that loses its connection', () => {
  it('is told the acknowledgement will be sent when back online, and it is sent once, with the same key, when it is', async () => {
    const api = apiBehindAFlakyConnection();
    renderPage(<App />, signedIn);
    expect(await screen.findByRole('heading', { name: 'Trip to the museum' })).toBeInTheDocument();

    api.connection.online = false;
    await userEvent.click(screen.getByRole('button', { name: 'I have read this' }));
    expect(await screen.findByText('Your acknowledgement will be sent when you are back online.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'I have read this' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(queuedAcknowledgements(CARER)).toEqual([expect.objectContaining({ announcementId: 'ann-1', key: api.triedKeys[0] })]);

    api.connection.online = true;
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText(/^Acknowledged/)).toBeInTheDocument();
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(queuedAcknowledgements(CARER)).toEqual([]));
    expect(api.acknowledged).toEqual([api.triedKeys[0]]);
  });

  it('still shows it as waiting when the app is opened again before the connection returns', async () => {
    queueAcknowledgement(CARER, 'ann-1', 'key-from-the-bus');
    const api = apiBehindAFlakyConnection();
    api.connection.online = false;
    renderPage(<App />, signedIn);
    expect(await screen.findByText('Your acknowledgement will be sent when you are back online.')).toBeInTheDocument();
    expect(api.triedKeys).toEqual(['key-from-the-bus']);
    expect(queuedAcknowledgements(CARER)).toHaveLength(1);
  });
});

describe('the queue of acknowledgements made offline', () => {
  const failing = (error: unknown) => async () => { throw error; };

  it('keeps the first key when the same post is acknowledged again', () => {
    queueAcknowledgement(CARER, 'ann-1', 'first');
    queueAcknowledgement(CARER, 'ann-1', 'second');
    expect(queuedAcknowledgements(CARER).map((ack) => ack.key)).toEqual(['first']);
  });

  it('sends each acknowledgement once however often sending starts, retrying with its own key', async () => {
    queueAcknowledgement(CARER, 'ann-1', 'k1');
    queueAcknowledgement(CARER, 'ann-2', 'k2');
    expect(await sendOutbox(CARER, { acknowledgement: failing(new TypeError('Failed to fetch')) })).toBe(0);
    expect(queuedAcknowledgements(CARER)).toHaveLength(2);

    const sent: QueuedAcknowledgement[] = [];
    const send = async (ack: QueuedAcknowledgement) => { sent.push(ack); };
    const [first, second] = await Promise.all([sendOutbox(CARER, { acknowledgement: send }), sendOutbox(CARER, { acknowledgement: send })]);
    expect([first, second]).toEqual([2, 2]);
    expect(sent.map((ack) => ack.key)).toEqual(['k1', 'k2']);
    expect(await sendOutbox(CARER, { acknowledgement: send })).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it('drops one the api refuses for good (a withdrawn post) and keeps one it could not take yet', async () => {
    queueAcknowledgement(CARER, 'ann-gone', 'k1');
    await sendOutbox(CARER, { acknowledgement: failing(new ApiError(404, { title: 'Not Found' })) });
    expect(queuedAcknowledgements(CARER)).toEqual([]);

    queueAcknowledgement(CARER, 'ann-1', 'k2');
    await sendOutbox(CARER, { acknowledgement: failing(new ApiError(503, { title: 'Unavailable' })) });
    await sendOutbox(CARER, { acknowledgement: failing(new ApiError(401, { title: 'Session ended' })) });
    expect(queuedAcknowledgements(CARER).map((ack) => ack.key)).toEqual(['k2']);
  });

  it('still sends an acknowledgement queued before survey answers shared the outbox, and only once', async () => {
    localStorage.setItem(`chorus.queued-acknowledgements.${CARER}`, JSON.stringify([{ announcementId: 'ann-1', key: 'k-old', queuedAt: '2026-12-01T08:00:00Z' }]));
    const sent: QueuedAcknowledgement[] = [];
    expect(await sendOutbox(CARER, { acknowledgement: async (ack) => { sent.push(ack); } })).toBe(1);
    expect(await sendOutbox(CARER, { acknowledgement: async (ack) => { sent.push(ack); } })).toBe(0);
    expect(sent.map((ack) => ack.key)).toEqual(['k-old']);
  });

  it('keeps one person’s queue apart from another’s on a shared phone', () => {
    queueAcknowledgement(CARER, 'ann-1', 'k1');
    expect(queuedAcknowledgements('carer.dad')).toEqual([]);
  });
});
