import { i18n } from '../i18n';
import { AUTHOR_ROLES, LEADER_ROLES, READER_ROLES, hasAny } from '../auth/roles';

export interface NavItem { to: string; label: string }

/** The navigation a person sees follows the roles in their token. */
export function navigationFor(roles: readonly string[]): NavItem[] {
  const { t } = i18n;
  const items: NavItem[] = [{ to: '/', label: t('nav.home') }];
  items.push({ to: '/feed', label: t('nav.feed') });
  if (hasAny(roles, AUTHOR_ROLES)) {
    items.push({ to: '/announcements', label: t('nav.announcements') });
    items.push({ to: '/announcements/new', label: t('nav.compose') });
  }
  if (hasAny(roles, LEADER_ROLES)) {
    items.push({ to: '/approvals', label: t('nav.approvals') });
    items.push({ to: '/moderation', label: t('nav.moderation') });
    items.push({ to: '/decisions', label: t('nav.decisions') });
  }
  if (roles.includes('safeguarding-lead')) items.push({ to: '/concerns', label: t('nav.concerns') });
  if (hasAny(roles, AUTHOR_ROLES) || hasAny(roles, READER_ROLES)) {
    items.push({ to: '/surveys', label: t('nav.surveys') });
    items.push({ to: '/consultations', label: t('nav.consultations') });
    if (hasAny(roles, [...AUTHOR_ROLES, 'carer'])) items.push({ to: '/consultations/calendar', label: t('nav.calendar') });
  }
  if (roles.includes('trust-leader')) items.push({ to: '/trust', label: t('nav.trust') });
  if (roles.includes('trust-admin')) items.push({ to: '/roster/import', label: t('nav.roster') });
  if (roles.includes('carer')) items.push({ to: '/children/consent', label: t('nav.children') });
  items.push({ to: '/settings', label: t('nav.preferences') });
  items.push({ to: '/privacy', label: t('nav.privacy') });
  items.push({ to: '/me', label: t('nav.me') });
  return items;
}
