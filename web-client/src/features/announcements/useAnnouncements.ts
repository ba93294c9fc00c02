import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { AnnouncementView } from '../../api/types';

/** Announcements I write or look after, newest first (the first 100). */
export function useAnnouncements() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['announcements'],
    queryFn: async () => (await ok(api.GET('/api/v1/announcements', { params: { query: { limit: 100 } } }))).items as AnnouncementView[],
  });
}

export function titleOf(view: AnnouncementView): string {
  const translations = view.translations ?? {};
  return translations[view.defaultLanguage ?? 'en']?.title ?? Object.values(translations)[0]?.title ?? '';
}

/** A decision on an announcement that refreshes the lists afterwards. */
export function useDecision<T>(decide: (input: T) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn: decide, onSuccess: () => queries.invalidateQueries({ queryKey: ['announcements'] }) });
}
