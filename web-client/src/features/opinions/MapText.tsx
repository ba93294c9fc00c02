import { useTranslation } from 'react-i18next';
import type { OpinionGroup, OpinionMapView } from '../../api/types';
import { useSchools } from '../../api/hooks';
import { label } from '../../i18n';
import { GROUP_COLOURS } from './MapPicture';

type Ref = { id?: string; text?: string };

/** The map in words (its accessible equivalent): where the caller sits, the groups, their sizes and statements, consensus. */
export function MapText({ map }: { map: OpinionMapView }) {
  const { t } = useTranslation();
  const groups = map.groups ?? [];
  const labelOf = (id?: number | null) => groups.find((group) => group.id === id)?.label ?? '';
  const you = map.you;
  return (
    <div className="map-text">
      <p>
        {t('opinions.participants', { count: map.participants ?? 0, placed: map.placed ?? 0 })}
        {(map.voteMinimum ?? 0) > 0 && <> {t('opinions.voteMinimum', { count: map.voteMinimum! })}</>}
      </p>
      {you?.placed && you.group != null && <p><strong>{t('opinions.youAreIn', { group: labelOf(you.group) })}</strong></p>}
      {you && !you.placed && you.closestGroup != null && <p><strong>{t('opinions.youAreClosest', { group: labelOf(you.closestGroup) })}</strong></p>}
      <h3>{t('opinions.groups')}</h3>
      {groups.length === 0 ? <p>{t('opinions.mapEmpty')}</p> : (
        <ul className="opinion-groups">
          {groups.map((group) => <GroupItem key={group.id} group={group} />)}
        </ul>
      )}
      <h3>{t('opinions.consensus')}</h3>
      <Statements title={t('opinions.consensusAgree')} items={map.consensusAgree} />
      <Statements title={t('opinions.consensusDisagree')} items={map.consensusDisagree} />
      {!(map.consensusAgree ?? []).length && !(map.consensusDisagree ?? []).length && <p>{t('opinions.consensusEmpty')}</p>}
      <Statements title={t('opinions.groupAware')} items={map.groupAware} />
    </div>
  );
}

function GroupItem({ group }: { group: OpinionGroup }) {
  const { t } = useTranslation();
  const peopleIn = (n: number) => (n < 5 ? t('opinions.fewPeople') : t('opinions.people', { count: n }));
  const representative = group.representative ?? [];
  return (
    <li className="card" aria-label={`${group.label}, ${peopleIn(group.size ?? 0)}`}>
      <h4>
        <span className="swatch" style={{ background: GROUP_COLOURS[(group.id ?? 0) % GROUP_COLOURS.length] }} aria-hidden="true" />
        {group.label} · {peopleIn(group.size ?? 0)}
      </h4>
      {representative.length === 0 ? <p className="muted">{t('opinions.noRepresentative')}</p> : (
        <>
          <p className="muted">{t('opinions.representative')}</p>
          <ul>{representative.map((statement) => <li key={statement.id}>{statement.text}</li>)}</ul>
        </>
      )}
      {group.breakdown && <Breakdown group={group} />}
    </li>
  );
}

/** A leader's view of who is in the group, with surveys' small-number rule (null counts are hidden). */
function Breakdown({ group }: { group: OpinionGroup }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const breakdown = group.breakdown!;
  if (breakdown.suppressed) return <p className="hint">{t('opinions.breakdownSuppressed')}</p>;
  const rows = [
    ...Object.entries(breakdown.bySchool ?? {}).map(([key, count]) => [nameOf(key) || key, count] as const),
    ...Object.entries(breakdown.byRole ?? {}).map(([key, count]) => [label('opinions', key), count] as const),
  ];
  return (
    <details>
      <summary>{t('opinions.breakdown')}</summary>
      <dl className="facts">
        {rows.map(([name, count]) => <div key={name}><dt>{name}</dt><dd>{count == null ? t('opinions.hidden') : count}</dd></div>)}
      </dl>
    </details>
  );
}

function Statements({ title, items }: { title: string; items?: Ref[] }) {
  if (!items || items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>{items.map((statement) => <li key={statement.id}>{statement.text}</li>)}</ul>
    </>
  );
}
