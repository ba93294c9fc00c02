import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ConsultationAction, ConsultationView } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { stageLabel, useChain, useIdeas } from './useConsultations';

/** "You said, we did": the decision with its rationale and what shaped it, then the actions and how far they got. */
export function Outcome({ consultation }: { consultation: ConsultationView }) {
  const { t } = useTranslation();
  const outcome = consultation.outcome;
  const ideas = useIdeas(consultation.id!);
  const titles = new Map((ideas.data?.pages.flatMap((p) => p.items ?? []) ?? []).map((idea) => [idea.id, idea.title]));
  return (
    <section aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t('consultations.outcome')}</h2>
      {!outcome ? <p className="muted">{t('consultations.noOutcome')}</p> : (
        <div className="panel">
          <h3>{t('consultations.decision')}</h3>
          <p>{outcome.decision}</p>
          <h3>{t('consultations.rationale')}</h3>
          <p>{outcome.rationale}</p>
          {(outcome.ideaIds ?? []).length > 0 && (
            <>
              <h3>{t('consultations.shapedBy')}</h3>
              <ul>{(outcome.ideaIds ?? []).map((id) => <li key={id}>{titles.get(id) ?? id}</li>)}</ul>
            </>
          )}
          <p className="muted">{t('consultations.published', { who: outcome.publisherRole ? t('consultations.publisher', { name: outcome.publisherName ?? '', role: outcome.publisherRole }) : outcome.publisherName ?? '', when: formatDateTime(outcome.publishedAt) })}</p>
        </div>
      )}
      <h3>{t('consultations.actions')}</h3>
      {(consultation.actions ?? []).length === 0 ? <p className="muted">{t('consultations.noActions')}</p> : (
        <ul className="feed">{(consultation.actions ?? []).map((action) => <ActionItem key={action.id} action={action} />)}</ul>
      )}
      <Chain id={consultation.id!} />
    </section>
  );
}

function ActionItem({ action }: { action: ConsultationAction }) {
  const { t } = useTranslation();
  const progressId = `progress-${action.id}`;
  return (
    <li className="card">
      <h4>{action.what}</h4>
      <p className="muted"><span className="badge">{label('consultations', action.status)}</span> · {t('consultations.owner', { name: action.ownerName ?? '' })}</p>
      <p>
        <label htmlFor={progressId}>{t('consultations.progress')}</label>{' '}
        <progress id={progressId} max={100} value={action.progress ?? 0}>{action.progress ?? 0}%</progress> {action.progress ?? 0}%
      </p>
      {(action.milestones ?? []).length > 0 && (
        <ul aria-label={t('consultations.milestones')}>
          {(action.milestones ?? []).map((m) => (
            <li key={`${m.what}-${m.dueAt}`}>{m.what}, {t('consultations.due', { when: formatDateTime(m.dueAt) })}{m.done && <> ({t('consultations.done')})</>}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The chain of cycles: proposal, decision, review, next consultation. */
function Chain({ id }: { id: string }) {
  const { t } = useTranslation();
  const chain = useChain(id);
  const cycles = chain.data ?? [];
  if (cycles.length < 2) return null;
  return (
    <nav aria-labelledby="chain-title">
      <h3 id="chain-title">{t('consultations.chain')}</h3>
      <ol>
        {cycles.map((cycle) => (
          <li key={cycle.id}>
            {cycle.current
              ? <span aria-current="page">{cycle.title} ({t('consultations.thisOne')})</span>
              : <Link to={`/consultations/${cycle.id}`}>{cycle.title}</Link>}
            {' '}· {stageLabel(cycle.stage)}{cycle.decision && <>: {cycle.decision}</>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
