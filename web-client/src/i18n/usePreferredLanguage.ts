import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/ApiContext';
import { ok } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { i18n, uiLanguageFor } from '.';

/** The query the preferences page edits: saving a new language there changes the UI language too. */
export const PREFERENCES_QUERY = ['preferences'] as const;

/**
 * Chorus speaks the language the signed-in person prefers (their announcement language) when it is
 * written in it, otherwise the browser's language, otherwise English.
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
    if (wanted !== i18n.language) void i18n.changeLanguage(wanted);
  }, [preferred]);
}
