import { createContext, useContext } from 'react';

export interface Session {
  username: string;
  displayName: string;
  roles: string[];
  accessToken: string;
  expiresAt?: number;
}

export interface Auth {
  session: Session | null;
  ready: boolean;
  /** A session this tab had has ended (renewal failed); false on a first visit. */
  ended?: boolean;
  error?: string;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** The current access token (renewed silently) or null when signed out. */
  token: () => Promise<string | null>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
