import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { AnnouncementView } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { StoredHtml } from '../../layout/StoredHtml';
import { usePageTitle } from '../../layout/usePageTitle';
import { AudienceSummary } from './AudienceSummary';
import { titleOf, useAnnouncements, useDecision } from './useAnnouncements';

/** Posts by staff that wait for a school leader before they go out. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('approvals.title'));
  const list = useAnnouncements();
  const [done, setDone] = useState<string>();
  const waiting = (list.data ?? []).filter((view) => view.status === 'PENDING_APPROVAL');
  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('approvals.title')}</h1>
      {done && <Notice>{done}</Notice>}
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.isSuccess && waiting.length === 0 && <p>{t('approvals.empty')}</p>}
      {waiting.map((view) => <Waiting key={view.id} view={view} onDone={setDone} />)}
    </section>
  );
}

function Waiting({ view, onDone }: { view: AnnouncementView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const [comment, setComment] = useState('');
  const id = view.id!;
  const approve = useDecision(() => ok(api.POST('/api/v1/announcements/{id}/approve', { params: { path: { id } } })));
  const reject = useDecision(() => ok(api.POST('/api/v1/announcements/{id}/return', { params: { path: { id } }, body: { comment } })));
  const content = view.translations?.[view.defaultLanguage ?? 'en'];
  return (
    <article className="card" aria-labelledby={`approve-${id}`}>
      <h2 id={`approve-${id}`}>{titleOf(view)}</h2>
      <p className="muted">{t('approvals.by', { author: view.authorName ?? view.authorId ?? '' })} · {nameOf(view.schoolId)}</p>
      <ul className="approval-facts">
        <li data-testid="approval-audience"><AudienceSummary audience={view.audience} schoolId={view.schoolId} /></li>
        <li data-testid="approval-priority">
          {t('priority.label')}: <span className={`badge ${view.priority ?? 'NORMAL'}`}>{label('priority', view.priority ?? 'NORMAL')}</span>
          {view.requiresAcknowledgement && <> · {t('approvals.needsAck')}</>}
        </li>
      </ul>
      <StoredHtml html={content?.html} />
      <div className="field">
        <label htmlFor={`comment-${id}`}>{t('approvals.reason')}</label>
        <textarea id={`comment-${id}`} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => approve.mutate(undefined, { onSuccess: () => onDone(t('approvals.approved')) })}>{t('approvals.approve')}</button>
        <button type="button" className="secondary" disabled={!comment.trim()}
          onClick={() => reject.mutate(undefined, { onSuccess: () => onDone(t('approvals.rejected')) })}>{t('approvals.reject')}</button>
      </div>
      {(approve.error || reject.error) && <ErrorMessage error={approve.error ?? reject.error} />}
    </article>
  );
}
