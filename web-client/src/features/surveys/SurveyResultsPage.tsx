import { useDeferredValue, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { AUTHOR_ROLES, hasAny } from '../../auth/roles';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { Question, QuestionResult, ResultsView } from '../../api/types';
import { useLiveStream } from '../../api/useLiveStream';
import { BarChart, type Series } from '../../charts/LazyBarChart';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { saveAs } from '../../api/download';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { useRenderedCount, useSettledOnce } from '../../layout/useRenderedCount';
import { CloseSurvey } from './CloseSurvey';
import { questionsOf } from './questionnaire';
import { WrittenAnswers } from './WrittenAnswers';
import { ResponseRatesPanel, useResponseRates } from '../trust/SurveyGoals';

/** Live results with charts, each school beside the whole, and a CSV export. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  usePageTitle(t('results.title'));
  const { id = '' } = useParams();
  const { api, raw } = useApi();
  const { nameOf, ...schools } = useSchools();
  const { session } = useAuth();
  const manages = hasAny(session?.roles ?? [], AUTHOR_ROLES);
  const survey = useQuery({ queryKey: ['survey', id], queryFn: () => ok(api.GET('/api/v1/surveys/{surveyId}', { params: { path: { surveyId: id } } })) });
  const first = useQuery({
    queryKey: ['results', id],
    queryFn: () => ok(api.GET('/api/v1/surveys/{surveyId}/results', { params: { path: { surveyId: id }, query: { by: 'school' } } })),
  });
  // Asked beside the results (the panel shows them while the survey is open) so the page renders once, all in.
  const rates = useResponseRates(id);
  const stream = useLiveStream<ResultsView>(`/api/v1/surveys/${encodeURIComponent(id)}/results/live?by=school`, 'results');
  // Live figures re-render the page in the background (a transition React slices), never as one long task.
  const results = useDeferredValue(stream.value ?? first.data);
  const [exportError, setExportError] = useState<unknown>();

  const download = async () => {
    try {
      const response = await raw(`/api/v1/surveys/${encodeURIComponent(id)}/export.csv`, { headers: { Accept: 'text/csv' } });
      await saveAs(response, `${id}.csv`);
    } catch (e) {
      setExportError(e);
    }
  };

  // Once answered (or failed), never waited for again: the panel's own refetch must not take the page back to Loading.
  const namesAndRates = useSettledOnce(schools, rates);
  const questions = questionsOf(survey.data?.questionnaire);
  // The first screen's questions at once, the others right after in slices (each question has a chart and tables).
  const rendered = useRenderedCount(questions.length, 2);
  if (first.error) return <ErrorMessage error={first.error} />;
  // One first render with the schools' names, rather than one with ids and another with names.
  if (!results || survey.isPending || !namesAndRates) return <Loading />;
  const groups = (results.breakdown?.groups ?? []).filter((g) => !g.suppressed);
  const suppressed = (results.breakdown?.groups ?? []).filter((g) => g.suppressed);
  const minimum = results.breakdown?.minimumGroupSize ?? 5;
  // Fewer respondents than the smallest group shown: the whole survey is such a group, so nothing is shown. A named
  // survey's owner sees who answered what anyway, so the api shows it whole (ADR 0182) and so does this page.
  const tooFew = results.suppressed || (results.anonymity !== 'NAMED' && Number(results.respondents ?? 0) < minimum);
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}: {results.title}</h1>
      <p>
        <strong data-testid="respondents">
          {results.suppressed
            ? t('results.responsesHidden', { count: minimum })
            : t('results.responses', { count: Number(results.respondents ?? 0) })}
        </strong>
        {' · '}{label('surveys', results.status)}{' · '}{label('surveys', results.anonymity)}
        {stream.live && <> <span className="badge" role="status">{t('results.live')}</span></>}
      </p>
      <p className="hint">{t('surveys.suppressionNote', { count: minimum })}</p>
      {tooFew && <p role="status" className="notice">{t('results.tooFew', { count: minimum })}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void download()}>{t('results.exportCsv')}</button>
        {manages && results.status === 'OPEN' && <CloseSurvey surveyId={id} />}
      </div>
      {exportError !== undefined && <ErrorMessage error={exportError} />}
      {results.status === 'OPEN' && <ResponseRatesPanel surveyId={id} canSetGoal={manages} />}
      {!tooFew && questions.slice(0, rendered).map((question, i) => {
        const overall = results.overall?.find((r) => r.questionId === question.id);
        const title = `${t('surveys.questionNumber', { n: i + 1 })}: ${question.text}`;
        return (
          <article key={question.id} className="card" aria-labelledby={`result-${question.id}`}>
            <h2 id={`result-${question.id}`}>{title}</h2>
            <QuestionChart title={title} question={question} overall={overall}
              groups={groups.map((g) => ({ name: nameOf(g.key) || g.label || '', result: g.results?.find((r) => r.questionId === question.id) }))} />
            {question.type === 'FREE_TEXT' && overall && <WrittenAnswers surveyId={id} questionId={question.id!} moderates={manages} />}
          </article>
        );
      })}
      {rendered >= questions.length && (groups.length > 0 || suppressed.length > 0) && (
        <>
          <h2>{t('results.comparison')}</h2>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('results.comparison')}</caption>
              <thead><tr><th scope="col">{t('results.school')}</th><th scope="col">{t('results.count')}</th></tr></thead>
              <tbody>
                {groups.map((g) => <tr key={g.key}><th scope="row">{nameOf(g.key) || g.label}</th><td>{g.respondents}</td></tr>)}
                {suppressed.map((g) => <tr key={g.key}><th scope="row">{nameOf(g.key) || g.label}</th><td>{t('results.suppressed')}</td></tr>)}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

interface GroupResult { name: string; result?: QuestionResult }

/** One question's results: shares per choice for the whole survey and each school, or means for numbers. */
function QuestionChart({ title, question, overall, groups }: { title: string; question: Question; overall?: QuestionResult; groups: GroupResult[] }) {
  const { t } = useTranslation();
  if (!overall) return <p>{t('results.suppressed')}</p>;
  const answered = Number(overall.answered ?? 0);
  if (question.type === 'FREE_TEXT') return <p>{t('results.responses', { count: answered })}</p>;
  if (question.type === 'NUMBER') {
    return <p>{t('results.average', { value: (overall.mean ?? 0).toFixed(2) })} · {t('results.responses', { count: answered })}</p>;
  }
  const keys = question.type === 'RATING'
    ? Array.from({ length: 11 }, (_, n) => String(n))
    : (question.options ?? []).map((o) => o.id ?? '');
  const labels = question.type === 'RATING' ? keys : (question.options ?? []).map((o) => o.label ?? '');
  const counts = (result?: QuestionResult) => (question.type === 'RANKING' ? result?.rankingPoints : result?.counts) ?? {};
  const share = (result?: QuestionResult) => keys.map((k) => {
    const total = Number(result?.answered ?? 0);
    return question.type === 'RANKING' ? Number(counts(result)[k] ?? 0) : total ? Math.round((Number(counts(result)[k] ?? 0) * 100) / total) : 0;
  });
  const series: Series[] = [{ label: groups.length ? t('results.trustAverage') : t('results.overall'), values: share(overall) }];
  groups.forEach((g) => series.push({ label: g.name, values: share(g.result) }));
  return (
    <>
      <BarChart title={title} labels={labels} series={series} percent={question.type !== 'RANKING'} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{title}</caption>
          <thead><tr><th scope="col">{question.type === 'RANKING' ? t('results.points') : t('results.count')}</th>{labels.map((l, i) => <th key={i} scope="col">{l}</th>)}</tr></thead>
          <tbody>
            <tr><th scope="row">{series[0].label}</th>{keys.map((k) => <td key={k}>{counts(overall)[k] ?? 0}</td>)}</tr>
            {groups.map((g) => <tr key={g.name}><th scope="row">{g.name}</th>{keys.map((k) => <td key={k}>{counts(g.result)[k] ?? 0}</td>)}</tr>)}
          </tbody>
        </table>
      </div>
      {overall.mean != null && <p>{t('results.average', { value: overall.mean.toFixed(2) })}</p>}
      {overall.nps != null && <p>{t('results.nps', { value: overall.nps.toFixed(0) })}</p>}
    </>
  );
}
