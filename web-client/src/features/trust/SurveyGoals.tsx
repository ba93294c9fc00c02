import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import type { SurveyResponseRates } from '../../api/types';
import { formatDateTime, formatNumber } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';

type SchoolRate = NonNullable<SurveyResponseRates['schools']>[number];

/** Schools below a survey's response goal while it is about to close: what a trust leader should act on first. */
export function belowGoalNearClose(surveys: SurveyResponseRates[]) {
  return surveys.filter((s) => s.closingSoon && s.goal != null)
    .flatMap((survey) => (survey.schools ?? []).filter((school) => school.belowGoal).map((school) => ({ survey, school })));
}

/** Open surveys' response rates per school, against the goal each survey's leaders set, in one call. */
export function SurveyGoals() {
  const { t } = useTranslation();
  const { api } = useApi();
  const rates = useQuery({
    queryKey: ['survey-response-rates'],
    queryFn: async () => (await ok(api.GET('/api/v1/trust/survey-response-rates'))).items as SurveyResponseRates[],
  });
  const surveys = rates.data ?? [];
  const alerts = belowGoalNearClose(surveys);
  return (
    <section aria-labelledby="survey-goals-title">
      <h2 id="survey-goals-title">{t('surveyGoals.title')}</h2>
      {rates.isPending && <Loading />}
      {rates.error && <ErrorMessage error={rates.error} />}
      {alerts.length > 0 && (
        <div role="alert" className="notice" data-testid="goal-alerts">
          <p><strong>{t('surveyGoals.alertsTitle')}</strong></p>
          <ul>{alerts.map(({ survey, school }) => (
            <li key={`${survey.surveyId}-${school.schoolId}`}>{t('surveyGoals.alert', {
              school: school.schoolName, survey: survey.title, goal: survey.goal, closes: formatDateTime(survey.closesAt),
              rate: school.percent == null ? t('surveyGoals.rateHidden') : `${school.percent}%`,
            })}</li>
          ))}</ul>
        </div>
      )}
      {rates.isSuccess && surveys.length === 0 && <p>{t('surveyGoals.none')}</p>}
      {surveys.map((survey) => <SurveyRates key={survey.surveyId} survey={survey} canSetGoal heading="h3" />)}
    </section>
  );
}

/** One survey's rates per school, on its results page; its managers set the goal there. */
export function ResponseRatesPanel({ surveyId, canSetGoal }: { surveyId: string; canSetGoal: boolean }) {
  const rates = useResponseRates(surveyId);
  if (rates.error) return <ErrorMessage error={rates.error} />;
  // on a survey's own results page the panel sits right under the page's h1
  return rates.data ? <SurveyRates survey={rates.data} canSetGoal={canSetGoal} heading="h2" /> : <Loading />;
}

/** One survey's response rates per school (the results page waits for them, so the panel does not push the page down). */
export function useResponseRates(surveyId: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['survey-response-rates', surveyId],
    queryFn: async () => (await ok(api.GET('/api/v1/surveys/{surveyId}/response-rates', { params: { path: { surveyId } } }))) as SurveyResponseRates,
  });
}

function SurveyRates({ survey, canSetGoal, heading: Heading }: { survey: SurveyResponseRates; canSetGoal: boolean; heading: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const headingId = `rates-${survey.surveyId}`;
  const minimum = survey.minimumGroupSize ?? 5;
  return (
    <article className="card" aria-labelledby={headingId}>
      <Heading id={headingId}>{survey.title}</Heading>
      <p className="muted">
        {survey.closesAt ? t('surveyGoals.closes', { when: formatDateTime(survey.closesAt) }) : t('surveyGoals.noClose')}
        {' · '}{survey.goal != null ? t('surveyGoals.goal', { goal: survey.goal }) : t('surveyGoals.noGoal')}
      </p>
      {canSetGoal && <GoalForm survey={survey} />}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('surveyGoals.caption', { survey: survey.title })}</caption>
          <thead><tr>
            <th scope="col">{t('trust.school')}</th><th scope="col">{t('surveyGoals.asked')}</th>
            <th scope="col">{t('surveyGoals.answered')}</th><th scope="col">{t('surveyGoals.againstGoal')}</th>
          </tr></thead>
          <tbody>{(survey.schools ?? []).map((school) => <RateRow key={school.schoolId} school={school} minimum={minimum} />)}</tbody>
        </table>
      </div>
    </article>
  );
}

function RateRow({ school, minimum }: { school: SchoolRate; minimum: number }) {
  const { t } = useTranslation();
  if (school.hidden) {
    return <tr><th scope="row">{school.schoolName}</th><td colSpan={3}>{t('trust.hidden', { count: minimum })}</td></tr>;
  }
  const goal = school.belowGoal == null ? '' : school.belowGoal ? t('surveyGoals.below') : t('surveyGoals.met');
  return (
    <tr>
      <th scope="row">{school.schoolName}</th>
      <td>{formatNumber(Number(school.asked ?? 0))}</td>
      <td>{school.answeredHidden
        ? t('trust.hidden', { count: minimum })
        : t('trust.ofAudience', { count: Number(school.answered ?? 0), pct: school.percent ?? 0 })}</td>
      <td>{school.belowGoal ? <strong>{goal}</strong> : goal}</td>
    </tr>
  );
}

function GoalForm({ survey }: { survey: SurveyResponseRates }) {
  const { t } = useTranslation();
  const { api } = useApi();
  const queries = useQueryClient();
  const [goal, setGoal] = useState(survey.goal != null ? String(survey.goal) : '');
  const save = useMutation({
    mutationFn: (rate: number | null) => ok(api.PUT('/api/v1/surveys/{surveyId}/goal', {
      params: { path: { surveyId: survey.surveyId! } }, body: { responseRate: rate ?? undefined },
    })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['survey-response-rates'] }),
  });
  const submit = (event: FormEvent) => { event.preventDefault(); save.mutate(goal === '' ? null : Number(goal)); };
  const id = `goal-${survey.surveyId}`;
  return (
    <form className="inline" onSubmit={submit}>
      <label htmlFor={id}>{t('surveyGoals.goalLabel')}</label>
      <input id={id} type="number" min={1} max={100} inputMode="numeric" value={goal} onChange={(e) => setGoal(e.target.value)} />
      <button type="submit" className="secondary" disabled={save.isPending}>{t('surveyGoals.saveGoal')}</button>
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}
