import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { ok } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { switchUiLanguage, uiLanguageFor } from '.';

/** The query the preferences page edits: saving a new language there changes the UI language too. */
export const PREFERENCES_QUERY = ['preferences'] as const;

/**
 * Chorus speaks the language the signed-in person prefers (their announcement language) when it is
 * written in it, otherwise the browser's language, otherwise English. Only that language's strings are fetched,
 * and it is remembered so the next visit starts in it.
 */
export function usePreferredLanguage() {
  const { session } = useAuth();
  const { api } = useApi();
  const preferences = useQuery({
    queryKey: PREFERENCES_QUERY,
    queryFn: () => ok(api.GET('/api/v1/preferences')),
    enabled: !!session,
    staleTime: Infinity,
  });
  const preferred = preferences.data?.language;
  useEffect(() => {
    const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
    const wanted = uiLanguageFor(preferred, ...browser);
    void switchUiLanguage(wanted);
  }, [preferred]);
}
