import { useTranslation } from 'react-i18next';
import type { DecisionDetails } from '../../api/types';
import { Bars } from '../../charts/Bars';
import { label } from '../../i18n';
import { Table } from './FiguresView';
import { INACTIVE_CAUSES, type Count, type Stance } from './results';
import { optionLabel, questionOf } from './useDecisions';

/** Every round of the instant-runoff count: each option's votes, the threshold, who went out and where their ballots went. */
export function Rounds({ decision, count }: { decision: DecisionDetails; count: Count }) {
  const { t } = useTranslation();
  const rounds = count.results ?? [];
  const name = (id: string) => (id === 'exhausted' ? t('decisions.exhausted') : optionLabel(decision, id));
  const options = [...new Set(rounds.flatMap((r) => Object.keys(r.tally)))];
  const last = rounds[rounds.length - 1];
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t('decisions.rounds')}</h2>
      {last && <Bars title={t('decisions.chart', { what: `${questionOf(decision)}, ${t('decisions.round', { n: last.round })}` })}
        bars={Object.entries(last.tally).map(([o, v]) => ({ label: name(o), value: Number(v) }))} />}
      <Table caption={t('decisions.rounds')}
        head={[t('decisions.option'), ...rounds.map((r) => t('decisions.round', { n: r.round }))]}
        rows={[
          ...options.map((o) => [name(o), ...rounds.map((r) => (r.tally[o] == null ? '' : String(r.tally[o])))]),
          [t('decisions.threshold'), ...rounds.map((r) => String(r.threshold))],
          ...INACTIVE_CAUSES.map((cause) => [`${t('decisions.inactive')}: ${label('decisions', cause)}`, ...rounds.map((r) => String(r.inactiveBallots[cause] ?? 0))]),
        ]} />
      <ol className="round-steps">
        {rounds.map((r) => (
          <li key={r.round}>
            <strong>{t('decisions.round', { n: r.round })}</strong>
            <ul>
              {r.tallyResults.map((step, i) => (
                <li key={i}>
                  {step.elected ? t('decisions.elected', { option: name(step.elected) }) : t('decisions.eliminated', { option: name(step.eliminated ?? '') })}
                  {step.transfers && Object.keys(step.transfers).length > 0 && (
                    <>: {t('decisions.transfers')} {Object.entries(step.transfers).map(([to, n]) => `${n} → ${name(to)}`).join(', ')}</>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {count.tiebreak?.ties && count.tiebreak.ties.length > 0 && (
        <p>{count.tiebreak.randomSeed != null
          ? t('decisions.tiebreakSeed', { rule: label('decisions', count.tiebreak.mode), seed: count.tiebreak.randomSeed })
          : t('decisions.tiebreak', { rule: label('decisions', count.tiebreak.mode) })}: {count.tiebreak.ties.map((tie) => tie.reason).join(' ')}</p>
      )}
    </section>
  );
}

/** Blocks or disagreements with their reasons: only the leaders deciding receive them from the api. */
export function Stances({ decision, title, stances }: { decision: DecisionDetails; title: string; stances: Stance[] }) {
  const { t } = useTranslation();
  return (
    <section aria-label={title} className="panel">
      <h2>{title}</h2>
      <p className="hint">{t('decisions.leadersOnly')}</p>
      <ul>{stances.map((s, i) => <li key={i}>{s.reason}{s.who && decision.anonymity === 'NAMED' ? ` (${s.who})` : ''}</li>)}</ul>
    </section>
  );
}
