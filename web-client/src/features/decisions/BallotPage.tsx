import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { DecisionDetails } from '../../api/types';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading, Notice } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { BallotForm } from './BallotForm';
import { questionOf, useDecision } from './useDecisions';

/** A participant's ballot: the rules in words first, then whose ballot (one per child for carers), then the ballot. */
export function BallotPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const decision = useDecision(id);
  usePageTitle(questionOf(decision.data) || t('decisions.vote'));
  if (decision.isPending) return <Loading />;
  if (decision.error) return <ErrorMessage error={decision.error} />;
  return <Ballot decision={decision.data} />;
}

function Ballot({ decision }: { decision: DecisionDetails }) {
  const { t } = useTranslation();
  const units = decision.units ?? [];
  const [chosen, setChosen] = useState(units.find((u) => !u.cast)?.unit ?? units[0]?.unit);
  const unit = units.find((u) => u.unit === chosen);
  const open = decision.status === 'OPEN';
  return (
    <article aria-labelledby="decision-title">
      <h1 id="decision-title">{questionOf(decision)}</h1>
      <p className="muted">
        <span className="badge">{label('decisions', decision.status)}</span>{' '}
        {decision.status === 'SCHEDULED' ? t('decisions.opens', { when: formatDateTime(decision.opensAt) }) : t('decisions.closes', { when: formatDateTime(decision.closesAt) })}
      </p>
      {decision.description && <p>{decision.description}</p>}
      <Rules decision={decision} />
      {units.length > 1 && (
        <fieldset className="panel">
          <legend>{t('decisions.votingFor')}</legend>
          {decision.ballotUnit !== 'PER_PERSON' && <p className="hint">{t('decisions.votingForHelp')}</p>}
          {units.map((u) => (
            <label key={u.unit} className="check">
              <input type="radio" name="unit" value={u.unit} checked={chosen === u.unit} onChange={() => setChosen(u.unit)} />
              {u.label} ({u.cast ? t('decisions.cast') : t('decisions.notCast')})
            </label>
          ))}
        </fieldset>
      )}
      {!open && <p className="muted">{t('decisions.notOpen')}</p>}
      {open && unit && (unit.cast && decision.anonymity === 'ANONYMOUS'
        ? <Notice>{t('decisions.alreadyFinal')}</Notice>
        : <BallotForm key={unit.unit} decision={decision} unit={unit.unit ?? 'self'} cast={!!unit.cast} />)}
      <p><Link to={`/decisions/${encodeURIComponent(decision.id ?? '')}/results`}>{t('decisions.seeResults')}</Link></p>
    </article>
  );
}

/** What voters are told before they vote, as the api states it: the count, whose ballot, anonymity, changes, results. */
export function Rules({ decision }: { decision: DecisionDetails }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rules-title" className="panel">
      <h2 id="rules-title">{t('decisions.howCounted')}</h2>
      <p><strong>{label('decisions', decision.method)}</strong> · {label('decisions', decision.ballotUnit)} · {label('decisions', decision.anonymity)}</p>
      <ul>{(decision.statements ?? []).map((statement) => <li key={statement}>{statement}</li>)}</ul>
    </section>
  );
}
