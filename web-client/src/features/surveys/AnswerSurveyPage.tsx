import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ApiError, idempotencyKey, ok } from '../../api/client';
import { isOffline } from '../../api/offlineFeed';
import { keptDraft, keptForm } from '../../api/offlineSurveys';
import { formatDateTime } from '../../i18n';
import { entry, putInOutbox, removeFromOutbox, surveyEntryId, type QueuedSurveyAnswers } from '../../api/outbox';
import { useOutboxEntry } from '../../api/useOutbox';
import { useAuth } from '../../auth/AuthContext';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { AnswerField } from './AnswerField';
import { Refused } from './AnswersOnDevice';
import { answersToSend, missingRequired, questionnaireVersion, visibleQuestions, type Answers } from './questionnaire';

/**
 * Answer a survey for myself or for one child; answers are kept as a draft on the server while I go, and on this
 * device while the connection is lost (ADR 0361), sent from there when it returns.
 */
export function AnswerSurveyPage() {
  const { t } = useTranslation();
  const { id = '', unit = 'self' } = useParams();
  const { api } = useApi();
  const queries = useQueryClient();
  const username = useAuth().session?.username;
  // Offline, the questions kept on this device when the surveys list was last read (useWaitingSurveys) stand in.
  // 'always': offline the query runs (and falls back to the kept copy) instead of waiting for the connection.
  const form = useQuery({
    queryKey: ['survey-form', id],
    networkMode: 'always',
    queryFn: async () => {
      try {
        return { ...await ok(api.GET('/api/v1/surveys/{surveyId}/form', { params: { path: { surveyId: id } } })), keptAt: undefined };
      } catch (e) {
        const kept = username && isOffline(e) ? keptForm(username, id) : null;
        if (kept) return { ...kept.form, keptAt: kept.savedAt };
        throw e;
      }
    },
  });
  usePageTitle(form.data?.title ?? t('answer.submit'));
  const entryId = surveyEntryId(id, unit);
  const onDevice = useOutboxEntry(username, entryId) as QueuedSurveyAnswers | undefined;
  const draft = useQuery({
    queryKey: ['survey-draft', id, unit],
    networkMode: 'always',
    queryFn: async () => {
      // Answers kept on this device never reached the api: they are newer than its draft.
      const kept = username ? entry(username, entryId) as QueuedSurveyAnswers | undefined : undefined;
      if (kept) return { answers: kept.answers };
      try {
        return await ok(api.GET('/api/v1/surveys/{surveyId}/responses/{unit}/draft', { params: { path: { surveyId: id, unit } } }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { answers: {} };
        if (username && isOffline(e) && keptForm(username, id)) return { answers: keptDraft(username, id, unit) };
        throw e;
      }
    },
  });
  const [answers, setAnswers] = useState<Answers>({});
  const [missing, setMissing] = useState<number[]>([]);
  const [key] = useState(idempotencyKey);
  const loaded = useRef(false);
  useEffect(() => {
    if (draft.data && !loaded.current) { loaded.current = true; setAnswers((draft.data.answers ?? {}) as Answers); }
  }, [draft.data]);

  const questionnaire = form.data?.questionnaire;
  const version = questionnaireVersion(questionnaire);
  const keepOnDevice = (current: Answers, submit: boolean) => {
    const kept = username ? entry(username, entryId) : undefined;
    // A draft saved late (the debounce) must not take back answers already waiting to be sent.
    if (!username || (!submit && kept?.kind === 'survey-answers' && kept.submit && !kept.refused)) return;
    putInOutbox(username, {
      kind: 'survey-answers', surveyId: id, unit, title: form.data?.title ?? '', version,
      answers: answersToSend(questionnaire, current), submit, key, queuedAt: new Date().toISOString(),
    }, { replace: true });
  };
  const forgetOnDevice = (sent: Answers) => {
    const kept = username ? entry(username, entryId) : undefined;
    if (kept?.kind === 'survey-answers' && JSON.stringify(kept.answers) === JSON.stringify(sent)) removeFromOutbox(username!, entryId);
  };
  // Offline a mutation must fail (and keep the answers on the device), not wait paused for the connection.
  const save = useMutation({
    networkMode: 'always',
    mutationFn: (current: Answers) => ok(api.PUT('/api/v1/surveys/{surveyId}/responses/{unit}/draft', {
      params: { path: { surveyId: id, unit } }, body: { answers: answersToSend(questionnaire, current) },
    })),
    onSuccess: (_, current) => forgetOnDevice(answersToSend(questionnaire, current)),
    onError: (error, current) => { if (isOffline(error)) keepOnDevice(current, false); },
  });
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = setTimeout(() => save.mutate(answers), 800);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answers]);

  const submit = useMutation({
    networkMode: 'always',
    mutationFn: () => ok(api.POST('/api/v1/surveys/{surveyId}/responses/{unit}', {
      params: { path: { surveyId: id, unit }, header: { 'Idempotency-Key': key } },
      body: { answers: answersToSend(questionnaire, answers) },
    })),
    onSuccess: () => {
      if (username) removeFromOutbox(username, entryId);
      return queries.invalidateQueries({ queryKey: ['surveys-waiting'] });
    },
    onError: (error) => { if (isOffline(error)) keepOnDevice(answers, true); },
  });
  const waiting = !!onDevice?.submit && !onDevice.refused;
  const waited = useRef(false);
  if (waiting) waited.current = true;
  const sentFromDevice = waited.current && !onDevice;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = missingRequired(questionnaire, answers);
    setMissing(gaps);
    if (!gaps.length) submit.mutate();
  };

  if (form.isPending || draft.isPending) return <Loading />;
  if (form.error) return <ErrorMessage error={form.error} />;
  const who = form.data.units?.find((u) => u.unit === unit);
  const done = submit.isSuccess || sentFromDevice || (who?.answered && !submit.isPending && !waiting);
  return (
    <section aria-labelledby="answer-title">
      <h1 id="answer-title">{form.data.title}</h1>
      {who && unit !== 'self' && <p className="muted">{t('surveys.answerFor', { who: who.label ?? '' })}</p>}
      {form.data.description && <p>{form.data.description}</p>}
      <aside className="panel" aria-labelledby="promise-title">
        <h2 id="promise-title">{t('answer.promise')}</h2>
        <p>{form.data.anonymityStatement}</p>
      </aside>
      {form.data.keptAt && <p className="notice" role="status">{t('answer.offline', { when: formatDateTime(form.data.keptAt) })}</p>}
      {onDevice?.refused && <Refused kept={onDevice} />}
      {done ? <Notice>{submit.isSuccess || sentFromDevice ? t('answer.submitted') : t('answer.alreadyAnswered')}</Notice>
        : waiting ? <p className="notice" role="status">{t('answer.savedOnDevice')}</p>
        : form.data.status === 'CLOSED' ? <p>{t('answer.closed')}</p> : (
          <form onSubmit={onSubmit} noValidate>
            {onDevice && !onDevice.refused && onDevice.version !== version && <p className="notice">{t('answer.changedSinceKept')}</p>}
            {missing.length > 0 && <div role="alert" className="error"><ul>{missing.map((n) => <li key={n}>{t('answer.requiredMissing', { n })}</li>)}</ul></div>}
            {visibleQuestions(questionnaire, answers).map((question) => (
              <AnswerField key={question.id} question={question} value={answers[question.id!]}
                onChange={(value) => { dirty.current = true; setAnswers((all) => ({ ...all, [question.id!]: value })); }} />
            ))}
            <p role="status" className="muted">{onDevice && !onDevice.refused ? t('answer.savedOnDevice') : save.isSuccess ? t('answer.draftSaved') : ''}</p>
            {submit.error && !isOffline(submit.error) && <ErrorMessage error={submit.error} />}
            <button type="submit" disabled={submit.isPending}>{t('answer.submit')}</button>
          </form>
        )}
    </section>
  );
}
