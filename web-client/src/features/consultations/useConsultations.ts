import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { CommentView, ConsultationView, CycleView, IdeaView } from '../../api/types';
import { label } from '../../i18n';

type Page<T> = { items?: T[]; next?: string | null };

export function useConsultationList() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['consultations'],
    queryFn: async () => ((await ok(api.GET('/api/v1/consultations'))) as Page<ConsultationView>).items ?? [],
  });
}

export function useConsultation(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['consultation', id],
    queryFn: () => ok(api.GET('/api/v1/consultations/{consultationId}', { params: { path: { consultationId: id } } })) as Promise<ConsultationView>,
  });
}

/** Ideas by support; "show more" follows the cursor, which keeps the order the first page saw. */
export function useIdeas(id: string) {
  const { api } = useApi();
  return useInfiniteQuery({
    queryKey: ['consultation', id, 'ideas'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/consultations/{consultationId}/ideas', {
      params: { path: { consultationId: id }, query: { cursor: pageParam, limit: 10 } },
    })) as Promise<Page<IdeaView>>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Threads on the consultation, or on one idea. */
export function useThreads(id: string, ideaId?: string) {
  const { api } = useApi();
  return useInfiniteQuery({
    queryKey: ['consultation', id, 'comments', ideaId ?? ''],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/consultations/{consultationId}/comments', {
      params: { path: { consultationId: id }, query: { ideaId, cursor: pageParam, limit: 20 } },
    })) as Promise<Page<CommentView>>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useChain(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['consultation', id, 'chain'],
    queryFn: () => ok(api.GET('/api/v1/consultations/{consultationId}/chain', { params: { path: { consultationId: id } } })) as Promise<CycleView[]>,
  });
}

/** After a write: the consultation and everything under it are read again. */
export function useRefresh(id: string) {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: ['consultation', id] });
}

export function stageLabel(stage?: string | null): string {
  return label('consultations', stage);
}
