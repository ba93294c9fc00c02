import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { AUTHOR_ROLES, hasAny } from '../../auth/roles';
import { useTranslation } from 'react-i18next';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { AnswersOnDevice } from './AnswersOnDevice';
import { useWaitingSurveys } from './useWaitingSurveys';

/** Staff see the surveys they manage; everyone sees the surveys waiting for their answers. */
export function SurveysPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveys.title'));
  const { session } = useAuth();
  const manages = hasAny(session?.roles ?? [], AUTHOR_ROLES);
  return (
    <section aria-labelledby="surveys-title">
      <h1 id="surveys-title">{t('surveys.title')}</h1>
      <Waiting />
      {manages && <Managed />}
    </section>
  );
}

function Waiting() {
  const { t } = useTranslation();
  const { waiting, kept } = useWaitingSurveys();
  const items = kept ? kept.waiting : waiting.data?.items;
  return (
    <>
      <h2>{t('surveys.waiting')}</h2>
      <AnswersOnDevice />
      {waiting.isPending && <Loading />}
      {kept && <p className="notice" role="status">{t('surveys.offline', { when: formatDateTime(kept.savedAt) })}</p>}
      {waiting.error && !kept && <ErrorMessage error={waiting.error} />}
      {items?.length === 0 && <p>{t('surveys.noneWaiting')}</p>}
      <ul className="feed">
        {(items ?? []).map((survey) => (
          <li key={survey.surveyId} className="card">
            <h3>{survey.title}</h3>
            {survey.closesAt && <p className="muted">{t('surveys.closesAt')}: {formatDateTime(survey.closesAt)}</p>}
            <ul>
              {(survey.units ?? []).map((unit) => (
                <li key={unit.unit}>
                  <Link to={`/surveys/${survey.surveyId}/answer/${unit.unit}`}>
                    {unit.unit === 'self' ? t('surveys.answer') : t('surveys.answerFor', { who: unit.label ?? '' })}
                  </Link>
                  {unit.draft && <span className="muted"> ({t('surveys.draftSaved')})</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function Managed() {
  const { t } = useTranslation();
  const { api } = useApi();
  const list = useQuery({ queryKey: ['surveys'], queryFn: () => ok(api.GET('/api/v1/surveys')) });
  return (
    <>
      <h2>{t('surveys.title')}</h2>
      <p><Link className="button" to="/surveys/new">{t('nav.newSurvey')}</Link></p>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.data?.items?.length === 0 && <p>{t('surveys.empty')}</p>}
      {!!list.data?.items?.length && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('surveys.title')}</caption>
            <thead><tr><th scope="col">{t('surveys.surveyTitle')}</th><th scope="col">{t('surveys.status')}</th><th scope="col">{t('surveys.anonymity')}</th><th scope="col"><span className="sr-only">{t('surveys.results')}</span></th></tr></thead>
            <tbody>
              {list.data.items.map((survey) => (
                <tr key={survey.id}>
                  <td>{survey.title}</td>
                  <td>{label('surveys', survey.status)}</td>
                  <td>{label('surveys', survey.anonymity)}</td>
                  <td><Link to={`/surveys/${survey.id}/results`}>{t('surveys.results')}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
