import { useTranslation } from 'react-i18next';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { ConsultationView, Question } from '../../api/types';
import { formatDateTime } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { QuestionEditor, withType } from '../surveys/QuestionEditor';
import { localInput } from './NewConsultationPage';
import { useConsultation } from './useConsultations';

/** A school leader adds local questions and the school's own closing date to an adaptable trust-wide consultation. */
export function AdaptConsultationPage() {
  const { t } = useTranslation();
  usePageTitle(t('consultations.adaptTitle'));
  const { id = '', schoolId = '' } = useParams();
  const consultation = useConsultation(id);
  if (consultation.isPending) return <Loading />;
  if (consultation.error) return <ErrorMessage error={consultation.error} />;
  return <AdaptForm consultation={consultation.data} schoolId={schoolId} />;
}

const toLocal = (iso?: string) => (iso ? localInput(0, new Date(iso).getTime()) : '');

function AdaptForm({ consultation, schoolId }: { consultation: ConsultationView; schoolId: string }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const window = consultation.adaptation ?? {};
  const existing = (consultation.localQuestions ?? []).find((edition) => edition.schoolId === schoolId);
  const [questions, setQuestions] = useState<Question[]>(existing?.questions ?? []);
  const [closesAt, setClosesAt] = useState(toLocal(existing?.closesAt ?? window.closingUntil));
  const save = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/consultations/{consultationId}/schools/{schoolId}', {
      params: { path: { consultationId: consultation.id!, schoolId } },
      body: { questions, closesAt: closesAt ? new Date(closesAt).toISOString() : undefined },
    })),
  });
  const replace = (i: number, q: Question) => setQuestions((all) => all.map((old, j) => (i === j ? q : old)));
  const move = (i: number, by: -1 | 1) => setQuestions((all) => {
    const next = [...all];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    return next;
  });
  const add = () => setQuestions((all) => [...all, withType({ id: `local-${all.length + 1}`, text: '', required: false }, 'FREE_TEXT')]);
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(); };
  return (
    <section aria-labelledby="adapt-title">
      <h1 id="adapt-title">{t('consultations.adaptTitle')}: {nameOf(schoolId)}</h1>
      <p><Link to={`/consultations/${consultation.id}`}>{consultation.title}</Link></p>
      <p className="muted">{t('consultations.adaptIntro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="local-close">{t('consultations.localClose')}</label>
          <input id="local-close" type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)}
            aria-describedby="local-window" />
          <span id="local-window" className="hint">{t('consultations.window', { from: formatDateTime(window.closingFrom), until: formatDateTime(window.closingUntil) })}</span>
        </div>
        {questions.map((question, i) => (
          <QuestionEditor key={question.id} question={question} position={i + 1} earlier={questions.slice(0, i)}
            onChange={(q) => replace(i, q)} onRemove={() => setQuestions((all) => all.filter((_, j) => j !== i))}
            onMove={(by) => move(i, by)} last={i === questions.length - 1} />
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={add}>{t('consultations.addQuestion')}</button>
          <button type="submit" disabled={save.isPending}>{t('consultations.saveAdaptation')}</button>
        </div>
        {save.isSuccess && <Notice>{t('consultations.adaptationSaved')}</Notice>}
        {save.error && <ErrorMessage error={save.error} />}
      </form>
    </section>
  );
}
