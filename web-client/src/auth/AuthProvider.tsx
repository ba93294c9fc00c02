import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthContext, type Auth, type Session } from './AuthContext';
import { CALLBACK_PATH, toSession } from './oidc';

interface Props {
  manager: UserManager;
  children: ReactNode;
}

interface ReturnState { returnTo?: string }

// The authorization code can be redeemed once; React may run the start-up effect twice.
let callback: Promise<User> | null = null;
function completeSignIn(manager: UserManager): Promise<User> {
  callback ??= manager.signinRedirectCallback();
  return callback;
}

export function AuthProvider({ manager, children }: Props) {
  const [session, setSession] = useState<Session | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    const start = async () => {
      try {
        if (window.location.pathname === CALLBACK_PATH) {
          const user = await completeSignIn(manager);
          const returnTo = (user.state as ReturnState | undefined)?.returnTo ?? '/';
          window.history.replaceState(null, '', returnTo);
          if (live) setSession(toSession(user));
        } else {
          const user = await manager.getUser();
          if (live && user && !user.expired) setSession(toSession(user));
        }
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
        window.history.replaceState(null, '', '/');
      } finally {
        if (live) setReady(true);
      }
    };
    void start();
    const loaded = (user: User) => setSession(toSession(user));
    const gone = () => setSession(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager]);

  const signIn = useCallback(async (returnTo?: string) => {
    const target = returnTo ?? window.location.pathname + window.location.search;
    await manager.signinRedirect({ state: { returnTo: target } satisfies ReturnState });
  }, [manager]);

  const signOut = useCallback(async () => {
    const user = await manager.getUser();
    await manager.removeUser();
    await manager.signoutRedirect({ id_token_hint: user?.id_token });
  }, [manager]);

  const token = useCallback(async () => {
    const user = await manager.getUser();
    if (!user) return null;
    if (!user.expired) return user.access_token;
    try {
      const renewed = await manager.signinSilent();
      return renewed?.access_token ?? null;
    } catch {
      setSession(null);
      return null;
    }
  }, [manager]);

  const value = useMemo<Auth>(() => ({ session, ready, error, signIn, signOut, token }), [session, ready, error, signIn, signOut, token]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
