import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { TrustDashboard } from '../../api/types';
import { BarChart } from '../../charts/LazyBarChart';
import { formatDate, formatNumber } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { useSettledOnce } from '../../layout/useRenderedCount';
import { usePageTitle } from '../../layout/usePageTitle';
import { SurveyGoals } from './SurveyGoals';

type SchoolFigures = NonNullable<TrustDashboard['schools']>[number];
interface Period { from?: string; to?: string }

const pct = (part: number | undefined, whole: number | undefined) => (whole ? Math.round((Number(part ?? 0) * 100) / whole) : 0);

/** Per school, over a period, in one read of the api: announcements, people addressed, opened and acknowledged. */
export function TrustDashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('trust.title'));
  const { api } = useApi();
  const { schools, nameOf, ...schoolsQuery } = useSchools();
  // The table lists every school: rendered once the names are in, not first with ids and then again.
  const named = useSettledOnce(schoolsQuery);
  const [period, setPeriod] = useState<Period>({});
  const [draft, setDraft] = useState<Period>({});
  const dashboard = useQuery({
    queryKey: ['trust-dashboard', period.from, period.to],
    queryFn: () => ok(api.GET('/api/v1/trust/dashboard', { params: { query: { from: period.from, to: period.to } } })),
  });
  const submit = (event: FormEvent) => { event.preventDefault(); setPeriod({ from: draft.from || undefined, to: draft.to || undefined }); };
  const data = dashboard.data;
  const minimum = data?.minimumGroupSize ?? 5;
  const rowOf = new Map((data?.schools ?? []).map((s) => [s.schoolId, s]));
  const ids = [...new Set([...schools.map((s) => s.id!), ...rowOf.keys()])].filter(Boolean) as string[];
  // The goals below mount at once (their read starts now) but show once the table is in: shown first, they were
  // pushed down the screen when it came (a layout shift of 0.45 on a phone).
  const settled = Boolean((data && named) || dashboard.error);
  const shown = ids.map((id) => rowOf.get(id)).filter((row): row is SchoolFigures => !!row && !row.hidden);
  return (
    <section aria-labelledby="trust-title">
      <h1 id="trust-title">{t('trust.title')}</h1>
      <p>{t('trust.intro')}</p>
      <form className="inline" onSubmit={submit}>
        <label htmlFor="period-from">{t('trust.from')}</label>
        <input id="period-from" type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <label htmlFor="period-to">{t('trust.to')}</label>
        <input id="period-to" type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="secondary">{t('trust.show')}</button>
      </form>
      {dashboard.error && <ErrorMessage error={dashboard.error} />}
      {(dashboard.isPending || (data && !named)) && <Loading />}
      {data && named && (
        <>
          <p data-testid="trust-period">
            <strong>{t('trust.period', { from: formatDate(data.from), to: formatDate(data.to) })}</strong>
            {' · '}{t('trust.announcements', { count: Number(data.announcements ?? 0) })}
          </p>
          <p className="hint">{t('trust.suppressionNote', { count: minimum })}</p>
          {shown.length > 0 && (
            <BarChart title={t('trust.chart')} labels={shown.map((r) => nameOf(r.schoolId))} max={100} percent series={[
              { label: t('trust.opened'), values: shown.map((r) => pct(r.opened, r.audience)) },
              { label: t('trust.acknowledged'), values: shown.map((r) => pct(r.acknowledged, r.acknowledgementsAsked)) },
            ]} />
          )}
          <div className="table-wrap">
            <table data-testid="trust-table">
              <caption className="sr-only">{t('trust.chart')}</caption>
              <thead><tr>
                <th scope="col">{t('trust.school')}</th><th scope="col">{t('trust.posts')}</th><th scope="col">{t('trust.audience')}</th>
                <th scope="col">{t('trust.opened')}</th><th scope="col">{t('trust.acknowledged')}</th>
              </tr></thead>
              <tbody>{ids.map((id) => <SchoolRow key={id} name={nameOf(id)} row={rowOf.get(id)} minimum={minimum} />)}</tbody>
            </table>
          </div>
        </>
      )}
      <div hidden={!settled}><SurveyGoals /></div>
    </section>
  );
}

function SchoolRow({ name, row, minimum }: { name: string; row?: SchoolFigures; minimum: number }) {
  const { t } = useTranslation();
  if (!row) return <tr><th scope="row">{name}</th><td colSpan={4}>{t('trust.none')}</td></tr>;
  if (row.hidden) return <tr><th scope="row">{name}</th><td>{row.announcements}</td><td colSpan={3}>{t('trust.hidden', { count: minimum })}</td></tr>;
  const asked = row.acknowledgementsAsked;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{row.announcements}</td>
      <td>{formatNumber(Number(row.audience ?? 0))}</td>
      <td>{t('trust.ofAudience', { count: Number(row.opened ?? 0), pct: pct(row.opened, row.audience) })}</td>
      <td>{asked == null
        ? t('trust.hidden', { count: minimum })
        : asked === 0 ? t('trust.notAsked') : t('trust.ofAsked', { count: Number(row.acknowledged ?? 0), asked: Number(asked), pct: pct(row.acknowledged, asked) })}</td>
    </tr>
  );
}
