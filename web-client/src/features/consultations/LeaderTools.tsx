import { useTranslation } from 'react-i18next';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import type { ActionInput, ActionStatus, ConsultationAction, ConsultationView } from '../../api/types';
import { label } from '../../i18n';
import { ErrorMessage, Notice } from '../../layout/Status';
import { stageLabel, useIdeas, useRefresh, useThreads } from './useConsultations';

const STATUSES: ActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED'];

/** What a consultation's managers do: move the phase on, merge duplicates, publish the outcome, keep actions up to date. */
export function LeaderTools({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-title" className="panel">
      <h2 id="manage-title">{t('consultations.manage')}</h2>
      <Advance consultation={consultation} />
      <Merge consultationId={consultation.id!} />
      <PublishOutcome consultation={consultation} />
      <ActionForm consultationId={consultation.id!} />
      {(consultation.actions ?? []).map((action) => <ActionForm key={action.id} consultationId={consultation.id!} action={action} />)}
    </section>
  );
}

/** For a school leader: a link to adapt an adaptable trust-wide consultation for each school they lead. */
export function AdaptLinks({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const me = useMe();
  const { nameOf } = useSchools();
  if (consultation.schoolId || !consultation.adaptation?.adaptable) return null;
  const led = me.data?.leadsSchools ?? [];
  if (led.length === 0) return null;
  return (
    <ul className="tags">
      {led.map((school) => (
        <li key={school}><Link to={`/consultations/${consultation.id}/adapt/${school}`}>{t('consultations.adapt')}: {nameOf(school)}</Link></li>
      ))}
    </ul>
  );
}

function Advance({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultation.id!);
  const advance = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/consultations/{consultationId}/advance', { params: { path: { consultationId: consultation.id! } } })) as Promise<ConsultationView>,
    onSuccess: () => void refresh(),
  });
  return (
    <div>
      <button type="button" onClick={() => advance.mutate()} disabled={advance.isPending}>{t('consultations.advance')}</button>
      {advance.data && <Notice>{t('consultations.advanced', { stage: stageLabel(advance.data.stage) })}</Notice>}
      {advance.error && <ErrorMessage error={advance.error} />}
    </div>
  );
}

