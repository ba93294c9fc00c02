import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthContext, type Auth, type Session } from './AuthContext';
import { CALLBACK_PATH, toSession } from './session';
import { forgetAllFeeds } from '../api/offlineFeed';
import { forgetAllSurveys } from '../api/offlineSurveys';

interface Props {
  manager: UserManager;
  children: ReactNode;
}

interface ReturnState { returnTo?: string }

/** The error held when Keycloak did not answer (network failure or timeout), told apart from a refused sign-in. */
export const SIGN_IN_UNREACHABLE = 'sign-in-unreachable';

function describe(e: unknown): string {
  if (e instanceof TypeError || (e instanceof Error && e.name === 'ErrorTimeout')) return SIGN_IN_UNREACHABLE;
  return e instanceof Error ? e.message : String(e);
}

// The authorization code can be redeemed once; React may run the start-up effect twice.
let callback: Promise<User> | null = null;
function completeSignIn(manager: UserManager): Promise<User> {
  callback ??= manager.signinRedirectCallback();
  return callback;
}

/** Where to go after the callback: a path inside the app, never the callback itself or another origin. */
export function landingPath(state: unknown): string {
  const returnTo = (state as ReturnState | undefined)?.returnTo;
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith(CALLBACK_PATH)) return '/';
  return returnTo;
}

/**
 * Holds the session. Lives inside the router: after the sign-in callback it moves the app to the page the person
 * asked for through the router (history.replaceState alone changes the address bar but not what the router shows).
 */
export function AuthProvider({ manager, children }: Props) {
  const [session, setSession] = useState<Session | null>(null);
  const [ready, setReady] = useState(false);
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<string>();
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const startPath = useRef(useLocation().pathname);

  useEffect(() => {
    let live = true;
    const start = async () => {
      try {
        if (startPath.current === CALLBACK_PATH) {
          const user = await completeSignIn(manager);
          if (live) {
            setSession(toSession(user));
            navigateRef.current(landingPath(user.state), { replace: true });
          }
        } else {
          const user = await manager.getUser();
          if (live && user && (!user.expired || !navigator.onLine)) setSession(toSession(user));
        }
      } catch (e) {
        if (live) {
          setError(describe(e));
          navigateRef.current('/', { replace: true });
        }
      } finally {
        if (live) setReady(true);
      }
    };
    void start();
    const loaded = (user: User) => { setSession(toSession(user)); setEnded(false); };
    // Only a session that existed can end; a first visit has nothing to end. An ended session leaves no messages
    // readable on the device.
    const gone = () => { if (sessionRef.current) setEnded(true); setSession(null); forgetAllFeeds(); forgetAllSurveys(); };
    // Offline a renewal cannot succeed: the session stays (read-only, from the kept feed) until the connection returns.
    const renewFailed = () => { if (navigator.onLine) gone(); };
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(renewFailed);
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(renewFailed);
    };
  }, [manager]);

  const signIn = useCallback(async (returnTo?: string) => {
    const target = returnTo ?? window.location.pathname + window.location.search;
    try {
      setError(undefined);
      await manager.signinRedirect({ state: { returnTo: target } satisfies ReturnState });
    } catch (e) {
      // Keycloak down or unreachable: say so where the sign-in button is, rather than a click doing nothing
      setError(describe(e));
      navigateRef.current('/', { replace: true });
    }
  }, [manager]);

  const signOut = useCallback(async () => {
    const user = await manager.getUser();
    forgetAllFeeds();
    forgetAllSurveys();
    await manager.removeUser();
    await manager.signoutRedirect({ id_token_hint: user?.id_token });
  }, [manager]);

  const token = useCallback(async () => {
    const user = await manager.getUser();
    if (!user) return null;
    if (!user.expired) return user.access_token;
    // Offline nothing reaches the api anyway: keep the session so the kept feed stays readable.
    if (!navigator.onLine) return user.access_token;
    try {
      const renewed = await manager.signinSilent();
      return renewed?.access_token ?? null;
    } catch {
      setSession(null);
      setEnded(true);
      return null;
    }
  }, [manager]);

  const value = useMemo<Auth>(() => ({ session, ready, ended, error, signIn, signOut, token }), [session, ready, ended, error, signIn, signOut, token]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
