import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useApi } from '../../api/ApiContext';
import { ok } from '../../api/client';
import { useMe, useSchools } from '../../api/hooks';
import type { AskCalendar, AskEntry, AskWeek } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { LEADER_ROLES, hasAny } from '../../auth/roles';
import { formatDate, formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { PersonPicker } from '../people/PersonPicker';

const WEEKS = 8;

/** Whose asks the calendar shows: the trust or a leader's schools (no ids), one school, or one carer. */
interface Subject { schoolId?: string; carerId?: string }

/**
 * The fatigue calendar: surveys, consultations and votes open or planned, week by week. Leaders see the trust's or a
 * school's; staff and leaders look up one carer across all their children's schools; a carer sees their own.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('calendar.title'));
  const { session } = useAuth();
  const roles = session?.roles ?? [];
  const leads = hasAny(roles, LEADER_ROLES);
  const looksUp = leads || roles.includes('staff');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const show = (next: Subject & { from?: string }) => setParams(Object.fromEntries(
    Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))));
  const from = params.get('from') ?? undefined;
  const asked: Subject = { schoolId: params.get('schoolId') ?? undefined, carerId: params.get('carerId') ?? undefined };
  const own = !looksUp && me.data?.personId ? { carerId: me.data.personId } : undefined;
  const subject = asked.schoolId || asked.carerId ? asked : leads ? {} : own;
  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">{t('calendar.title')}</h1>
      <p className="muted">{looksUp ? t('calendar.intro') : t('calendar.introCarer')}</p>
      {leads && <SchoolChoice subject={asked} onChoose={show} />}
      {looksUp && <CarerLookup onLookUp={(carerId) => show({ carerId })} />}
      {!looksUp && me.isPending && <Loading />}
      {!looksUp && me.error && <ErrorMessage error={me.error} />}
      {subject && <Weeks subject={subject} from={from} own={!looksUp} onMove={(moved) => show({ ...subject, from: moved })} />}
    </section>
  );
}

function SchoolChoice({ subject, onChoose }: { subject: Subject; onChoose: (subject: Subject) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { nameOf } = useSchools();
  const led = [...(me.data?.leadsSchools ?? [])].sort();
  return (
    <div className="field">
      <label htmlFor="calendar-school">{t('calendar.whose')}</label>
      <select id="calendar-school" value={subject.carerId ? '' : subject.schoolId ?? ''}
        onChange={(e) => onChoose({ schoolId: e.target.value || undefined })}>
        <option value="">{me.data?.trustWide ? t('calendar.trust') : t('calendar.mySchools')}</option>
        {led.map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
      </select>
    </div>
  );
}

function CarerLookup({ onLookUp }: { onLookUp: (carerId: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="carer-lookup-title">
      <h2 id="carer-lookup-title">{t('calendar.carerTitle')}</h2>
      <PersonPicker id="calendar-carer" kind="carer" label={t('calendar.carerName')} onPick={(carer) => carer.id && onLookUp(carer.id)} />
    </section>
  );
}

function useCalendar(subject: Subject, from?: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['ask-calendar', subject.schoolId ?? '', subject.carerId ?? '', from ?? ''],
    queryFn: () => ok(api.GET('/api/v1/consultations/calendar', {
      params: { query: { weeks: WEEKS, from, schoolId: subject.schoolId, carerId: subject.carerId } },
    })) as Promise<AskCalendar>,
  });
}

/** Eight weeks from a Monday, with a warning on each week above the trust's limit (for a school or a carer). */
function Weeks({ subject, from, own, onMove }: { subject: Subject; from?: string; own: boolean; onMove: (from: string) => void }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const calendar = useCalendar(subject, from);
  if (calendar.isPending) return <Loading />;
  if (calendar.error) return <ErrorMessage error={calendar.error} />;
  const { weeks = [], limit = 0 } = calendar.data;
  const warns = Boolean(subject.carerId || subject.schoolId);
  const crowded = warns ? weeks.filter((week) => (week.open ?? 0) > limit).length : 0;
  const heading = own ? t('calendar.yours') : subject.carerId ? t('calendar.ofCarer', { carer: subject.carerId })
    : subject.schoolId ? nameOf(subject.schoolId) : t('calendar.allShown');
  return (
    <div aria-labelledby="calendar-weeks-title">
      <h2 id="calendar-weeks-title">{heading}</h2>
      <p className="muted">{t('calendar.limit', { limit })}</p>
      {crowded > 0 && <p className="warning" role="status">{t(subject.carerId ? 'calendar.crowdedCarer' : 'calendar.crowdedSchool', { count: crowded, limit })}</p>}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{heading}</caption>
          <thead>
            <tr><th scope="col">{t('calendar.week')}</th><th scope="col">{t('calendar.open')}</th><th scope="col">{t('calendar.asks')}</th></tr>
          </thead>
          <tbody>
            {weeks.map((week) => <WeekRow key={week.weekStarting} week={week} limit={warns ? limit : undefined} carer={Boolean(subject.carerId)} />)}
          </tbody>
        </table>
      </div>
      <p className="actions">
        <button type="button" className="secondary" onClick={() => onMove(shift(calendar.data.from, -WEEKS))}>{t('calendar.earlier')}</button>
        <button type="button" className="secondary" onClick={() => onMove(shift(calendar.data.from, WEEKS))}>{t('calendar.later')}</button>
      </p>
    </div>
  );
}

function WeekRow({ week, limit, carer }: { week: AskWeek; limit?: number; carer: boolean }) {
  const { t } = useTranslation();
  const open = week.open ?? 0;
  const asks = week.asks ?? [];
  const over = limit !== undefined && open > limit;
  return (
    <tr className={over ? 'over-limit' : undefined}>
      <th scope="row">{formatDate(week.weekStarting)}</th>
      <td>
        {open}
        {over && <> <span className="badge warning">{t('calendar.overLimit', { limit })}</span></>}
      </td>
      <td>
        {asks.length > 0 && <ul className="plain">{asks.map((ask) => <AskItem key={`${ask.kind}:${ask.id}`} ask={ask} />)}</ul>}
        {open > asks.length && <p className="muted">{t(carer ? 'calendar.notNamedCarer' : 'calendar.notNamed', { count: open - asks.length })}</p>}
        {open === 0 && <span className="muted">{t('calendar.none')}</span>}
      </td>
    </tr>
  );
}

function AskItem({ ask }: { ask: AskEntry }) {
  const { t } = useTranslation();
  const { nameOf } = useSchools();
  const where = ask.trustWide ? t('consultations.trustWide') : (ask.schoolIds ?? []).map(nameOf).join(', ');
  return (
    <li>
      <span className="badge">{label('calendar', ask.kind)}</span>{' '}
      <Link to={linkTo(ask)}>{ask.title}</Link>
      <span className="muted">
        {where && <> · {where}</>}
        {ask.from && <> · {t('calendar.from', { when: formatDateTime(ask.from) })}</>}
        {ask.until && <> · {t('calendar.until', { when: formatDateTime(ask.until) })}</>}
      </span>
    </li>
  );
}

function linkTo(ask: AskEntry): string {
  const id = encodeURIComponent(ask.id ?? '');
  if (ask.kind === 'consultation') return `/consultations/${id}`;
  if (ask.kind === 'decision') return `/decisions/${id}`;
  return '/surveys';
}

/** The Monday `weeks` weeks from this one (dates as the api writes them). */
export function shift(monday: string | undefined, weeks: number): string {
  const day = monday ? new Date(`${monday}T00:00:00Z`) : new Date();
  day.setUTCDate(day.getUTCDate() + weeks * 7);
  return day.toISOString().slice(0, 10);
}
