import type { ComponentType } from 'react';
import type { Role } from './auth/roles';

export interface AppRoute { path: string; page: ComponentType; roles?: Role[] }

/** Feature pages, each guarded by the roles that may open it (the api enforces the same rules). */
export const routes: AppRoute[] = [];
