import { useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { ReachReport } from '../../api/types';
import { useLiveStream } from '../../api/useLiveStream';
import { BarChart } from '../../charts/LazyBarChart';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { FollowUpList } from './FollowUpList';
import { titleOf } from './useAnnouncements';

export function percent(part: number | undefined, whole: number | undefined): number {
  return whole ? Math.round(((part ?? 0) * 100) / whole) : 0;
}

/** Who an announcement reached, read and acknowledged, updating live, and the carers still to acknowledge. */
export function ReachPage() {
  const { t } = useTranslation();
  usePageTitle(t('reach.title'));
  const { id = '' } = useParams();
  const { api } = useApi();
  const { nameOf } = useSchools();
  const view = useQuery({ queryKey: ['announcement', id], queryFn: () => ok(api.GET('/api/v1/announcements/{id}', { params: { path: { id } } })) });
  const first = useQuery({ queryKey: ['reach', id], queryFn: () => ok(api.GET('/api/v1/announcements/{id}/reach', { params: { path: { id } } })) });
  const stream = useLiveStream<ReachReport>(`/api/v1/announcements/${encodeURIComponent(id)}/reach/stream?everyMs=1000`, 'reach');
  const report = stream.value ?? first.data;

  if (first.error) return <ErrorMessage error={first.error} />;
  if (!report) return <Loading />;
  const schools = Object.keys(report.audienceBySchool ?? {}).sort();
  const emailsNotSent = (report.pushesGivenUp?.emailNotSent ?? 0) + (report.pushesGivenUp?.emailExpired ?? 0);
  const audienceOf = (school: string) => Object.values(report.audienceBySchool?.[school] ?? {}).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="reach-title">
      <h1 id="reach-title">{t('reach.title')}{view.data && <>: {titleOf(view.data)}</>}</h1>
      {stream.live && <p className="badge" role="status">{t('reach.live')}</p>}
      <ul className="stats" aria-live="polite">
        <li>{t('reach.reached')}<strong data-testid="reach-audience">{report.audience}</strong></li>
        <li>{t('reach.read')}<strong data-testid="reach-opened">{report.opened?.total ?? 0}</strong></li>
        <li>{t('reach.acknowledged')}<strong data-testid="reach-acknowledged">{report.acknowledged?.total ?? 0}</strong>
          <span className="muted">{t('reach.ackRate', { pct: percent(report.acknowledged?.total, report.audience) })}</span></li>
      </ul>
      {(report.pushesGivenUp?.expired ?? 0) > 0 && (
        <p role="alert" data-testid="reach-pushes-expired">{t('reach.pushesExpired', { n: report.pushesGivenUp?.expired })}</p>
      )}
      {(report.pushesGivenUp?.refused ?? 0) > 0 && (
        <p role="alert" data-testid="reach-pushes-refused">{t('reach.pushesRefused', { n: report.pushesGivenUp?.refused })}</p>
      )}
      {emailsNotSent > 0 && (
        <p role="alert" data-testid="reach-emails-not-sent">{t('reach.emailsNotSent', { n: emailsNotSent })}</p>
      )}
      <h2>{t('reach.bySchool')}</h2>
      <BarChart title={t('reach.chartLabel')} labels={schools.map((s) => nameOf(s))} max={100} percent
        series={[
          { label: t('reach.read'), values: schools.map((s) => percent(report.opened?.bySchool?.[s], audienceOf(s))) },
          { label: t('reach.acknowledged'), values: schools.map((s) => percent(report.acknowledged?.bySchool?.[s], audienceOf(s))) },
        ]} />
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('reach.bySchool')}</caption>
          <thead><tr><th scope="col">{t('reach.school')}</th><th scope="col">{t('reach.reached')}</th><th scope="col">{t('reach.read')}</th><th scope="col">{t('reach.acknowledged')}</th></tr></thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s}><th scope="row">{nameOf(s)}</th><td>{audienceOf(s)}</td><td>{report.opened?.bySchool?.[s] ?? 0}</td><td>{report.acknowledged?.bySchool?.[s] ?? 0}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.data?.requiresAcknowledgement && <FollowUpList id={id} version={report.acknowledged?.total} />}
    </section>
  );
}
