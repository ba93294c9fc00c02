import { useTranslation } from 'react-i18next';
import type { DecisionDetails } from '../../api/types';
import { Bars } from '../../charts/Bars';
import { label } from '../../i18n';
import type { Figures } from './results';
import { optionLabel } from './useDecisions';

const POSITIONS = ['AGREE', 'ABSTAIN', 'DISAGREE', 'BLOCK'] as const;

/** The live figures of any method as a chart and, with the same numbers, a table. */
export function FiguresView({ decision, figures, title }: { decision: DecisionDetails; figures: Figures; title: string }) {
  const { t } = useTranslation();
  const options = (decision.options ?? []).map((o) => o.id ?? '');
  const name = (id: string) => optionLabel(decision, id);
  if (figures.scores) {
    const scores = figures.scores;
    return (
      <>
        <Bars title={t('decisions.chart', { what: `${title}, ${t('decisions.mean')}` })} max={5}
          bars={options.map((o) => ({ label: name(o), value: Number(scores[o]?.mean ?? 0), text: scores[o]?.mean == null ? '-' : String(scores[o]?.mean) }))} />
        <Table caption={`${title}: ${t('decisions.mean')}`} head={[t('decisions.option'), t('decisions.mean'), ...[0, 1, 2, 3, 4, 5].map((n) => t('decisions.distribution', { n }))]}
          rows={options.map((o) => [name(o), scores[o]?.mean == null ? '-' : String(scores[o]?.mean), ...(scores[o]?.distribution ?? []).map(String)])} />
      </>
    );
  }
  if (figures.positions) {
    const positions = figures.positions;
    return (
      <>
        <Bars title={t('decisions.chart', { what: `${title}, ${t('decisions.positions')}` })} bars={POSITIONS.map((p) => ({ label: label('decisions', p), value: positions[p] ?? 0 }))} />
        <Table caption={`${title}: ${t('decisions.positions')}`} head={[t('decisions.positionLegend'), t('results.count')]}
          rows={POSITIONS.map((p) => [label('decisions', p), String(positions[p] ?? 0)])} />
      </>
    );
  }
  const [heading, values] = figures.approvals ? [t('decisions.approvals'), figures.approvals]
    : figures.points ? [t('decisions.points'), figures.points] : [t('decisions.firstPreferences'), figures.firstPreferences ?? {}];
  const first = figures.points ? figures.firstPreferences ?? {} : undefined;
  return (
    <>
      {decision.method === 'RANKED_IRV' && <p className="hint">{t('decisions.firstPreferencesLive')}</p>}
      <Bars title={t('decisions.chart', { what: `${title}, ${heading}` })} bars={options.map((o) => ({ label: name(o), value: values[o] ?? 0 }))} />
      <Table caption={`${title}: ${heading}`} head={[t('decisions.option'), heading, ...(first ? [t('decisions.firstPreferences')] : [])]}
        rows={options.map((o) => [name(o), String(values[o] ?? 0), ...(first ? [String(first[o] ?? 0)] : [])])} />
      {figures.abstentions != null && <p>{t('decisions.abstentions', { n: figures.abstentions })}</p>}
    </>
  );
}

export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead><tr>{head.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
        <tbody>{rows.map((row) => <tr key={row[0]}><th scope="row">{row[0]}</th>{row.slice(1).map((cell, i) => <td key={i}>{cell}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}
