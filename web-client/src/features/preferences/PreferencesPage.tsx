import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { Preferences, PreferencesInput } from '../../api/types';
import { useSchools } from '../../api/hooks';
import { useTranslation } from 'react-i18next';
import { ANNOUNCEMENT_LANGUAGES, label } from '../../i18n';
import { PREFERENCES_QUERY } from '../../i18n/usePreferredLanguage';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';

const CHANNELS = ['push', 'email'] as const;

interface Form { channels: string[]; quietFrom?: string; quietUntil?: string; mutedSchools?: string[]; language?: string; dailyDigest?: boolean }

function toForm(saved: Preferences): Form {
  return {
    channels: saved.channels ?? [], quietFrom: saved.quietFrom ?? undefined, quietUntil: saved.quietUntil ?? undefined,
    mutedSchools: saved.mutedSchools ?? [], language: saved.language ?? undefined, dailyDigest: saved.dailyDigest,
  };
}

/** Settings for everyone: the language Chorus and announcements speak, and how and when the person is notified. */
export function PreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('preferences.title'));
  const { api } = useApi();
  const { schools } = useSchools();
  const current = useQuery({
    queryKey: PREFERENCES_QUERY,
    queryFn: () => ok(api.GET('/api/v1/preferences')),
  });
  const [prefs, setPrefs] = useState<Form>({ channels: ['push', 'email'] });
  useEffect(() => { if (current.data) setPrefs(toForm(current.data)); }, [current.data]);
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (body: PreferencesInput) => ok(api.PUT('/api/v1/preferences', { body })),
    onSuccess: (saved) => queries.setQueryData(PREFERENCES_QUERY, saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The api takes quiet hours as HH:mm (Europe/London).
    save.mutate({ ...prefs, quietFrom: prefs.quietFrom?.slice(0, 5) || undefined, quietUntil: prefs.quietUntil?.slice(0, 5) || undefined, language: prefs.language || undefined });
  };
  const toggle = (list: string[] = [], value: string, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));
  if (current.isPending) return <Loading />;
  return (
    <section aria-labelledby="prefs-title">
      <h1 id="prefs-title">{t('preferences.title')}</h1>
      {current.error && <ErrorMessage error={current.error} />}
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('preferences.channels')}</legend>
          {CHANNELS.map((channel) => (
            <label key={channel} className="check">
              <input type="checkbox" checked={prefs.channels.includes(channel)} onChange={(e) => setPrefs({ ...prefs, channels: toggle(prefs.channels, channel, e.target.checked) })} />
              {t(`preferences.${channel}`)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={!!prefs.dailyDigest} onChange={(e) => setPrefs({ ...prefs, dailyDigest: e.target.checked })} />
          {t('preferences.dailyDigest')}
        </label>
        <p className="hint">{t('preferences.dailyDigestHelp')}</p>
        <fieldset>
          <legend>{t('preferences.quietHours')}</legend>
          <p className="hint">{t('preferences.quietHoursHelp')}</p>
          <div className="actions">
            <div className="field"><label htmlFor="quiet-from">{t('preferences.from')}</label>
              <input id="quiet-from" type="time" value={prefs.quietFrom ?? ''} onChange={(e) => setPrefs({ ...prefs, quietFrom: e.target.value })} /></div>
            <div className="field"><label htmlFor="quiet-until">{t('preferences.to')}</label>
              <input id="quiet-until" type="time" value={prefs.quietUntil ?? ''} onChange={(e) => setPrefs({ ...prefs, quietUntil: e.target.value })} /></div>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="language">{t('preferences.language')}</label>
          <select id="language" value={prefs.language ?? ''} onChange={(e) => setPrefs({ ...prefs, language: e.target.value })}>
            <option value="">{t('languages.en')}</option>
            {ANNOUNCEMENT_LANGUAGES.filter((l) => l !== 'en').map((lang) => <option key={lang} value={lang}>{label('languages', lang)}</option>)}
          </select>
        </div>
        {schools.length > 1 && (
          <fieldset>
            <legend>{t('preferences.muted')}</legend>
            {schools.map((school) => (
              <label key={school.id} className="check">
                <input type="checkbox" checked={(prefs.mutedSchools ?? []).includes(school.id!)}
                  onChange={(e) => setPrefs({ ...prefs, mutedSchools: toggle(prefs.mutedSchools, school.id!, e.target.checked) })} />
                {school.name}
              </label>
            ))}
          </fieldset>
        )}
        {save.isSuccess && <Notice>{t('preferences.saved')}</Notice>}
        {save.error && <ErrorMessage error={save.error} />}
        <button type="submit" disabled={save.isPending}>{t('preferences.save')}</button>
      </form>
      <p><Link to="/privacy">{t('privacy.link')}</Link></p>
    </section>
  );
}
