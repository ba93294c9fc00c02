import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe, useSchools } from '../../api/hooks';
import type { DecisionDraft } from '../../api/types';
import { label } from '../../i18n';
import { ErrorMessage } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { useCreateDecision } from './useDecisions';

type Method = NonNullable<DecisionDraft['method']>;
type Tiebreak = NonNullable<NonNullable<DecisionDraft['ranking']>['tiebreak']>;
const METHODS: Method[] = ['APPROVAL', 'SCORE', 'CONSENT', 'RANKED_IRV', 'BORDA'];
const TIEBREAKS: Tiebreak[] = ['PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER', 'USE_CANDIDATE_ORDER', 'RANDOM', 'PREVIOUS_ROUND_COUNTS_THEN_RANDOM', 'GENERATE_PERMUTATION'];
const ROLES = ['CARERS', 'STAFF', 'PUPILS'] as const;

function inAWeek(): string {
  const when = new Date(Date.now() + 7 * 86_400_000);
  when.setMinutes(0, 0, 0);
  return new Date(when.getTime() - when.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A leader sets up a vote: its rules are fixed once created and stated to voters before they vote. */
export function NewDecisionPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.newTitle'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const { nameOf } = useSchools();
  const create = useCreateDecision();
  const leads = [...(me.data?.leadsSchools ?? [])];
  const [schoolId, setSchoolId] = useState(params.get('schoolId') ?? '');
  const [question, setQuestion] = useState('');
  const [description, setDescription] = useState('');
  const [method, setMethod] = useState<Method>('RANKED_IRV');
  const [options, setOptions] = useState(['', '']);
  const [quorum, setQuorum] = useState('');
  const [tiebreak, setTiebreak] = useState<Tiebreak>('PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER');
  const [batch, setBatch] = useState(false);
  const [roles, setRoles] = useState<string[]>(['CARERS']);
  const [unit, setUnit] = useState<'PER_CHILD' | 'PER_CHILD_PARENTS_AND_GUARDIANS' | 'PER_PERSON'>('PER_CHILD');
  const [anonymity, setAnonymity] = useState<NonNullable<DecisionDraft['anonymity']>>('CONFIDENTIAL');
  const [hide, setHide] = useState(false);
  const [closesAt, setClosesAt] = useState(inAWeek());
  const [problem, setProblem] = useState('');
  const school = schoolId || (me.data?.trustWide ? '' : leads[0] ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const named = options.map((o) => o.trim()).filter(Boolean);
    const problemNow = !question.trim() ? t('decisions.questionRequired')
      : method !== 'CONSENT' && named.length < 2 ? t('decisions.optionsRequired')
        : !closesAt ? t('decisions.closesRequired') : '';
    setProblem(problemNow);
    if (problemNow) return;
    const draft: DecisionDraft = {
      question: { en: question.trim() },
      ...(description.trim() ? { description: description.trim() } : {}),
      method,
      ...(method === 'CONSENT' ? {} : { options: named.map((o, i) => ({ id: `o${i + 1}`, label: { en: o } })) }),
      ...(method === 'APPROVAL' && quorum ? { quorum: Number(quorum) / 100 } : {}),
      ...(method === 'RANKED_IRV' ? { ranking: { tiebreak, batchElimination: batch } } : {}),
      audience: school ? { scope: 'SCHOOLS', ids: [school], roles: roles as ('CARERS' | 'STAFF' | 'PUPILS')[] } : { scope: 'TRUST', ids: [], roles: roles as ('CARERS' | 'STAFF' | 'PUPILS')[] },
      ballotUnit: roles.length === 1 && roles[0] === 'CARERS' ? unit : 'PER_PERSON',
      anonymity,
      hideResultsUntilClose: hide,
      closesAt: new Date(closesAt).toISOString(),
      ...(school ? { schoolId: school } : {}),
      ...(params.get('consultationId') ? { consultationId: params.get('consultationId')! } : {}),
    };
    create.mutate(draft, { onSuccess: (made) => navigate(`/decisions/${encodeURIComponent(made.id ?? '')}/results`) });
  };

  return (
    <section aria-labelledby="new-decision-title">
      <h1 id="new-decision-title">{t('decisions.newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor="d-question">{t('decisions.question')}</label>
        <input id="d-question" value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={300} required />
        <label htmlFor="d-description">{t('decisions.description')}</label>
        <textarea id="d-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={4000} />
        <label htmlFor="d-school">{t('decisions.school')}</label>
        <select id="d-school" value={school} onChange={(e) => setSchoolId(e.target.value)}>
          {me.data?.trustWide && <option value="">{t('decisions.trustWide')}</option>}
          {(me.data?.trustWide ? (me.data?.schools ?? []).map((s) => s.id ?? '') : leads).map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
        </select>
        <label htmlFor="d-method">{t('decisions.method')}</label>
        <select id="d-method" value={method} onChange={(e) => setMethod(e.target.value as Method)}>
          {METHODS.map((m) => <option key={m} value={m}>{label('decisions', m)}</option>)}
        </select>
        {method !== 'CONSENT' && (
          <fieldset>
            <legend>{t('decisions.options')}</legend>
            {options.map((o, i) => (
              <div key={i} className="row">
                <label htmlFor={`d-option-${i}`}>{t('decisions.optionLabel', { n: i + 1 })}</label>
                <input id={`d-option-${i}`} value={o} maxLength={200} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
                {options.length > 2 && <button type="button" className="secondary" onClick={() => setOptions(options.filter((_, j) => j !== i))}>{t('decisions.removeOption', { n: i + 1 })}</button>}
              </div>
            ))}
            <button type="button" className="secondary" onClick={() => setOptions([...options, ''])}>{t('decisions.addOption')}</button>
          </fieldset>
        )}
        {method === 'APPROVAL' && (
          <>
            <label htmlFor="d-quorum">{t('decisions.quorum')}</label>
            <input id="d-quorum" type="number" min={1} max={100} value={quorum} onChange={(e) => setQuorum(e.target.value)} />
          </>
        )}
        {method === 'RANKED_IRV' && (
          <>
            <label htmlFor="d-tiebreak">{t('decisions.tiebreakRule')}</label>
            <select id="d-tiebreak" value={tiebreak} onChange={(e) => setTiebreak(e.target.value as Tiebreak)}>
              {TIEBREAKS.map((tb) => <option key={tb} value={tb}>{label('decisions', tb)}</option>)}
            </select>
            <label className="check"><input type="checkbox" checked={batch} onChange={(e) => setBatch(e.target.checked)} />{t('decisions.batchElimination')}</label>
          </>
        )}
        <fieldset>
          <legend>{t('decisions.audienceRoles')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="check">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} />
              {label('audience', r)}
            </label>
          ))}
        </fieldset>
        {roles.length === 1 && roles[0] === 'CARERS' && (
          <fieldset>
            <legend>{t('decisions.ballotUnit')}</legend>
            {(['PER_CHILD', 'PER_CHILD_PARENTS_AND_GUARDIANS', 'PER_PERSON'] as const).map((u) => (
              <label key={u} className="check"><input type="radio" name="unit" checked={unit === u} onChange={() => setUnit(u)} />{t(`decisions.${u}`)}</label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{t('decisions.anonymity')}</legend>
          {(['NAMED', 'CONFIDENTIAL', 'ANONYMOUS'] as const).map((a) => (
            <label key={a} className="check"><input type="radio" name="anonymity" checked={anonymity === a} onChange={() => setAnonymity(a)} />{label('decisions', a)}</label>
          ))}
        </fieldset>
        <label className="check"><input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} />{t('decisions.hideResults')}</label>
        <label htmlFor="d-closes">{t('decisions.closesAt')}</label>
        <input id="d-closes" type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} required />
        {problem && <p role="alert" className="error">{problem}</p>}
        {create.error != null && <ErrorMessage error={create.error} />}
        <div className="actions"><button type="submit" disabled={create.isPending}>{t('decisions.createVote')}</button></div>
      </form>
    </section>
  );
}
