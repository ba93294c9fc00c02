import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import type { ConsultationView, IdeaView } from '../../api/types';
import { i18n } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { Discussion } from './Comments';
import { ReportForm } from './ReportForm';
import { useIdeas, useRefresh } from './useConsultations';

interface Props { consultation: ConsultationView; as?: string; canTakePart: boolean }

/** The ideas by support, with "show more"; proposing and supporting while the ideas phase is open. */
export function Ideas({ consultation, as, canTakePart }: Props) {
  const { t } = useTranslation();
  const ideas = useIdeas(consultation.id!);
  const items = ideas.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  const open = consultation.stage === 'IDEAS' && canTakePart;
  return (
    <section aria-labelledby="ideas-title">
      <h2 id="ideas-title">{t('consultations.ideas')}</h2>
      {open && <ProposeForm consultationId={consultation.id!} as={as} />}
      {ideas.isPending && <Loading />}
      {ideas.error && <ErrorMessage error={ideas.error} />}
      {ideas.isSuccess && items.length === 0 && <p>{t('consultations.ideasEmpty')}</p>}
      {items.length > 0 && (
        <ol className="feed">
          {items.map((idea) => <IdeaItem key={idea.id} idea={idea} consultation={consultation} as={as} canSupport={open} canTakePart={canTakePart} />)}
        </ol>
      )}
      {ideas.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void ideas.fetchNextPage()} disabled={ideas.isFetchingNextPage}>
          {t('consultations.more')}
        </button>
      )}
    </section>
  );
}

function ProposeForm({ consultationId, as }: { consultationId: string; as?: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultationId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState('');
  const [key, setKey] = useState(idempotencyKey);
  const propose = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/consultations/{consultationId}/ideas', {
      params: { path: { consultationId }, query: { as }, header: { 'Idempotency-Key': key } },
      body: { title: title.trim(), body: body.trim(), category: category.trim() || undefined },
    })) as Promise<IdeaView>,
    onSuccess: () => { setTitle(''); setBody(''); setCategory(''); setKey(idempotencyKey()); void refresh(); },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); propose.mutate(); };
  return (
    <form onSubmit={submit} aria-labelledby="propose-title" className="panel">
      <h3 id="propose-title">{t('consultations.propose')}</h3>
      <div className="field">
        <label htmlFor="idea-title">{t('consultations.ideaTitle')}</label>
        <input id="idea-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={150} required />
      </div>
      <div className="field">
        <label htmlFor="idea-body">{t('consultations.ideaBody')}</label>
        <textarea id="idea-body" value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} required />
      </div>
      <div className="field">
        <label htmlFor="idea-category">{t('consultations.ideaCategory')}</label>
        <input id="idea-category" value={category} onChange={(e) => setCategory(e.target.value)} maxLength={60} />
      </div>
      <button type="submit" disabled={!title.trim() || !body.trim() || propose.isPending}>{t('consultations.send')}</button>
      {propose.data && <Notice>{propose.data.shownToOthers === false ? t('consultations.proposedWaiting') : t('consultations.proposed')}</Notice>}
      {propose.error && <ErrorMessage error={propose.error} />}
    </form>
  );
}

interface ItemProps { idea: IdeaView; consultation: ConsultationView; as?: string; canSupport: boolean; canTakePart: boolean }

function IdeaItem({ idea, consultation, as, canSupport, canTakePart }: ItemProps) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultation.id!);
  const [discussing, setDiscussing] = useState(false);
  const path = { consultationId: consultation.id!, ideaId: idea.id! };
  const support = useMutation({
    mutationFn: (give: boolean) => (give
      ? ok(api.PUT('/api/v1/consultations/{consultationId}/ideas/{ideaId}/support', { params: { path, query: { as } } }))
      : ok(api.DELETE('/api/v1/consultations/{consultationId}/ideas/{ideaId}/support', { params: { path, query: { as } } }))),
    onSuccess: () => void refresh(),
  });
  const report = (reason: string) => ok(api.POST('/api/v1/consultations/{consultationId}/ideas/{ideaId}/reports', { params: { path }, body: { reason } }));
  const headingId = `idea-${idea.id}`;
  const supportedBy = idea.supportedAs ?? [];
  const supportsAlready = supportedBy.includes(as ?? (consultation.yourVoices ?? [])[0]?.as ?? 'self');
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{idea.title}</h3>
      <p className="muted">
        <strong>{t('consultations.supports', { count: idea.supports ?? 0 })}</strong>
        {idea.goesForward === true && <> · <span className="badge">{t('consultations.goesForward')}</span></>}
        {idea.goesForward === false && <> · {t('consultations.belowThreshold')}</>}
        {idea.category && <> · {idea.category}</>}
        {idea.mine && <> · {t('consultations.mine')}</>}
        {idea.shownToOthers === false && <> · <strong>{idea.mine ? t('consultations.awaiting') : t('consultations.held')}</strong></>}
        {idea.mergedInto && <> · {t('consultations.merged')}</>}
      </p>
      {supportedBy.length > 0 && (
        <p className="badge">{supportedBy.length === 1 && supportedBy[0] === 'self' ? t('consultations.youSupport')
          : t('consultations.youSupportFor', { voices: supportedBy.map((voice) => labelOf(consultation, voice)) })}</p>
      )}
      <p>{idea.body}</p>
      <div className="actions">
        {canSupport && !supportsAlready && idea.shownToOthers !== false && !idea.mergedInto && (
          <button type="button" onClick={() => support.mutate(true)} disabled={support.isPending} aria-label={`${t('consultations.support')}: ${idea.title}`}>
            {t('consultations.support')}
          </button>
        )}
        {canSupport && supportsAlready && !consultation.anonymous && !idea.mergedInto && (
          <button type="button" className="secondary" onClick={() => support.mutate(false)} disabled={support.isPending} aria-label={`${t('consultations.withdraw')}: ${idea.title}`}>
            {t('consultations.withdraw')}
          </button>
        )}
        <button type="button" className="secondary" aria-expanded={discussing} onClick={() => setDiscussing(!discussing)} aria-label={`${t('consultations.showComments')}: ${idea.title}`}>
          {t('consultations.showComments')}
        </button>
        {!idea.mine && <ReportForm send={report} what={idea.title ?? ''} />}
      </div>
      {support.isSuccess && (
        <Notice>{support.variables ? (consultation.anonymous ? t('consultations.supportedFinal') : t('consultations.supported')) : t('consultations.withdrawn')}</Notice>
      )}
      {support.error && <ErrorMessage error={support.error} />}
      {discussing && (
        <Discussion nested heading={t('consultations.commentOn', { title: idea.title ?? '' })}
          where={{ consultationId: consultation.id!, ideaId: idea.id, as, canWrite: canTakePart && isOpenForComments(consultation.stage) }} />
      )}
    </li>
  );
}

/** "Oliver (Oakfield Primary)" for a child's voice, "you" for one's own. */
function labelOf(consultation: ConsultationView, voice: string): string {
  if (voice === 'self') return i18n.t('consultations.yourself');
  return (consultation.yourVoices ?? []).find((v) => v.as === voice)?.label ?? voice;
}

export function isOpenForComments(stage?: string): boolean {
  return stage === 'IDEAS' || stage === 'DELIBERATION';
}
