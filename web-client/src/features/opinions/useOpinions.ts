import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { ConversationView, OpinionMapView, OpinionReport, OpinionStatement } from '../../api/types';
import { useLiveStream } from '../../api/useLiveStream';

export const conversationPath = (id: string) => `/api/v1/opinions/conversations/${encodeURIComponent(id)}`;

/** The conversations of a consultation's deliberation phase the caller leads or takes part in. */
export function useConsultationConversations(consultationId: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['opinions', 'of', consultationId],
    queryFn: async () => ((await ok(api.GET('/api/v1/opinions/conversations', {
      params: { query: { consultationId } },
    }))).items ?? []) as ConversationView[],
  });
}

export function useConversation(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['opinions', id],
    queryFn: () => ok(api.GET('/api/v1/opinions/conversations/{id}', { params: { path: { id } } })) as Promise<ConversationView>,
  });
}

/** The statement the api routes to the caller next; null once they have voted on every one shown. */
export function useNextStatement(id: string, enabled: boolean) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['opinions', id, 'next'],
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/opinions/conversations/{id}/next-statement', { params: { path: { id } } });
      if (response.status === 204) return null;
      return ok(Promise.resolve({ data, response, error: response.ok ? undefined : data })) as Promise<OpinionStatement>;
    },
  });
}

/** The map now (one read), then each update the api streams. */
export function useLiveMap(id: string) {
  const { api } = useApi();
  const first = useQuery({
    queryKey: ['opinions', id, 'map'],
    queryFn: () => ok(api.GET('/api/v1/opinions/conversations/{id}/map', { params: { path: { id } } })) as Promise<OpinionMapView>,
  });
  const stream = useLiveStream<OpinionMapView>(`${conversationPath(id)}/map/stream`, 'map');
  const latest = [stream.value, first.data].filter((map): map is OpinionMapView => !!map)
    .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  return { map: latest, live: stream.live, error: latest ? null : first.error, pending: !latest && first.isPending };
}

export function useOpinionReport(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['opinions', id, 'report'],
    queryFn: () => ok(api.GET('/api/v1/opinions/conversations/{id}/report', { params: { path: { id } } })) as Promise<OpinionReport>,
  });
}

/** After a vote or a statement: the caller's progress and next statement are read again. */
export function useRefreshConversation(id: string) {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: ['opinions', id] });
}
