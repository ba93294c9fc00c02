import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { ReachReport } from '../../api/types';
import { BarChart } from '../../charts/BarChart';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { useAnnouncements } from '../announcements/useAnnouncements';
import { alignment, type SurveyTurnout } from './alignment';

// The most recent published messages (the trust's and each school's) and surveys.
const RECENT = 20;

/** The trust's alignment at a glance: per school, reach, acknowledgement, survey responses and adoption. */
export function TrustDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('trust.title'));
  const { api } = useApi();
  const { schools, nameOf } = useSchools();
  const posts = useAnnouncements();
  const trustPosts = (posts.data ?? []).filter((p) => p.status === 'PUBLISHED').slice(0, RECENT);
  const reports = useQuery({
    queryKey: ['trust-reach', trustPosts.map((p) => p.id)],
    enabled: posts.isSuccess,
    queryFn: () => Promise.all(trustPosts.map((p) => ok(api.GET('/api/v1/announcements/{id}/reach', { params: { path: { id: p.id! } } })) as Promise<ReachReport>)),
  });
  const turnout = useQuery({
    queryKey: ['trust-turnout'],
    queryFn: async (): Promise<SurveyTurnout[]> => {
      const surveys = ((await ok(api.GET('/api/v1/surveys'))).items ?? [])
        .filter((s) => s.status === 'OPEN' || s.status === 'CLOSED').slice(0, RECENT);
      return Promise.all(surveys.map(async (survey) => {
        const [results, reach] = await Promise.all([
          ok(api.GET('/api/v1/surveys/{surveyId}/results', { params: { path: { surveyId: survey.id! }, query: { by: 'school' } } })),
          ok(api.POST('/api/v1/announcements/reach-preview', { body: { audience: survey.audience! } })),
        ]);
        const respondentsBySchool = Object.fromEntries((results.breakdown?.groups ?? []).map((g) => [g.key ?? '', Number(g.respondents ?? 0)]));
        const eligibleBySchool = Object.fromEntries(Object.entries(reach.bySchool ?? {})
          .map(([school, byRole]) => [school, Object.values(byRole ?? {}).reduce((a, b) => a + Number(b ?? 0), 0)]));
        return { respondentsBySchool, eligibleBySchool };
      }));
    },
  });
  const error = posts.error ?? reports.error ?? turnout.error;
  if (error) return <ErrorMessage error={error} />;
  if (posts.isPending || reports.isPending || turnout.isPending) return <Loading />;
  const rows = alignment(schools.map((s) => s.id!), trustPosts.map((view, i) => ({ view, reach: reports.data?.[i] })), turnout.data ?? []);
  const show = (v: number | null) => (v === null ? '–' : `${v}%`);
  return (
    <section aria-labelledby="trust-title">
      <h1 id="trust-title">{t('trust.title')}</h1>
      <p>{t('trust.intro')}</p>
      <BarChart title={t('trust.chart')} labels={rows.map((r) => nameOf(r.schoolId))} max={100} percent series={[
        { label: t('trust.reach'), values: rows.map((r) => r.reach) },
        { label: t('trust.ackRate'), values: rows.map((r) => r.acknowledged) },
        { label: t('trust.responseRate'), values: rows.map((r) => r.responses ?? 0) },
        { label: t('trust.adoption'), values: rows.map((r) => r.adoption ?? 0) },
      ]} />
      <div className="table-wrap">
        <table data-testid="trust-table">
          <caption className="sr-only">{t('trust.chart')}</caption>
          <thead><tr><th scope="col">{t('trust.school')}</th><th scope="col">{t('trust.reach')}</th><th scope="col">{t('trust.ackRate')}</th><th scope="col">{t('trust.responseRate')}</th><th scope="col">{t('trust.adoption')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.schoolId}><th scope="row">{nameOf(r.schoolId)}</th><td>{r.reach}%</td><td>{r.acknowledged}%</td><td>{show(r.responses)}</td><td>{show(r.adoption)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
