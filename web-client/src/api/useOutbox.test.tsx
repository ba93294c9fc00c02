import { waitFor } from '@testing-library/react';
import { behindAConnection, fakeApi, renderPage } from '../test/render';
import { outbox, putInOutbox } from './outbox';
import { useOutbox } from './useOutbox';

const CARER = 'carer.demo';
const signedIn = { roles: ['carer'], auth: { session: { username: CARER, displayName: 'Sarah', roles: ['carer'], accessToken: 't', expiresAt: 0 } } };

function Outbox() {
  useOutbox();
  return null;
}

/** The api as it answers a repeat of an answer whose first try it is still saving: 409, try again in `seconds`. */
const stillBeingSaved = (seconds: string) => new Response(JSON.stringify({
  type: 'urn:chorus:problem:submission-in-progress', title: 'Still being saved', status: 409,
}), { status: 409, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': seconds } });

describe('a carer whose answers were still being saved from an earlier try', () => {
  it('has them sent again when the api said to, without waiting for the connection to drop and return', async () => {
    putInOutbox(CARER, {
      kind: 'survey-answers', surveyId: 'sv-1', unit: 'pup-1', title: 'School lunches', version: 'v1',
      answers: { q1: 'yes' }, submit: true, key: 'key-from-the-bus', queuedAt: '2026-12-07T08:00:00Z',
    });
    const keys: string[] = [];
    fakeApi({
      'POST /api/v1/surveys/sv-1/responses/pup-1': (call) => {
        keys.push(call.headers.get('Idempotency-Key')!);
        return keys.length === 1 ? stillBeingSaved('1') : { surveyId: 'sv-1', unit: 'pup-1', submittedAt: '2026-12-07T08:00:02Z' };
      },
    });
    renderPage(<Outbox />, signedIn);

    await waitFor(() => expect(keys).toHaveLength(1));
    expect(outbox(CARER)).toEqual([expect.not.objectContaining({ refused: expect.anything() })]);
    await waitFor(() => expect(outbox(CARER)).toEqual([]), { timeout: 5000 });
    expect(keys).toEqual(['key-from-the-bus', 'key-from-the-bus']);
  });
});

describe('a carer whose phone says it is back online a moment before its connection carries anything', () => {
  it('has their answers sent a few seconds later, without another change of connection', async () => {
    putInOutbox(CARER, {
      kind: 'survey-answers', surveyId: 'sv-2', unit: 'pup-2', title: 'Museum trip', version: 'v1',
      answers: { q1: 'yes' }, submit: true, key: 'key-from-the-tunnel', queuedAt: '2026-12-07T08:00:00Z',
    });
    const { fetchMock } = fakeApi({
      'POST /api/v1/surveys/sv-2/responses/pup-2': { surveyId: 'sv-2', unit: 'pup-2', submittedAt: '2026-12-07T08:00:07Z' },
    });
    const { connection, triedKeys } = behindAConnection(fetchMock);
    connection.online = false;
    renderPage(<Outbox />, signedIn);
    await waitFor(() => expect(triedKeys).toHaveLength(1));

    connection.online = true; // no 'online' event: the browser sent it before the connection worked

    await waitFor(() => expect(outbox(CARER)).toEqual([]), { timeout: 8000 });
    expect(triedKeys).toEqual(['key-from-the-tunnel', 'key-from-the-tunnel']);
  }, 10000);
});
