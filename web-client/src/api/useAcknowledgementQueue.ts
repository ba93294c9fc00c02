import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { useApi } from './ApiContext';
import { ok } from './client';
import { sendQueuedAcknowledgements } from './offlineAcknowledgements';

/** While someone is signed in, sends what they acknowledged offline: now, and whenever the connection returns. */
export function useAcknowledgementQueue() {
  const username = useAuth().session?.username;
  const { api } = useApi();
  const queries = useQueryClient();
  useEffect(() => {
    if (!username) return undefined;
    const flush = () => void sendQueuedAcknowledgements(username, (ack) => ok(api.POST('/api/v1/feed/{id}/acknowledge', {
      params: { path: { id: ack.announcementId }, header: { 'Idempotency-Key': ack.key } },
    }))).then((sent) => { if (sent > 0) void queries.invalidateQueries({ queryKey: ['feed'] }); });
    flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [username, api, queries]);
}
