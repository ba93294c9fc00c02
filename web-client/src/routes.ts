import type { ComponentType } from 'react';
import { AUTHOR_ROLES, LEADER_ROLES, type Role } from './auth/roles';
import { FeedPage } from './features/feed/FeedPage';
import { AnnouncementsPage } from './features/announcements/AnnouncementsPage';
import { ComposePage } from './features/announcements/ComposePage';
import { ApprovalsPage } from './features/announcements/ApprovalsPage';
import { AdaptPage } from './features/announcements/AdaptPage';
import { ReachPage } from './features/announcements/ReachPage';
import { ManageAnnouncementPage } from './features/announcements/ManageAnnouncementPage';
import { SurveysPage } from './features/surveys/SurveysPage';
import { SurveyBuilderPage } from './features/surveys/SurveyBuilderPage';
import { SurveyResultsPage } from './features/surveys/SurveyResultsPage';
import { AnswerSurveyPage } from './features/surveys/AnswerSurveyPage';
import { OpinionPage } from './features/opinions/OpinionPage';
import { OpinionReportPage } from './features/opinions/OpinionReportPage';
import { TrustDashboardPage } from './features/trust/TrustDashboardPage';
import { PreferencesPage } from './features/preferences/PreferencesPage';
import { PrivacyPage } from './features/privacy/PrivacyPage';
import { ModerationPage } from './features/moderation/ModerationPage';
import { ConcernsPage } from './features/moderation/ConcernsPage';
import { ConsultationsPage } from './features/consultations/ConsultationsPage';
import { ConsultationPage } from './features/consultations/ConsultationPage';
import { NewConsultationPage } from './features/consultations/NewConsultationPage';
import { AdaptConsultationPage } from './features/consultations/AdaptConsultationPage';
import { CalendarPage } from './features/consultations/CalendarPage';
import { DecisionsPage } from './features/decisions/DecisionsPage';
import { NewDecisionPage } from './features/decisions/NewDecisionPage';
import { BallotPage } from './features/decisions/BallotPage';
import { ResultsPage as DecisionResultsPage } from './features/decisions/ResultsPage';
import { RosterImportPage } from './features/roster/RosterImportPage';

export interface AppRoute { path: string; page: ComponentType; roles?: Role[] }

/** Feature pages, each guarded by the roles that may open it (the api enforces the same rules). */
export const routes: AppRoute[] = [
  // Everyone reads what is addressed to them, whatever their role: staff and leaders are audiences too.
  { path: '/feed', page: FeedPage },
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
  { path: '/roster/import', page: RosterImportPage, roles: ['trust-admin'] },
];
