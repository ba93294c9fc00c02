import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { authorisedFetch, createApi, type Api } from './client';
import { useAuth } from '../auth/AuthContext';

interface ApiAccess {
  api: Api;
  raw: (path: string, init?: RequestInit) => Promise<Response>;
}

const ApiContext = createContext<ApiAccess | null>(null);

export function ApiProvider({ baseUrl, children }: { baseUrl: string; children: ReactNode }) {
  const { token } = useAuth();
  const value = useMemo<ApiAccess>(() => {
    // An empty base means the same origin (the gateway relays /api); requests need an absolute URL.
    const base = baseUrl || window.location.origin;
    return {
      api: createApi(base, token),
      raw: (path, init) => authorisedFetch(base, token, path, init),
    };
  }, [baseUrl, token]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiAccess {
  const access = useContext(ApiContext);
  if (!access) throw new Error('useApi outside ApiProvider');
  return access;
}
