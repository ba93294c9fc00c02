import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { hasAny, LEADER_ROLES } from '../../auth/roles';
import type { DecisionDetails, DecisionResultsView } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { CloseVote } from './CloseVote';
import { ExportLinks } from './ExportLinks';
import { FiguresView } from './FiguresView';
import { Rounds, Stances } from './Rounds';
import type { Count, Figures } from './results';
import { optionLabel, questionOf, useDecision, useResults, type Breakdown } from './useDecisions';

/** A vote's results: live figures (unless hidden), then at close the outcome in words, every round, blocks, the export. */
export function ResultsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const decision = useDecision(id);
  const [by, setBy] = useState<Breakdown | undefined>();
  const { results, live, error, isPending } = useResults(id, by);
  const { session } = useAuth();
  usePageTitle(`${t('results.title')}: ${questionOf(decision.data)}`);
  if (decision.error || error) return <ErrorMessage error={decision.error ?? error} />;
  const data = decision.data;
  if (!data || isPending || !results) return <Loading />;
  const leader = hasAny(session?.roles ?? [], LEADER_ROLES);
  return (
    <article aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}: {questionOf(data)}</h1>
      <p className="muted">
        <span className="badge">{label('decisions', results.status)}</span>{' '}
        {results.status === 'CLOSED' ? t('decisions.closedAt', { when: formatDateTime(data.closesAt) }) : t('decisions.closes', { when: formatDateTime(data.closesAt) })}
        {live && results.status !== 'CLOSED' && <> <span className="badge">{t('results.live')}</span></>}
      </p>
      {leader && results.status !== 'CLOSED' && <CloseVote decision={data} />}
      <Body decision={data} results={results} />
      {!results.hidden && !results.suppressed && <BreakdownPicker by={by} onChange={setBy} />}
      {!results.hidden && results.breakdown && <Groups decision={data} results={results} />}
      {results.status === 'CLOSED' && data.method === 'RANKED_IRV' && <ExportLinks decision={data} />}
      <p><Link to={`/decisions/${encodeURIComponent(id)}`}>{t('decisions.howCounted')}</Link></p>
    </article>
  );
}

function Body({ decision, results }: { decision: DecisionDetails; results: DecisionResultsView }) {
  const { t } = useTranslation();
  if (results.hidden) return <Notice>{t('decisions.hidden')}</Notice>;
  const count = (results.count ?? undefined) as Count | undefined;
  const outcome = results.outcome;
  return (
    <>
      {outcome && (
        <section aria-labelledby="outcome-title" className="panel">
          <h2 id="outcome-title">{t('decisions.outcome')}</h2>
          <p className="lead">{outcome.explanation}</p>
          {results.suppressed && (outcome.leaders ?? []).length > 0 && (
            <p>{t('decisions.chosen', { options: (outcome.leaders ?? []).map((o) => optionLabel(decision, o)).join(', ') })}</p>
          )}
          <p><strong>{outcome.stands ? t('decisions.stands') : t('decisions.doesNotStand')}</strong></p>
          {!results.suppressed && <p>{t('decisions.turnout', { cast: Number(outcome.ballots ?? 0), eligible: Number(outcome.eligible ?? 0) })}</p>}
        </section>
      )}
      {results.suppressed
        ? !outcome && <p className="muted">{t('decisions.suppressed', { min: results.breakdown?.minimum ?? 5 })}</p>
        : <p><strong>{t('decisions.ballots', { count: Number(results.ballots ?? 0) })}</strong></p>}
      {!results.suppressed && results.figures && (!count?.results) && (
        <FiguresView decision={decision} figures={results.figures as Figures} title={questionOf(decision)} />
      )}
      {count?.results && <Rounds decision={decision} count={count} />}
      {count?.blocks && count.blocks.length > 0 && <Stances decision={decision} title={t('decisions.blocks')} stances={count.blocks} />}
      {count?.disagreements && count.disagreements.length > 0 && <Stances decision={decision} title={t('decisions.disagreements')} stances={count.disagreements} />}
    </>
  );
}

function BreakdownPicker({ by, onChange }: { by?: Breakdown; onChange: (by?: Breakdown) => void }) {
  const { t } = useTranslation();
  return (
    <p>
      <label htmlFor="breakdown">{t('decisions.breakdown')}</label>{' '}
      <select id="breakdown" value={by ?? ''} onChange={(e) => onChange((e.target.value || undefined) as Breakdown | undefined)}>
        <option value="">{t('decisions.byNone')}</option>
        {(['school', 'year', 'role'] as const).map((b) => <option key={b} value={b}>{label('decisions', `by_${b}`)}</option>)}
      </select>
    </p>
  );
}

/** Each group's ballots and figures; a group under the minimum shows neither (nor can it be worked out). */
function Groups({ decision, results }: { decision: DecisionDetails; results: DecisionResultsView }) {
  const { t } = useTranslation();
  const breakdown = results.breakdown!;
  const title = `${t('decisions.breakdown')}: ${label('decisions', `by_${breakdown.by ?? 'school'}`) ?? breakdown.by}`;
  return (
    <section aria-labelledby="groups-title">
      <h2 id="groups-title">{title}</h2>
      <p className="hint">{t('decisions.suppressed', { min: breakdown.minimum ?? 5 })}</p>
      {(breakdown.groups ?? []).map((group) => (
        <div key={group.group} className="card">
          <h3>{group.label ?? group.group}</h3>
          {group.suppressed ? <p className="muted">{t('decisions.groupSuppressed')}</p> : (
            <>
              <p>{t('decisions.ballots', { count: Number(group.ballots ?? 0) })}</p>
              <FiguresView decision={decision} figures={(group.figures ?? {}) as Figures} title={`${questionOf(decision)}: ${group.label ?? group.group}`} />
            </>
          )}
        </div>
      ))}
    </section>
  );
}
