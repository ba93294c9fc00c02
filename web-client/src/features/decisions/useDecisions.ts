import { useRef } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import type { BallotRequest, DecisionDetails, DecisionDraft, DecisionResultsView } from '../../api/types';
import { useLiveStream } from '../../api/useLiveStream';

type Page<T> = { items?: T[]; next?: string | null };

export type Breakdown = 'school' | 'year' | 'role';

export function useDecision(id: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['decision', id],
    queryFn: () => ok(api.GET('/api/v1/decisions/{decisionId}', { params: { path: { decisionId: id } } })) as Promise<DecisionDetails>,
  });
}

/** A consultation's votes this person manages or may vote in (a handful, in one page). */
export function useDecisionList(consultationId?: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['decisions', 'consultation', consultationId],
    queryFn: async () => ((await ok(api.GET('/api/v1/decisions', { params: { query: { consultationId } } }))) as Page<DecisionDetails>).items ?? [],
  });
}

/** The votes this leader runs, newest first, a page at a time ("show older" follows the cursor). */
export function useManagedDecisions() {
  const { api } = useApi();
  return useInfiniteQuery({
    queryKey: ['decisions', 'managed'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/decisions', { params: { query: { cursor: pageParam, limit: 20 } } })) as Promise<Page<DecisionDetails>>,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** The first read, then the live stream (figures after each ballot; the full count once closed). */
export function useResults(id: string, by?: Breakdown) {
  const { api } = useApi();
  const first = useQuery({
    queryKey: ['decision', id, 'results', by ?? 'all'],
    queryFn: () => ok(api.GET('/api/v1/decisions/{decisionId}/results', { params: { path: { decisionId: id }, query: { by } } })) as Promise<DecisionResultsView>,
  });
  const path = `/api/v1/decisions/${encodeURIComponent(id)}/results/stream${by ? `?by=${by}` : ''}`;
  const stream = useLiveStream<DecisionResultsView>(path, 'results');
  return { results: stream.value ?? first.data, live: stream.live, error: first.error, isPending: first.isPending && !stream.value };
}

/** Casts (or changes) one unit's ballot; a retry of the same press reuses its key, so it is never counted twice. */
export function useCast(id: string) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ballot, key }: { ballot: BallotRequest; key: string }) => ok(api.POST('/api/v1/decisions/{decisionId}/ballots', {
      params: { path: { decisionId: id }, header: { 'Idempotency-Key': key } }, body: ballot,
    })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['decision', id] }),
  });
}

export function useCreateDecision() {
  const { api } = useApi();
  const client = useQueryClient();
  const key = useRef(idempotencyKey());
  return useMutation({
    mutationFn: (draft: DecisionDraft) => ok(api.POST('/api/v1/decisions', { params: { header: { 'Idempotency-Key': key.current } }, body: draft })) as Promise<DecisionDetails>,
    onSuccess: () => {
      key.current = idempotencyKey();
      void client.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
}

export function useCloseDecision(id: string) {
  const { api } = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/decisions/{decisionId}/close', { params: { path: { decisionId: id } } })) as Promise<DecisionDetails>,
    onSuccess: (closed) => {
      client.setQueryData(['decision', id], closed);
      void client.invalidateQueries({ queryKey: ['decision', id, 'results'] });
      void client.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
}

/** An option's label in the reader's language (English for now), or its id. */
export function optionLabel(decision: Pick<DecisionDetails, 'options'> | undefined, optionId: string): string {
  const option = decision?.options?.find((o) => o.id === optionId);
  return option?.label?.en ?? Object.values(option?.label ?? {})[0] ?? optionId;
}

export function questionOf(decision: Pick<DecisionDetails, 'question'> | undefined): string {
  return decision?.question?.en ?? Object.values(decision?.question ?? {})[0] ?? '';
}
