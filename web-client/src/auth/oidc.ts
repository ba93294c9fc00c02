import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { ChorusConfig } from '../config';
import { rolesFromToken } from './roles';
import type { Session } from './AuthContext';

export const CALLBACK_PATH = '/auth/callback';
export const SILENT_PATH = '/auth/silent';

/** Authorization code + PKCE (S256) against Keycloak; renewal uses the refresh token, then the silent page. */
export function createUserManager(config: ChorusConfig, origin = window.location.origin): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: config.scope ?? 'openid profile email',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

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
