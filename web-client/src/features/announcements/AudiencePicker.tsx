import { useEffect, useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useSchools } from '../../api/hooks';
import type { Audience, ReachPreview } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { label } from '../../i18n';
import { describe } from '../../layout/Status';
import type { AudienceChoices, Scope } from './audienceChoices';

type AudienceRole = 'CARERS' | 'STAFF' | 'PUPILS';
const ROLES: AudienceRole[] = ['CARERS', 'STAFF', 'PUPILS'];

export type Reach = UseQueryResult<ReachPreview> & { complete: boolean };

interface Props {
  value: Audience;
  onChange: (audience: Audience) => void;
  /** What this author may address: only these scopes, schools and classes are offered. */
  choices: AudienceChoices;
  reach: Reach;
}

/** Scope x roles, offering only what the author may address, with a live count of the people it reaches. */
export function AudiencePicker({ value, onChange, choices, reach }: Props) {
  const { t } = useTranslation();
  const { schools, scopes } = choices;
  const ids = new Set(value.ids ?? []);
  const roles = new Set(value.roles ?? []);
  const toggle = (set: Set<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id); else next.add(id);
    return [...next];
  };
  return (
    <fieldset>
      <legend>{t('audience.legend')}</legend>
      <div className="field">
        <label htmlFor="audience-scope">{t('audience.scope')}</label>
        <select id="audience-scope" value={value.scope} onChange={(e) => onChange({ ...value, scope: e.target.value as Scope, ids: [] })}>
          {scopes.map((scope) => <option key={scope} value={scope}>{label('audience', scope)}</option>)}
        </select>
      </div>
      {value.scope === 'SCHOOLS' && (
        <fieldset>
          <legend>{t('audience.schools')}</legend>
          {schools.map((school) => (
            <label key={school.id} className="check">
              <input type="checkbox" checked={ids.has(school.id!)} onChange={() => onChange({ ...value, ids: toggle(ids, school.id!) })} />
              {school.name}
            </label>
          ))}
        </fieldset>
      )}
      {(value.scope === 'YEAR_GROUPS' || value.scope === 'CLASSES') && (
        <GroupChooser scope={value.scope} choices={choices} chosen={ids} onToggle={(id) => onChange({ ...value, ids: toggle(ids, id) })} />
      )}
      <fieldset>
        <legend>{t('audience.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="check">
            <input type="checkbox" checked={roles.has(role)} onChange={() => onChange({ ...value, roles: toggle(roles, role) as AudienceRole[] })} />
            {label('audience', role)}
          </label>
        ))}
      </fieldset>
      <ReachCount reach={reach} />
    </fieldset>
  );
}

interface GroupProps { scope: Scope; choices: AudienceChoices; chosen: Set<string>; onToggle: (id: string) => void }

function GroupChooser({ scope, choices, chosen, onToggle }: GroupProps) {
  const { t } = useTranslation();
  const { api } = useApi();
  const { schools, classes } = choices;
  const [schoolId, setSchoolId] = useState<string>('');
  useEffect(() => { if (!schoolId && schools[0]?.id) setSchoolId(schools[0].id); }, [schools, schoolId]);
  const groups = useQuery({
    queryKey: ['groups', scope, schoolId],
    enabled: !!schoolId,
    queryFn: async () => {
      if (scope === 'YEAR_GROUPS') {
        const page = await ok(api.GET('/api/v1/schools/{schoolId}/year-groups', { params: { path: { schoolId } } }));
        return (page.items ?? []).map((y) => ({ id: y.audienceId ?? '', name: y.name ?? '' }));
      }
      const page = await ok(api.GET('/api/v1/schools/{schoolId}/classes', { params: { path: { schoolId }, query: { limit: 500 } } }));
      return (page.items ?? []).filter((c) => !classes || classes.has(c.id ?? '')).map((c) => ({ id: c.id ?? '', name: c.title ?? '' }));
    },
  });
  return (
    <fieldset>
      <legend>{label('audience', scope)}</legend>
      <div className="field">
        <label htmlFor="group-school">{t('audience.schools')}</label>
        <select id="group-school" value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
          {schools.map((school) => <option key={school.id} value={school.id}>{school.name}</option>)}
        </select>
      </div>
      {(groups.data ?? []).map((group) => (
        <label key={group.id} className="check">
          <input type="checkbox" checked={chosen.has(group.id)} onChange={() => onToggle(group.id)} />
          {group.name}
        </label>
      ))}
    </fieldset>
  );
}

export function isComplete(audience: Audience): boolean {
  return (audience.roles ?? []).length > 0 && (audience.scope === 'TRUST' || (audience.ids ?? []).length > 0);
}

/**
 * Asks the api how many people (and devices) the audience reaches, and whether a post to it goes for approval,
 * a moment after the author stops changing it.
 */
export function useReachPreview(audience: Audience): Reach {
  const { api } = useApi();
  const [settled, setSettled] = useState(audience);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(audience), 300);
    return () => clearTimeout(timer);
  }, [audience]);
  const complete = isComplete(settled) && isComplete(audience);
  const reach = useQuery({
    queryKey: ['reach-preview', settled],
    enabled: complete,
    retry: false,
    queryFn: () => ok(api.POST('/api/v1/announcements/reach-preview', { body: { audience: settled } })),
  });
  return { ...reach, complete } as Reach;
}

function ReachCount({ reach }: { reach: Reach }) {
  const { t } = useTranslation();
  let text: string = t('audience.reachUnknown');
  if (reach.complete && reach.isPending) text = t('audience.reachCounting');
  if (reach.complete && reach.error) text = t('audience.reachRefused', { why: describe(reach.error) });
  if (reach.complete && reach.data) {
    const devices = reach.data.devices;
    text = t('audience.reach', { count: Number(reach.data.people ?? 0) }) + (devices ? t('audience.onDevices', { count: Number(devices.total ?? 0) }) : '');
  }
  return (
    <>
      <p className={reach.complete && reach.error ? 'reach-count error' : 'reach-count'} role="status" aria-live="polite">{text}</p>
      {reach.complete && reach.data && <ReachBreakdown preview={reach.data} />}
    </>
  );
}

const count = (counts: Record<string, number> | undefined, key: string) => Number(counts?.[key] ?? 0).toLocaleString('en-GB');

/** People and devices per role, then per school and role (a carer with children in two schools shows in both). */
function ReachBreakdown({ preview }: { preview: ReachPreview }) {
  const { t } = useTranslation();
  const { schools } = useSchools();
  const nameOf = (id: string) => schools.find((school) => school.id === id)?.name ?? id;
  const roles = ROLES.filter((role) => (preview.byRole ?? {})[role] !== undefined);
  const devices = preview.devices;
  const rows: { label: string; people?: Record<string, number>; devices?: Record<string, number> }[] = [
    { label: t('audience.allSchools'), people: preview.byRole, devices: devices?.byRole },
    ...Object.keys(preview.bySchool ?? {}).sort().map((id) => ({
      label: nameOf(id), people: preview.bySchool?.[id], devices: devices?.bySchool?.[id],
    })),
  ];
  return (
    <details>
      <summary>{t('audience.breakdown')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('audience.school')}</th>
            {roles.map((role) => <th key={role} scope="col">{label('audience', role)}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {roles.map((role) => (
                <td key={role}>
                  {count(row.people, role)} {t('audience.people').toLowerCase()}
                  {devices && <>, {count(row.devices, role)} {t('audience.devices').toLowerCase()}</>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
