import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ChorusConfig } from '../config';
import { CALLBACK_PATH, SILENT_PATH } from './session';

/**
 * Authorization code + PKCE (S256) against Keycloak; renewal uses the refresh token, then the silent page.
 * oidc-client-ts is imported only here, a chunk main.tsx loads beside the settings and the strings: the first chunk
 * is smaller and its start-up runs as a task of its own.
 */
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
