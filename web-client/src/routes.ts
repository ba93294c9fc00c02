import { lazy, type ComponentType } from 'react';
import { AUTHOR_ROLES, LEADER_ROLES, type Role } from './auth/roles';

/**
 * Each page is its own chunk, loaded when first opened (App wraps the routes in Suspense): the first load carries
 * only the shell, the router and the page the person lands on.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const MePage = lazyPage(() => import('./features/me/MePage'), 'MePage');
const FeedPage = lazyPage(() => import('./features/feed/FeedPage'), 'FeedPage');
const AnnouncementsPage = lazyPage(() => import('./features/announcements/AnnouncementsPage'), 'AnnouncementsPage');
const ComposePage = lazyPage(() => import('./features/announcements/ComposePage'), 'ComposePage');
const ApprovalsPage = lazyPage(() => import('./features/announcements/ApprovalsPage'), 'ApprovalsPage');
const AdaptPage = lazyPage(() => import('./features/announcements/AdaptPage'), 'AdaptPage');
const ReachPage = lazyPage(() => import('./features/announcements/ReachPage'), 'ReachPage');
const ManageAnnouncementPage = lazyPage(() => import('./features/announcements/ManageAnnouncementPage'), 'ManageAnnouncementPage');
const SurveysPage = lazyPage(() => import('./features/surveys/SurveysPage'), 'SurveysPage');
const SurveyBuilderPage = lazyPage(() => import('./features/surveys/SurveyBuilderPage'), 'SurveyBuilderPage');
const SurveyResultsPage = lazyPage(() => import('./features/surveys/SurveyResultsPage'), 'SurveyResultsPage');
const AnswerSurveyPage = lazyPage(() => import('./features/surveys/AnswerSurveyPage'), 'AnswerSurveyPage');
const OpinionPage = lazyPage(() => import('./features/opinions/OpinionPage'), 'OpinionPage');
const OpinionReportPage = lazyPage(() => import('./features/opinions/OpinionReportPage'), 'OpinionReportPage');
const TrustDashboardPage = lazyPage(() => import('./features/trust/TrustDashboardPage'), 'TrustDashboardPage');
const PreferencesPage = lazyPage(() => import('./features/preferences/PreferencesPage'), 'PreferencesPage');
const PrivacyPage = lazyPage(() => import('./features/privacy/PrivacyPage'), 'PrivacyPage');
const ModerationPage = lazyPage(() => import('./features/moderation/ModerationPage'), 'ModerationPage');
const ConcernsPage = lazyPage(() => import('./features/moderation/ConcernsPage'), 'ConcernsPage');
const ConsultationsPage = lazyPage(() => import('./features/consultations/ConsultationsPage'), 'ConsultationsPage');
const ConsultationPage = lazyPage(() => import('./features/consultations/ConsultationPage'), 'ConsultationPage');
const NewConsultationPage = lazyPage(() => import('./features/consultations/NewConsultationPage'), 'NewConsultationPage');
const AdaptConsultationPage = lazyPage(() => import('./features/consultations/AdaptConsultationPage'), 'AdaptConsultationPage');
const CalendarPage = lazyPage(() => import('./features/consultations/CalendarPage'), 'CalendarPage');
const DecisionsPage = lazyPage(() => import('./features/decisions/DecisionsPage'), 'DecisionsPage');
const NewDecisionPage = lazyPage(() => import('./features/decisions/NewDecisionPage'), 'NewDecisionPage');
const BallotPage = lazyPage(() => import('./features/decisions/BallotPage'), 'BallotPage');
const DecisionResultsPage = lazyPage(() => import('./features/decisions/ResultsPage'), 'ResultsPage');
const ChildrenConsentPage = lazyPage(() => import('./features/children/ChildrenConsentPage'), 'ChildrenConsentPage');
const RosterImportPage = lazyPage(() => import('./features/roster/RosterImportPage'), 'RosterImportPage');

export interface AppRoute { path: string; page: ComponentType; roles?: Role[] }

/** Feature pages, each guarded by the roles that may open it (the api enforces the same rules). */
export const routes: AppRoute[] = [
  // Everyone reads what is addressed to them, whatever their role: staff and leaders are audiences too.
  { path: '/feed', page: FeedPage },
  { path: '/me', page: MePage },
  { path: '/announcements', page: AnnouncementsPage, roles: AUTHOR_ROLES },
  { path: '/announcements/new', page: ComposePage, roles: AUTHOR_ROLES },
  { path: '/announcements/:id/reach', page: ReachPage, roles: AUTHOR_ROLES },
  { path: '/announcements/:id/manage', page: ManageAnnouncementPage, roles: AUTHOR_ROLES },
  { path: '/announcements/:id/adapt/:schoolId', page: AdaptPage, roles: LEADER_ROLES },
  { path: '/approvals', page: ApprovalsPage, roles: LEADER_ROLES },
  { path: '/moderation', page: ModerationPage, roles: LEADER_ROLES },
  { path: '/concerns', page: ConcernsPage, roles: ['safeguarding-lead', 'trust-leader'] },
  { path: '/surveys', page: SurveysPage },
  { path: '/surveys/new', page: SurveyBuilderPage, roles: AUTHOR_ROLES },
  { path: '/surveys/:id/results', page: SurveyResultsPage, roles: AUTHOR_ROLES },
  { path: '/surveys/:id/answer/:unit', page: AnswerSurveyPage },
  { path: '/consultations', page: ConsultationsPage },
  { path: '/consultations/new', page: NewConsultationPage, roles: LEADER_ROLES },
  { path: '/consultations/calendar', page: CalendarPage, roles: [...AUTHOR_ROLES, 'carer'] },
  { path: '/consultations/:id', page: ConsultationPage },
  { path: '/consultations/:id/adapt/:schoolId', page: AdaptConsultationPage, roles: LEADER_ROLES },
  { path: '/decisions', page: DecisionsPage, roles: LEADER_ROLES },
  { path: '/decisions/new', page: NewDecisionPage, roles: LEADER_ROLES },
  { path: '/decisions/:id', page: BallotPage },
  { path: '/decisions/:id/results', page: DecisionResultsPage },
  { path: '/opinions/:id', page: OpinionPage },
  { path: '/opinions/:id/report', page: OpinionReportPage, roles: LEADER_ROLES },
  { path: '/trust', page: TrustDashboardPage, roles: ['trust-leader'] },
  // Everyone has settings (the api keeps preferences for every role); /preferences stays for older links.
  { path: '/settings', page: PreferencesPage },
  { path: '/preferences', page: PreferencesPage },
  { path: '/privacy', page: PrivacyPage },
  { path: '/children/consent', page: ChildrenConsentPage, roles: ['carer'] },
  { path: '/roster/import', page: RosterImportPage, roles: ['trust-admin'] },
];
