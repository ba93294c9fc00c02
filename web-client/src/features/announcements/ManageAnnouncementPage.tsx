import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { AnnouncementView } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { titleOf } from './useAnnouncements';
import { canEdit, canWithdraw, editInput, textsOf, type Texts } from './editInput';

/** The author or a leader corrects an announcement (readers see it marked edited) or withdraws it with a reason. */
export function ManageAnnouncementPage() {
  const { t } = useTranslation();
  usePageTitle(t('announcements.manageTitle'));
  const { id = '' } = useParams();
  const { api } = useApi();
  const announcement = useQuery({
    queryKey: ['announcement', id],
    queryFn: async () => (await ok(api.GET('/api/v1/announcements/{id}', { params: { path: { id } } }))) as AnnouncementView,
  });
  const view = announcement.data;
  return (
    <section aria-labelledby="manage-title">
      <h1 id="manage-title">{t('announcements.manageTitle')}</h1>
      <p><Link to="/announcements">{t('announcements.backToList')}</Link></p>
      {announcement.isPending && <Loading />}
      {announcement.error && <ErrorMessage error={announcement.error} />}
      {view && <>
        <h2>{titleOf(view)}</h2>
        <AnnouncementState view={view} />
        {canEdit(view) && <EditForm view={view} />}
        {canWithdraw(view) && <WithdrawForm view={view} />}
      </>}
    </section>
  );
}

/** Status, and why it changed: "Edited on …", "Withdrawn on …: reason". */
export function AnnouncementState({ view }: { view: AnnouncementView }) {
  const { t } = useTranslation();
  return (
    <p className="muted">
      <span className="badge">{label('announcements', view.status)}</span>
      {view.edited && view.editedAt && <> · {t('announcements.editedOn', { when: formatDateTime(view.editedAt), version: view.version })}{view.editReason && <>: {view.editReason}</>}</>}
      {view.retractedAt && <> · <strong>{t('announcements.withdrawnBecause', { when: formatDateTime(view.retractedAt), reason: view.retractionReason ?? '' })}</strong></>}
    </p>
  );
}

function useChange<T>(send: (input: T) => Promise<AnnouncementView>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => {
      queries.setQueryData(['announcement', view.id], view);
      return queries.invalidateQueries({ queryKey: ['announcements'] });
    },
  });
}

function EditForm({ view }: { view: AnnouncementView }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const [texts, setTexts] = useState<Texts>(() => textsOf(view));
  const [reason, setReason] = useState('');
  const live = view.status === 'PUBLISHED';
  const save = useChange((edited: Texts) => ok(api.PUT('/api/v1/announcements/{id}', {
    params: { path: { id: view.id! } }, body: editInput(view, edited, new Date(), live ? reason : undefined),
  })) as Promise<AnnouncementView>);
  const set = (lang: string, field: 'title' | 'body', value: string) => setTexts((all) => ({ ...all, [lang]: { ...all[lang], [field]: value } }));
  const submit = (e: FormEvent) => { e.preventDefault(); save.mutate(texts); };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('announcements.editTitle')}</h2>
      <p className="muted">{live ? t('announcements.editLiveHelp') : t('announcements.editDraftHelp')}</p>
      {Object.entries(texts).map(([lang, text]) => (
        <fieldset key={lang}>
          <legend>{label('languages', lang)}</legend>
          <div className="field">
            <label htmlFor={`edit-${lang}-title`}>{t('compose.titleLabel')}</label>
            <input id={`edit-${lang}-title`} value={text.title} onChange={(e) => set(lang, 'title', e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={`edit-${lang}-body`}>{t('compose.bodyLabel')}</label>
            <textarea id={`edit-${lang}-body`} value={text.body} onChange={(e) => set(lang, 'body', e.target.value)} required />
          </div>
        </fieldset>
      ))}
      {live && (
        <div className="field">
          <label htmlFor="edit-reason">{t('announcements.editReason')}</label>
          <input id="edit-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
      )}
      <button type="submit" disabled={save.isPending}>{t('announcements.saveEdit')}</button>
      {save.isSuccess && <Notice>{live ? t('announcements.editedLive') : t('announcements.editedDraft')}</Notice>}
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}

function WithdrawForm({ view }: { view: AnnouncementView }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const withdraw = useChange((why: string) => ok(api.POST('/api/v1/announcements/{id}/retract', {
    params: { path: { id: view.id! } }, body: { reason: why },
  })) as Promise<AnnouncementView>);
  const submit = (e: FormEvent) => { e.preventDefault(); setConfirming(true); };
  return (
    <form onSubmit={submit} className="panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('announcements.withdrawTitle')}</h2>
      <p className="muted">{t('announcements.withdrawHelp')}</p>
      <div className="field">
        <label htmlFor="withdraw-reason">{t('announcements.withdrawReason')}</label>
        <textarea id="withdraw-reason" value={reason} onChange={(e) => { setReason(e.target.value); setConfirming(false); }} required maxLength={1000} />
      </div>
      {!confirming && <button type="submit" className="danger">{t('announcements.retract')}</button>}
      {confirming && (
        <div role="alertdialog" aria-labelledby="withdraw-confirm" className="notice">
          <p id="withdraw-confirm">{t('announcements.withdrawConfirm')}</p>
          <button type="button" className="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate(reason.trim())}>{t('announcements.withdrawYes')}</button>{' '}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('announcements.cancel')}</button>
        </div>
      )}
      {withdraw.error && <ErrorMessage error={withdraw.error} />}
    </form>
  );
}
