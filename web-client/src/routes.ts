import type { ComponentType } from 'react';
import { AUTHOR_ROLES, LEADER_ROLES, READER_ROLES, type Role } from './auth/roles';
import { FeedPage } from './features/feed/FeedPage';
import { AnnouncementsPage } from './features/announcements/AnnouncementsPage';
import { ComposePage } from './features/announcements/ComposePage';
import { ApprovalsPage } from './features/announcements/ApprovalsPage';
import { AdaptPage } from './features/announcements/AdaptPage';
import { ReachPage } from './features/announcements/ReachPage';

export interface AppRoute { path: string; page: ComponentType; roles?: Role[] }

/** Feature pages, each guarded by the roles that may open it (the api enforces the same rules). */
export const routes: AppRoute[] = [
  { path: '/feed', page: FeedPage, roles: READER_ROLES },
  { path: '/announcements', page: AnnouncementsPage, roles: AUTHOR_ROLES },
  { path: '/announcements/new', page: ComposePage, roles: AUTHOR_ROLES },
  { path: '/announcements/:id/reach', page: ReachPage, roles: AUTHOR_ROLES },
  { path: '/announcements/:id/adapt/:schoolId', page: AdaptPage, roles: LEADER_ROLES },
  { path: '/approvals', page: ApprovalsPage, roles: LEADER_ROLES },
];
