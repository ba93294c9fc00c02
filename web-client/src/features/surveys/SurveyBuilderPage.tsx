import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { idempotencyKey, ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import { useAuth } from '../../auth/AuthContext';
import { audienceChoices } from '../announcements/audienceChoices';
import type { Audience, Question, SurveyDraft } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { ErrorMessage } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { AudiencePicker, isComplete, useReachPreview } from '../announcements/AudiencePicker';
import { QuestionEditor, withType } from './QuestionEditor';

type Anonymity = NonNullable<SurveyDraft['anonymity']>;
const ANONYMITY: Anonymity[] = ['NAMED', 'CONFIDENTIAL', 'ANONYMOUS'];

/** Build a survey: audience, anonymity (explained), questions of every type with display conditions; open it. */
export function SurveyBuilderPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveys.builderTitle'));
  const { api } = useApi();
  const me = useMe();
  const { schools } = useSchools();
  const { session } = useAuth();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [audience, setAudience] = useState<Audience>({ scope: 'SCHOOLS', ids: [], roles: ['CARERS'] });
  const [anonymity, setAnonymity] = useState<Anonymity>('CONFIDENTIAL');
  const [eachCarerAnswers, setEachCarerAnswers] = useState(false);
  const [parentsAndGuardiansOnly, setParentsAndGuardiansOnly] = useState(false);
  const [closesAt, setClosesAt] = useState('');
  const [questions, setQuestions] = useState<Question[]>([withType({ id: 'q1', text: '', required: true }, 'SINGLE_CHOICE')]);
  const [next, setNext] = useState(2);
  const reach = useReachPreview(audience);
  const [problems, setProblems] = useState<string[]>([]);
  const [key] = useState(idempotencyKey);

  const publish = useMutation({
    mutationFn: async (draft: SurveyDraft) => {
      const created = await ok(api.POST('/api/v1/surveys', { body: draft, params: { header: { 'Idempotency-Key': key } } }));
      return ok(api.POST('/api/v1/surveys/{surveyId}/open', { params: { path: { surveyId: created.id! } } }));
    },
    onSuccess: (survey) => navigate(`/surveys/${survey.id}/results`),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    const carers = (audience.roles ?? []).includes('CARERS');
    if (!title.trim()) found.push(t('compose.titleRequired'));
    if (!isComplete(audience)) found.push(t('compose.audienceRequired'));
    setProblems(found);
    if (found.length) return;
    publish.mutate({
      title, description, audience, anonymity, eachCarerAnswers, parentsAndGuardiansOnly: carers && parentsAndGuardiansOnly,
      closesAt: closesAt ? new Date(closesAt).toISOString() : undefined,
      questionnaire: { sections: [{ id: 's1', title: t('surveys.sectionTitle'), questions: questions.map(clean) }] },
    });
  };

  const update = (i: number, question: Question) => setQuestions(questions.map((q, j) => (j === i ? question : q)));
  const move = (i: number, by: -1 | 1) => {
    const copy = [...questions];
    [copy[i], copy[i + by]] = [copy[i + by], copy[i]];
    setQuestions(copy);
  };
  return (
    <section aria-labelledby="builder-title">
      <h1 id="builder-title">{t('surveys.builderTitle')}</h1>
      {problems.length > 0 && <div role="alert" className="error"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="survey-title">{t('surveys.surveyTitle')}</label>
          <input id="survey-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-invalid={problems.includes(t('compose.titleRequired'))} />
        </div>
        <div className="field">
          <label htmlFor="survey-description">{t('surveys.description')}</label>
          <textarea id="survey-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <AudiencePicker value={audience} onChange={setAudience} choices={audienceChoices(me.data, session?.roles ?? [], schools)} reach={reach} />
        {(audience.roles ?? []).includes('CARERS') && (
          <>
            <label className="check"><input type="checkbox" checked={eachCarerAnswers} onChange={(e) => setEachCarerAnswers(e.target.checked)} />{t('surveys.eachCarerAnswers')}</label>
            <label className="check">
              <input type="checkbox" checked={parentsAndGuardiansOnly} aria-describedby="parents-and-guardians-only" onChange={(e) => setParentsAndGuardiansOnly(e.target.checked)} />
              {t('surveys.parentsAndGuardiansOnly')}
            </label>
            <p id="parents-and-guardians-only" className="hint">{t('surveys.parentsAndGuardiansOnlyHelp')}</p>
          </>
        )}
        <fieldset>
          <legend>{t('surveys.anonymity')}</legend>
          <p className="hint">{t('surveys.anonymityHelp')}</p>
          {ANONYMITY.map((mode) => (
            <div key={mode}>
              <label className="check">
                <input type="radio" name="anonymity" value={mode} checked={anonymity === mode} aria-describedby={`anon-${mode}`} onChange={() => setAnonymity(mode)} />
                {label('surveys', mode)}
              </label>
              <p id={`anon-${mode}`} className="hint">{label('surveys', `${mode}Help`)}</p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="closes-at">{t('surveys.closesAt')}</label>
          <input id="closes-at" type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        </div>
        <h2>{t('surveys.questions')}</h2>
        {questions.map((question, i) => (
          <QuestionEditor key={question.id} question={question} position={i + 1} earlier={questions.slice(0, i)} last={i === questions.length - 1}
            onChange={(q) => update(i, q)} onRemove={() => setQuestions(questions.filter((_, j) => j !== i))} onMove={(by) => move(i, by)} />
        ))}
        <button type="button" className="secondary" onClick={() => { setQuestions([...questions, withType({ id: `q${next}`, text: '', required: false }, 'SINGLE_CHOICE')]); setNext(next + 1); }}>
          {t('surveys.addQuestion')}
        </button>
        {publish.error && <ErrorMessage error={publish.error} />}
        <div className="actions"><button type="submit" disabled={publish.isPending}>{t('surveys.publish')}</button></div>
      </form>
    </section>
  );
}

/** Empty choice lines are typing in progress, not options. */
function clean(question: Question): Question {
  return question.options ? { ...question, options: question.options.filter((o) => o.label?.trim()) } : question;
}
