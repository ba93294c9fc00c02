import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { useApi } from './ApiContext';
import { ok } from './client';
import { idOf, outbox, OUTBOX_CHANGED, sendOutbox, type Outgoing, type Senders } from './outbox';

/** After the api could not be reached, the next try comes this long after, doubling up to the last. */
const FIRST_RETRY_S = 5;
const LAST_RETRY_S = 120;

/**
 * While someone is signed in, sends what they did offline (ADR 0361): now, whenever the connection returns, when the
 * api asked to be tried again later (an answer still being saved from an earlier try: `Retry-After`), and a while after
 * a try that could not reach the api: a phone often says it is online a moment before its connection carries anything.
 */
export function useOutbox() {
  const username = useAuth().session?.username;
  const { api } = useApi();
  const queries = useQueryClient();
  useEffect(() => {
    if (!username) return undefined;
    const senders: Senders = {
      acknowledgement: (ack) => ok(api.POST('/api/v1/feed/{id}/acknowledge', {
        params: { path: { id: ack.announcementId }, header: { 'Idempotency-Key': ack.key } },
      })),
      'survey-answers': ({ surveyId, unit, answers, submit, key }) => (submit
        ? ok(api.POST('/api/v1/surveys/{surveyId}/responses/{unit}', {
          params: { path: { surveyId, unit }, header: { 'Idempotency-Key': key } }, body: { answers },
        }))
        : ok(api.PUT('/api/v1/surveys/{surveyId}/responses/{unit}/draft', { params: { path: { surveyId, unit } }, body: { answers } }))),
    };
    let later: ReturnType<typeof setTimeout> | undefined;
    let retryIn = FIRST_RETRY_S;
    const tryAgainIn = (seconds: number) => {
      clearTimeout(later);
      later = setTimeout(flush, seconds * 1000);
    };
    const flush = (): void => void sendOutbox(username, senders, {
      tryAgainIn,
      tryLater: () => {
        tryAgainIn(retryIn);
        retryIn = Math.min(retryIn * 2, LAST_RETRY_S);
      },
    }).then((sent) => {
      if (sent === 0) return;
      retryIn = FIRST_RETRY_S;
      for (const queryKey of [['feed'], ['surveys-waiting'], ['survey-form']]) void queries.invalidateQueries({ queryKey });
    });
    flush();
    window.addEventListener('online', flush);
    return () => {
      clearTimeout(later);
      window.removeEventListener('online', flush);
    };
  }, [username, api, queries]);
}

/** The person's outbox, kept up to date as entries are queued, sent or refused. */
export function useOutboxEntries(username: string | undefined): Outgoing[] {
  const [entries, setEntries] = useState(() => (username ? outbox(username) : []));
  useEffect(() => {
    // Re-rendered only when the outbox changed: most pages read it once and never again.
    const update = () => {
      const now = username ? outbox(username) : [];
      setEntries((before) => (JSON.stringify(before) === JSON.stringify(now) ? before : now));
    };
    update();
    window.addEventListener(OUTBOX_CHANGED, update);
    return () => window.removeEventListener(OUTBOX_CHANGED, update);
  }, [username]);
  return entries;
}

/** The person's outbox entry for one thing (`idOf`). */
export function useOutboxEntry(username: string | undefined, id: string): Outgoing | undefined {
  return useOutboxEntries(username).find((queued) => idOf(queued) === id);
}
