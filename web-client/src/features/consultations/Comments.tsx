import { useTranslation } from 'react-i18next';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import type { CommentView, Stance } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { ReportForm } from './ReportForm';
import { useRefresh, useThreads } from './useConsultations';

const STANCES: Stance[] = ['FOR', 'AGAINST', 'NEUTRAL'];
const DEEPEST = 2;

interface Where { consultationId: string; ideaId?: string; as?: string; canWrite: boolean }

/** Threads, oldest first, each with replies two levels deep; a form for a new comment with a stance. */
export function Discussion({ where, heading, nested = false }: { where: Where; heading: string; nested?: boolean }) {
  const { t } = useTranslation();
  const Heading = nested ? 'h4' : 'h2';
  const threads = useThreads(where.consultationId, where.ideaId);
  const items = threads.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{heading}</Heading>
      {threads.isPending && <Loading />}
      {threads.error && <ErrorMessage error={threads.error} />}
      {threads.isSuccess && items.length === 0 && <p className="muted">{t('consultations.commentsEmpty')}</p>}
      {items.length > 0 && <ul className="feed">{items.map((c) => <CommentItem key={c.id} comment={c} where={where} />)}</ul>}
      {threads.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void threads.fetchNextPage()} disabled={threads.isFetchingNextPage}>
          {t('consultations.moreComments')}
        </button>
      )}
      {where.canWrite && <CommentForm where={where} />}
    </section>
  );
}

function CommentItem({ comment, where }: { comment: CommentView; where: Where }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const replies = comment.replies ?? [];
  const report = (reason: string) => ok(api.POST('/api/v1/consultations/{consultationId}/comments/{commentId}/reports', {
    params: { path: { consultationId: where.consultationId, commentId: comment.id! } }, body: { reason },
  }));
  return (
    <li className="card">
      <p className="muted">
        <span className="badge">{label('consultations', comment.stance)}</span>{' '}
        {comment.author} · {formatDateTime(comment.createdAt)}
        {comment.edited && <> · <em>{t('consultations.edited')}</em></>}
        {comment.shownToOthers === false && <> · <strong>{comment.mine ? t('consultations.awaiting') : t('consultations.held')}</strong></>}
      </p>
      {editing ? <EditForm comment={comment} where={where} onDone={() => setEditing(false)} /> : <p>{comment.body}</p>}
      <div className="actions">
        {where.canWrite && (comment.depth ?? 0) < DEEPEST && !replying && (
          <button type="button" className="secondary" onClick={() => setReplying(true)} aria-label={`${t('consultations.reply')}: ${comment.author}`}>
            {t('consultations.reply')}
          </button>
        )}
        {comment.mine && !editing && <button type="button" className="secondary" onClick={() => setEditing(true)}>{t('consultations.edit')}</button>}
        {!comment.mine && <ReportForm send={report} what={comment.author ?? ''} />}
      </div>
      {replying && <CommentForm where={where} parentId={comment.id} onDone={() => setReplying(false)} />}
      {replies.length > 0 && <ul className="feed">{replies.map((r) => <CommentItem key={r.id} comment={r} where={where} />)}</ul>}
    </li>
  );
}

function CommentForm({ where, parentId, onDone }: { where: Where; parentId?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(where.consultationId);
  const [body, setBody] = useState('');
  const [stance, setStance] = useState<Stance>('NEUTRAL');
  const [key, setKey] = useState(idempotencyKey);
  const id = useId();
  const send = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/consultations/{consultationId}/comments', {
      params: { path: { consultationId: where.consultationId }, query: { as: where.as }, header: { 'Idempotency-Key': key } },
      body: { ideaId: where.ideaId, parentId, stance, body: body.trim() },
    })) as Promise<CommentView>,
    onSuccess: () => { setBody(''); setKey(idempotencyKey()); void refresh(); onDone?.(); },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); send.mutate(); };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t('consultations.stance')}</legend>
        {STANCES.map((value) => (
          <label key={value} className="check">
            <input type="radio" name={`stance-${id}`} value={value} checked={stance === value} onChange={() => setStance(value)} />
            {label('consultations', value)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={id}>{parentId ? t('consultations.yourReply') : t('consultations.yourComment')}</label>
        <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} required />
      </div>
      <div className="actions">
        <button type="submit" disabled={!body.trim() || send.isPending}>{parentId ? t('consultations.reply') : t('consultations.comment')}</button>
        {onDone && <button type="button" className="secondary" onClick={onDone}>{t('consultations.cancel')}</button>}
      </div>
      {send.data && <Notice>{send.data.shownToOthers === false ? t('consultations.commentedWaiting') : t('consultations.commented')}</Notice>}
      {send.error && <ErrorMessage error={send.error} />}
    </form>
  );
}

function EditForm({ comment, where, onDone }: { comment: CommentView; where: Where; onDone: () => void }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(where.consultationId);
  const [body, setBody] = useState(comment.body ?? '');
  const id = useId();
  const save = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/consultations/{consultationId}/comments/{commentId}', {
      params: { path: { consultationId: where.consultationId, commentId: comment.id! } }, body: { body: body.trim() },
    })),
    onSuccess: () => { void refresh(); onDone(); },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('consultations.yourComment')}</label>
        <textarea id={id} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} required />
      </div>
      <div className="actions">
        <button type="submit" disabled={!body.trim() || save.isPending}>{t('consultations.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>{t('consultations.cancel')}</button>
      </div>
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
