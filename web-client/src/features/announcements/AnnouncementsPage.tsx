import { Link } from 'react-router-dom';
import { useMe, useSchools } from '../../api/hooks';
import type { AnnouncementView, Me } from '../../api/types';
import { useTranslation } from 'react-i18next';
import { formatDateTime, label } from '../../i18n';
import { ErrorMessage, Loading } from '../../layout/Status';
import { usePageTitle } from '../../layout/usePageTitle';
import { titleOf, useAnnouncements } from './useAnnouncements';
import { canEdit } from './editInput';

export function AnnouncementsPage() {
  const { t } = useTranslation();
  usePageTitle(t('announcements.title'));
  const list = useAnnouncements();
  const me = useMe();
  const { nameOf } = useSchools();
  return (
    <section aria-labelledby="announcements-title">
      <h1 id="announcements-title">{t('announcements.title')}</h1>
      <p><Link className="button" to="/announcements/new">{t('nav.compose')}</Link></p>
      {list.isPending && <Loading />}
      {list.error && <ErrorMessage error={list.error} />}
      {list.data?.length === 0 && <p>{t('announcements.empty')}</p>}
      {!!list.data?.length && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('announcements.title')}</caption>
            <thead><tr><th scope="col">{t('compose.titleLabel')}</th><th scope="col">{t('compose.school')}</th><th scope="col">{t('announcements.status')}</th><th scope="col"><span className="sr-only">{t('announcements.reach')}</span></th></tr></thead>
            <tbody>
              {list.data.map((view) => (
                <tr key={view.id}>
                  <td>{titleOf(view)}{view.trustWide && <> <span className="badge">{t('announcements.trustWide')}</span></>}</td>
                  <td>{view.schoolId ? nameOf(view.schoolId) : t('feed.trust')}</td>
                  <td>
                    {label('announcements', view.status)}<br /><span className="muted">{formatDateTime(view.publishedAt ?? view.publishAt ?? view.createdAt)}</span>
                    {view.edited && view.editedAt && <><br /><span className="muted">{t('feed.edited', { when: formatDateTime(view.editedAt) })}</span></>}
                    {view.retractionReason && <><br /><span className="muted">{t('announcements.withdrawnBecause', { when: formatDateTime(view.retractedAt), reason: view.retractionReason })}</span></>}
                  </td>
                  <td>
                    {canEdit(view) && <div><Link to={`/announcements/${view.id}/manage`} aria-label={`${t('announcements.manage')}: ${titleOf(view)}`}>{t('announcements.manage')}</Link></div>}
                    {(view.status === 'PUBLISHED' || view.status === 'RETRACTED') && <Link to={`/announcements/${view.id}/reach`}>{t('announcements.reach')}</Link>}
                    {adaptableFor(view, me.data).map((schoolId) => (
                      <div key={schoolId}><Link to={`/announcements/${view.id}/adapt/${schoolId}`}>{t('announcements.adapt')} ({nameOf(schoolId)})</Link></div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Schools I lead that have not yet answered an adaptable trust-wide announcement. */
export function adaptableFor(view: AnnouncementView, me: Me | undefined): string[] {
  if (!view.trustWide?.adaptable || !me) return [];
  const leads = new Set(me.leadsSchools ?? []);
  return (view.adoption ?? []).filter((a) => a.status === 'PENDING' && leads.has(a.schoolId ?? '')).map((a) => a.schoolId!);
}
