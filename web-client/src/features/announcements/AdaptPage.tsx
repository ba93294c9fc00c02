import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { StoredHtml } from '../../layout/StoredHtml';
import { usePageTitle } from '../../layout/usePageTitle';
import { titleOf, useDecision } from './useAnnouncements';

/** A school leader adds a local note to a trust-wide announcement and picks when it goes out at their school. */
export function AdaptPage() {
  const { t } = useTranslation();
  usePageTitle(t('compose.adaptTitle'));
  const { id = '', schoolId = '' } = useParams();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const view = useQuery({ queryKey: ['announcement', id], queryFn: () => ok(api.GET('/api/v1/announcements/{id}', { params: { path: { id } } })) });
  const adopt = useDecision(() => ok(api.POST('/api/v1/announcements/{id}/schools/{schoolId}/adopt', {
    params: { path: { id, schoolId } },
    body: { localNote: note.trim() || undefined, publishAt: publishAt ? new Date(publishAt).toISOString() : undefined },
  })));
  const submit = (event: FormEvent) => { event.preventDefault(); adopt.mutate(undefined); };
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorMessage error={view.error} />;
  const content = view.data.translations?.[view.data.defaultLanguage ?? 'en'];
  return (
    <section aria-labelledby="adapt-title">
      <h1 id="adapt-title">{t('compose.adaptTitle')}: {nameOf(schoolId)}</h1>
      <p>{t('compose.adaptIntro')}</p>
      <article className="card"><h2>{titleOf(view.data)}</h2><StoredHtml html={content?.html} /></article>
      {adopt.isSuccess ? (
        <><Notice>{t('compose.published')}</Notice><p><Link to="/announcements">{t('nav.announcements')}</Link></p></>
      ) : (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="local-note">{t('compose.bodyLabel')}</label>
            <textarea id="local-note" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="adapt-at">{t('compose.scheduleAt')}</label>
            <input id="adapt-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
          </div>
          {adopt.error && <ErrorMessage error={adopt.error} />}
          <button type="submit" disabled={adopt.isPending}>{t('compose.submit')}</button>
        </form>
      )}
    </section>
  );
}
