import { useTranslation } from 'react-i18next';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, idempotencyKey } from '../../api/client';
import type { BallotRequest, DecisionDetails } from '../../api/types';
import { label } from '../../i18n';
import { ErrorMessage, Notice } from '../../layout/Status';
import { RankingInput } from './RankingInput';
import { optionLabel, useCast } from './useDecisions';

const POSITIONS = ['AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK'] as const;
const SCORES = [0, 1, 2, 3, 4, 5];

/** One unit's ballot for any method; changing it re-sends the whole ballot (the last one counts). */
export function BallotForm({ decision, unit, cast }: { decision: DecisionDetails; unit: string; cast: boolean }) {
  const { t } = useTranslation();
  const method = decision.method;
  const options = (decision.options ?? []).map((o) => ({ id: o.id ?? '', label: optionLabel(decision, o.id ?? '') }));
  const yesNo = method === 'APPROVAL' && options.length === 2 && options.every((o) => o.id === 'yes' || o.id === 'no');
  const [approve, setApprove] = useState<string[]>([]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [position, setPosition] = useState('');
  const [reason, setReason] = useState('');
  const [ranking, setRanking] = useState<string[]>([]);
  const [problem, setProblem] = useState('');
  const [receipt, setReceipt] = useState('');
  const castBallot = useCast(decision.id ?? '');
  // one key per ballot as filled in: a retried press is a replay, a new choice is a new ballot
  const key = useRef({ ballot: '', key: idempotencyKey() });
  const anonymous = decision.anonymity === 'ANONYMOUS';
  const reasonNeeded = position === 'DISAGREE' || position === 'BLOCK';

  const ballot = (): BallotRequest | string => {
    switch (method) {
      case 'APPROVAL': return yesNo && approve.length === 0 ? t('decisions.chooseOne') : { unit, approve };
      case 'SCORE': return { unit, scores };
      case 'CONSENT':
        if (!position) return t('decisions.chooseOne');
        if (reasonNeeded && !reason.trim()) return t('decisions.reasonRequired');
        return { unit, position, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      default: return ranking.length === 0 ? t('decisions.rankingRequired') : { unit, ranking };
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReceipt('');
    const body = ballot();
    if (typeof body === 'string') { setProblem(body); return; }
    setProblem('');
    const json = JSON.stringify(body);
    if (key.current.ballot !== json) key.current = { ballot: json, key: idempotencyKey() };
    castBallot.mutate({ ballot: body, key: key.current.key }, {
      onSuccess: (done) => setReceipt(done.changed ? t('decisions.changed') : t('decisions.counted')),
    });
  };

  const fieldErrors = castBallot.error instanceof ApiError ? castBallot.error.problem.errors ?? [] : [];
  return (
    <form onSubmit={submit} noValidate aria-label={t('decisions.vote')}>
      {method === 'APPROVAL' && (
        <fieldset>
          <legend>{yesNo ? t('decisions.positionLegend') : t('decisions.approveLegend')}</legend>
          {options.map((o) => (
            <label key={o.id} className="check">
              <input type={yesNo ? 'radio' : 'checkbox'} name={`approve-${unit}`} checked={approve.includes(o.id)}
                onChange={(e) => setApprove(yesNo ? [o.id] : e.target.checked ? [...approve, o.id] : approve.filter((a) => a !== o.id))} />
              {o.label}
            </label>
          ))}
        </fieldset>
      )}
      {method === 'SCORE' && options.map((o) => (
        <fieldset key={o.id} className="scores">
          <legend>{t('decisions.scoreLegend', { option: o.label })}</legend>
          <label className="check">
            <input type="radio" name={`score-${unit}-${o.id}`} checked={scores[o.id] === undefined}
              onChange={() => setScores(Object.fromEntries(Object.entries(scores).filter(([k]) => k !== o.id)))} />
            {t('decisions.scoreNone')}
          </label>
          {SCORES.map((n) => (
            <label key={n} className="check">
              <input type="radio" name={`score-${unit}-${o.id}`} value={n} checked={scores[o.id] === n}
                onChange={() => setScores({ ...scores, [o.id]: n })} />
              {n}
            </label>
          ))}
        </fieldset>
      ))}
      {method === 'CONSENT' && (
        <>
          <fieldset>
            <legend>{t('decisions.positionLegend')}</legend>
            {POSITIONS.map((p) => (
              <label key={p} className="check">
                <input type="radio" name={`position-${unit}`} value={p} checked={position === p} onChange={() => setPosition(p)} />
                {label('decisions', p)}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`reason-${unit}`}>{t('decisions.reason')}</label>
          <p className="hint" id={`reason-hint-${unit}`}>{t('decisions.reasonHint')}</p>
          <textarea id={`reason-${unit}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000}
            required={reasonNeeded} aria-required={reasonNeeded} aria-describedby={`reason-hint-${unit}`}
            aria-invalid={problem === t('decisions.reasonRequired')} />
        </>
      )}
      {(method === 'RANKED_IRV' || method === 'BORDA') && (
        <fieldset>
          <legend>{t('decisions.rankingLegend')}</legend>
          <RankingInput options={options} value={ranking} onChange={setRanking} />
        </fieldset>
      )}
      <p className="hint">{anonymous ? t('decisions.finalNote') : t('decisions.changeNote')}</p>
      {problem && <p role="alert" className="error">{problem}</p>}
      {castBallot.error != null && <ErrorMessage error={castBallot.error} />}
      {fieldErrors.length > 0 && <ul className="error">{fieldErrors.map((e, i) => <li key={i}>{e.field}: {e.message}</li>)}</ul>}
      {receipt && <Notice>{receipt}</Notice>}
      <div className="actions">
        <button type="submit" disabled={castBallot.isPending}>{cast && !anonymous ? t('decisions.changeBallot') : t('decisions.castBallot')}</button>
      </div>
    </form>
  );
}
