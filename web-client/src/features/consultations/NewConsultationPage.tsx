import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import type { Audience, ConsultationDraft, ConsultationView, Phase } from '../../api/types';
import { label } from '../../i18n';
import { ErrorMessage } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { useAuth } from '../../auth/AuthContext';
import { AudiencePicker, useReachPreview } from '../announcements/AudiencePicker';
import { audienceChoices } from '../announcements/audienceChoices';
import { useConsultationList } from './useConsultations';

const PHASES: Phase[] = ['IDEAS', 'DELIBERATION', 'DECISION', 'OUTCOME', 'REVIEW'];
const METHODS = ['APPROVAL', 'SCORE', 'CONSENT', 'RANKED_CHOICE_IRV', 'BORDA'] as const;
const DAY = 86_400_000;

type Row = { on: boolean; startsAt: string };

/** A local date-time for an <input type="datetime-local">, `days` from now. */
export function localInput(days: number, now = Date.now()): string {
  const date = new Date(now + days * DAY);
  date.setSeconds(0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const iso = (local: string) => new Date(local).toISOString();

/** A leader creates a consultation: what it asks, who decides and how, who takes part, phases with dates. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  usePageTitle(t('consultations.newTitle'));
  const { api } = useApi();
  const navigate = useNavigate();
  const me = useMe();
  const { schools } = useSchools();
  const earlier = useConsultationList();
  const trustWide = !!me.data?.trustWide;
  const [schoolId, setSchoolId] = useState('');
  const speaker = schoolId || (trustWide ? '' : me.data?.leadsSchools?.[0] ?? '');
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [body, setBody] = useState('');
  const [binding, setBinding] = useState(false);
  const [method, setMethod] = useState<(typeof METHODS)[number]>('APPROVAL');
  const [decidedBy, setDecidedBy] = useState('');
  const [audience, setAudience] = useState<Audience>({ scope: 'SCHOOLS', ids: [], roles: ['CARERS'] });
  const { session } = useAuth();
  const allowed = audienceChoices(me.data, session?.roles ?? [], schools);
  // A school's consultation asks within its school; only the trust's may ask the whole trust.
  const choices = speaker ? { ...allowed, scopes: allowed.scopes.filter((scope) => scope !== 'TRUST') } : allowed;
  const reach = useReachPreview(audience);
  const [carerVoice, setCarerVoice] = useState<'ONE_PER_CHILD' | 'EACH_CARER_PER_CHILD'>('ONE_PER_CHILD');
  const [eligibility, setEligibility] = useState<'SNAPSHOT_AT_OPENING' | 'FOLLOWS_ROSTER'>('FOLLOWS_ROSTER');
  const [anonymous, setAnonymous] = useState(false);
  const [threshold, setThreshold] = useState('');
  const [phases, setPhases] = useState<Record<Phase, Row>>(() => ({
    IDEAS: { on: true, startsAt: localInput(0) }, DELIBERATION: { on: true, startsAt: localInput(14) },
    DECISION: { on: true, startsAt: localInput(21) }, OUTCOME: { on: true, startsAt: localInput(28) }, REVIEW: { on: true, startsAt: localInput(90) },
  }));
  const [endsAt, setEndsAt] = useState(localInput(120));
  const [adaptable, setAdaptable] = useState(false);
  const [closingFrom, setClosingFrom] = useState(localInput(10));
  const [closingUntil, setClosingUntil] = useState(localInput(14));
  const [continuesFrom, setContinuesFrom] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [key] = useState(idempotencyKey);
  const setPhase = (phase: Phase, patch: Partial<Row>) => setPhases((rows) => ({ ...rows, [phase]: { ...rows[phase], ...patch } }));

  const create = useMutation({
    mutationFn: (draft: ConsultationDraft) => ok(api.POST('/api/v1/consultations', { body: draft, params: { header: { 'Idempotency-Key': key } } })) as Promise<ConsultationView>,
    onSuccess: (created) => navigate(`/consultations/${created.id}`, { state: { fatigueWarning: created.fatigue?.warning } }),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = PHASES.filter((p) => phases[p].on && phases[p].startsAt);
    const problems: string[] = ([
      !title.trim() && t('consultations.titleRequired'),
      !question.trim() && t('consultations.questionRequired'),
      !binding && !decidedBy.trim() && t('consultations.decidedByRequired'),
      chosen.length === 0 && t('consultations.phaseRequired'),
      (audience.roles ?? []).length === 0 && t('compose.audienceRequired'),
    ] as (string | false)[]).filter((p): p is string => !!p);
    setErrors(problems);
    if (problems.length > 0) return;
    create.mutate({
      schoolId: speaker || undefined,
      defaultLanguage: 'en',
      translations: { en: { title: title.trim(), question: question.trim(), body: body.trim() || undefined } },
      decider: binding ? { binding: true, method } : { binding: false, decidedBy: decidedBy.trim() },
      audience: speaker && audience.scope === 'SCHOOLS' && (audience.ids ?? []).length === 0 ? { ...audience, ids: [speaker] } : audience,
      carerVoice, eligibility, anonymous,
      phases: chosen.map((phase) => ({ phase, startsAt: iso(phases[phase].startsAt) })),
      endsAt: endsAt ? iso(endsAt) : undefined,
      adaptation: !speaker && adaptable ? { adaptable: true, closingFrom: iso(closingFrom), closingUntil: iso(closingUntil) } : undefined,
      supportThreshold: threshold ? Number(threshold) : undefined,
      continuesFrom: continuesFrom || undefined,
    });
  };

  return (
    <section aria-labelledby="new-consultation-title">
      <h1 id="new-consultation-title">{t('consultations.newTitle')}</h1>
      {errors.length > 0 && (
        <div role="alert" className="error"><p>{t('errors.validation')}</p><ul>{errors.map((e) => <li key={e}>{e}</li>)}</ul></div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="c-school">{t('consultations.school')}</label>
          <select id="c-school" value={speaker} onChange={(e) => setSchoolId(e.target.value)}>
            {trustWide && <option value="">{t('consultations.trustVoice')}</option>}
            {schools.filter((s) => trustWide || (me.data?.leadsSchools ?? []).includes(s.id!))
              .map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-title">{t('consultations.cTitle')}</label>
          <input id="c-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        </div>
        <div className="field">
          <label htmlFor="c-question">{t('consultations.cQuestion')}</label>
          <input id="c-question" value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={500} required />
        </div>
        <div className="field">
          <label htmlFor="c-body">{t('consultations.cBody')}</label>
          <textarea id="c-body" value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <fieldset>
          <legend>{t('consultations.decider')}</legend>
          <label className="check"><input type="radio" name="decider" checked={!binding} onChange={() => setBinding(false)} />{t('consultations.advisory')}</label>
          <label className="check"><input type="radio" name="decider" checked={binding} onChange={() => setBinding(true)} />{t('consultations.binding')}</label>
          {binding ? (
            <div className="field">
              <label htmlFor="c-method">{t('consultations.method')}</label>
              <select id="c-method" value={method} onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}>
                {METHODS.map((m) => <option key={m} value={m}>{label('consultations', m)}</option>)}
              </select>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="c-decided-by">{t('consultations.decidedBy')}</label>
              <input id="c-decided-by" value={decidedBy} onChange={(e) => setDecidedBy(e.target.value)} required />
            </div>
          )}
        </fieldset>
        <AudiencePicker value={audience} onChange={setAudience} choices={choices} reach={reach} />
        <fieldset>
          <legend>{t('consultations.carerVoice')}</legend>
          {(['ONE_PER_CHILD', 'EACH_CARER_PER_CHILD'] as const).map((v) => (
            <label key={v} className="check"><input type="radio" name="carer-voice" checked={carerVoice === v} onChange={() => setCarerVoice(v)} />{label('consultations', v)}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('consultations.eligibility')}</legend>
          {(['FOLLOWS_ROSTER', 'SNAPSHOT_AT_OPENING'] as const).map((v) => (
            <label key={v} className="check"><input type="radio" name="eligibility" checked={eligibility === v} onChange={() => setEligibility(v)} />{label('consultations', v)}</label>
          ))}
        </fieldset>
        <label className="check"><input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{t('consultations.anonymous')}</label>
        <div className="field">
          <label htmlFor="c-threshold">{t('consultations.supportThreshold')}</label>
          <input id="c-threshold" type="number" min={1} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </div>
        <fieldset>
          <legend>{t('consultations.timetable')}</legend>
          <p className="hint">{t('consultations.timetableHelp')}</p>
          {PHASES.map((phase) => (
            <div key={phase} className="field">
              <label className="check"><input type="checkbox" checked={phases[phase].on} onChange={(e) => setPhase(phase, { on: e.target.checked })} />{label('consultations', phase)}</label>
              {phases[phase].on && (
                <input type="datetime-local" aria-label={`${label('consultations', phase)}: ${t('consultations.phases')}`} value={phases[phase].startsAt}
                  onChange={(e) => setPhase(phase, { startsAt: e.target.value })} />
              )}
            </div>
          ))}
          <div className="field">
            <label htmlFor="c-ends">{t('consultations.endsAt')}</label>
            <input id="c-ends" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </div>
        </fieldset>
        {!speaker && (
          <fieldset>
            <legend>{t('consultations.adaptable')}</legend>
            <label className="check"><input type="checkbox" checked={adaptable} onChange={(e) => setAdaptable(e.target.checked)} />{t('consultations.adaptable')}</label>
            {adaptable && (
              <>
                <div className="field"><label htmlFor="c-from">{t('consultations.closingFrom')}</label>
                  <input id="c-from" type="datetime-local" value={closingFrom} onChange={(e) => setClosingFrom(e.target.value)} /></div>
                <div className="field"><label htmlFor="c-until">{t('consultations.closingUntil')}</label>
                  <input id="c-until" type="datetime-local" value={closingUntil} onChange={(e) => setClosingUntil(e.target.value)} /></div>
              </>
            )}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="c-continues">{t('consultations.continuesFrom')}</label>
          <select id="c-continues" value={continuesFrom} onChange={(e) => setContinuesFrom(e.target.value)}>
            <option value="">{t('consultations.none')}</option>
            {(earlier.data ?? []).filter((c) => c.youManage).map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
          </select>
        </div>
        <button type="submit" disabled={create.isPending}>{t('consultations.createButton')}</button>
        {create.error && <ErrorMessage error={create.error} />}
      </form>
    </section>
  );
}
