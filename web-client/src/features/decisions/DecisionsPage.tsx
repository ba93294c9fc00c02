import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DecisionDetails } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { questionOf, useManagedDecisions } from './useDecisions';

/** The votes a leader runs, each with its results (where they close it). */
export function DecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.title'));
  const list = useManagedDecisions();
  const decisions = list.data?.pages.flatMap((page) => page.items ?? []) ?? [];
  return (
    <section aria-labelledby="decisions-title">
      <h1 id="decisions-title">{t('decisions.title')}</h1>
      <p>{t('decisions.intro')}</p>
      <p><Link className="button" to="/decisions/new">{t('decisions.create')}</Link></p>
      {list.isPending ? <Loading /> : list.error ? <ErrorMessage error={list.error} /> : <DecisionList decisions={decisions} />}
      {list.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('decisions.older')}
        </button>
      )}
    </section>
  );
}

export function DecisionList({ decisions }: { decisions: DecisionDetails[] }) {
  const { t } = useTranslation();
  if (decisions.length === 0) return <p className="muted">{t('decisions.none')}</p>;
  return (
    <ul className="feed">
      {decisions.map((d) => {
        const id = encodeURIComponent(d.id ?? '');
        const mine = (d.units ?? []).length > 0;
        return (
          <li key={d.id} className="card">
            <h3>{questionOf(d)}</h3>
            <p className="muted"><span className="badge">{label('decisions', d.status)}</span> {label('decisions', d.method)} · {t('decisions.closes', { when: formatDateTime(d.closesAt) })}</p>
            <p className="actions">
              {mine && d.status === 'OPEN' && <Link className="button" to={`/decisions/${id}`}>{t('decisions.vote')}: {questionOf(d)}</Link>}
              <Link to={`/decisions/${id}/results`}>{t('decisions.seeResults')}: {questionOf(d)}</Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
