import type { User } from 'oidc-client-ts';
import { rolesFromToken } from './roles';
import type { Session } from './AuthContext';

export const CALLBACK_PATH = '/auth/callback';
export const SILENT_PATH = '/auth/silent';

/** Who is signed in, from the tokens Keycloak gave. */
export function toSession(user: User): Session {
  const profile = user.profile as Record<string, unknown>;
  const username = String(profile.preferred_username ?? profile.sub ?? '');
  const name = [profile.given_name, profile.family_name].filter(Boolean).join(' ');
  const profileRoles = Array.isArray(profile.roles) ? (profile.roles as string[]) : [];
  return {
    username,
    displayName: name || username,
    roles: profileRoles.length ? profileRoles : rolesFromToken(user.access_token),
    accessToken: user.access_token,
    expiresAt: user.expires_at,
  };
}