function Merge({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultationId);
  const ideas = (useIdeas(consultationId).data?.pages.flatMap((p) => p.items ?? []) ?? []).filter((idea) => !idea.mergedInto);
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const merge = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/consultations/{consultationId}/ideas/{ideaId}/merge-into/{intoId}', {
      params: { path: { consultationId, ideaId: from, intoId: into } },
    })),
    onSuccess: () => { setFrom(''); setInto(''); void refresh(); },
  });
  if (ideas.length < 2) return null;
  const submit = (event: FormEvent) => { event.preventDefault(); merge.mutate(); };
  return (
    <form onSubmit={submit} aria-labelledby="merge-title">
      <h3 id="merge-title">{t('consultations.merge')}</h3>
      <div className="field">
        <label htmlFor="merge-from">{t('consultations.mergeFrom')}</label>
        <select id="merge-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('consultations.none')}</option>
          {ideas.map((idea) => <option key={idea.id} value={idea.id}>{idea.title}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="merge-into">{t('consultations.mergeInto')}</label>
        <select id="merge-into" value={into} onChange={(e) => setInto(e.target.value)}>
          <option value="">{t('consultations.none')}</option>
          {ideas.filter((idea) => idea.id !== from).map((idea) => <option key={idea.id} value={idea.id}>{idea.title}</option>)}
        </select>
      </div>
      <button type="submit" disabled={!from || !into || merge.isPending}>{t('consultations.merge')}</button>
      {merge.isSuccess && <Notice>{t('consultations.mergeDone')}</Notice>}
      {merge.error && <ErrorMessage error={merge.error} />}
    </form>
  );
}

function PublishOutcome({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultation.id!);
  const ideas = (useIdeas(consultation.id!).data?.pages.flatMap((p) => p.items ?? []) ?? []).filter((idea) => !idea.mergedInto);
  const comments = useThreads(consultation.id!).data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const [decision, setDecision] = useState(consultation.outcome?.decision ?? '');
  const [rationale, setRationale] = useState(consultation.outcome?.rationale ?? '');
  const [linked, setLinked] = useState<Set<string>>(new Set([...(consultation.outcome?.ideaIds ?? []), ...(consultation.outcome?.commentIds ?? [])]));
  const toggle = (id: string) => setLinked((now) => { const next = new Set(now); if (next.has(id)) next.delete(id); else next.add(id); return next; });
  const publish = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/consultations/{consultationId}/outcome', {
      params: { path: { consultationId: consultation.id! } },
      body: {
        decision: decision.trim(), rationale: rationale.trim(),
        ideaIds: ideas.filter((i) => linked.has(i.id!)).map((i) => i.id!),
        commentIds: comments.filter((c) => linked.has(c.id!)).map((c) => c.id!),
      },
    })),
    onSuccess: () => void refresh(),
  });
  const submit = (event: FormEvent) => { event.preventDefault(); publish.mutate(); };
  return (
    <form onSubmit={submit} aria-labelledby="publish-title">
      <h3 id="publish-title">{t('consultations.publishOutcome')}</h3>
      <div className="field">
        <label htmlFor="outcome-decision">{t('consultations.decision')}</label>
        <textarea id="outcome-decision" value={decision} onChange={(e) => setDecision(e.target.value)} maxLength={2000} required />
      </div>
      <div className="field">
        <label htmlFor="outcome-rationale">{t('consultations.rationale')}</label>
        <textarea id="outcome-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} required />
      </div>
      {ideas.length + comments.length > 0 && (
        <fieldset>
          <legend>{t('consultations.outcomeLinks')}</legend>
          {ideas.map((idea) => (
            <label key={idea.id} className="check"><input type="checkbox" checked={linked.has(idea.id!)} onChange={() => toggle(idea.id!)} />{idea.title}</label>
          ))}
          {comments.map((c) => (
            <label key={c.id} className="check"><input type="checkbox" checked={linked.has(c.id!)} onChange={() => toggle(c.id!)} />{c.author}: {c.body?.slice(0, 80)}</label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={!decision.trim() || !rationale.trim() || publish.isPending}>{t('consultations.publishOutcome')}</button>
      {publish.isSuccess && <Notice>{t('consultations.outcomePublished')}</Notice>}
      {publish.error && <ErrorMessage error={publish.error} />}
    </form>
  );
}

type MilestoneRow = { what: string; dueAt: string; done: boolean };

/** Adds an action, or (given one) updates its status, progress and milestones. */
function ActionForm({ consultationId, action }: { consultationId: string; action?: ConsultationAction }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const refresh = useRefresh(consultationId);
  const id = useId();
  const [what, setWhat] = useState(action?.what ?? '');
  const [owner, setOwner] = useState(action?.ownerName ?? '');
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'PLANNED');
  const [progress, setProgress] = useState(action?.progress ?? 0);
  const [milestones, setMilestones] = useState<MilestoneRow[]>(
    (action?.milestones ?? []).map((m) => ({ what: m.what ?? '', dueAt: m.dueAt?.slice(0, 10) ?? '', done: !!m.done })));
  const setRow = (i: number, patch: Partial<MilestoneRow>) => setMilestones((rows) => rows.map((r, j) => (i === j ? { ...r, ...patch } : r)));
  const save = useMutation({
    mutationFn: () => {
      const body: ActionInput = {
        what: what.trim(), ownerName: owner.trim(), status, progress,
        milestones: milestones.filter((m) => m.what.trim() && m.dueAt).map((m) => ({ what: m.what.trim(), dueAt: new Date(m.dueAt).toISOString(), done: m.done })),
      };
      return action
        ? ok(api.PUT('/api/v1/consultations/{consultationId}/actions/{actionId}', { params: { path: { consultationId, actionId: action.id! } }, body }))
        : ok(api.POST('/api/v1/consultations/{consultationId}/actions', { params: { path: { consultationId } }, body }));
    },
    onSuccess: () => {
      if (!action) { setWhat(''); setOwner(''); setStatus('PLANNED'); setProgress(0); setMilestones([]); }
      void refresh();
    },
  });
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  const heading = action ? t('consultations.updateAction', { what: action.what ?? '' }) : t('consultations.addAction');
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{heading}</h3>
      <div className="field">
        <label htmlFor={`${id}-what`}>{t('consultations.actionWhat')}</label>
        <input id={`${id}-what`} value={what} onChange={(e) => setWhat(e.target.value)} maxLength={500} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{t('consultations.actionOwner')}</label>
        <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('consultations.actionStatus')}</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
          {STATUSES.map((s) => <option key={s} value={s}>{label('consultations', s)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-progress`}>{t('consultations.actionProgress')}</label>
        <input id={`${id}-progress`} type="number" min={0} max={100} value={progress} onChange={(e) => setProgress(Number(e.target.value))} />
      </div>
      {milestones.map((row, i) => (
        <fieldset key={i}>
          <legend>{t('consultations.milestoneWhat')} {i + 1}</legend>
          <div className="field">
            <label htmlFor={`${id}-m${i}`}>{t('consultations.milestoneWhat')}</label>
            <input id={`${id}-m${i}`} value={row.what} onChange={(e) => setRow(i, { what: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-d${i}`}>{t('consultations.milestoneDue')}</label>
            <input id={`${id}-d${i}`} type="date" value={row.dueAt} onChange={(e) => setRow(i, { dueAt: e.target.value })} />
          </div>
          <label className="check"><input type="checkbox" checked={row.done} onChange={(e) => setRow(i, { done: e.target.checked })} />{t('consultations.done')}</label>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setMilestones((rows) => [...rows, { what: '', dueAt: '', done: false }])}>{t('consultations.addMilestone')}</button>
        <button type="submit" disabled={!what.trim() || !owner.trim() || save.isPending}>{t('consultations.saveAction')}</button>
      </div>
      {save.isSuccess && <Notice>{t('consultations.actionSaved')}</Notice>}
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
