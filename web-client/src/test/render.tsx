import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { AuthContext, type Auth, type Session } from '../auth/AuthContext';
import { ApiProvider } from '../api/ApiContext';

export function session(roles: string[], username = 'head.oakfield'): Session {
  return { username, displayName: username, roles, accessToken: 'token-' + username, expiresAt: Date.now() / 1000 + 300 };
}

export interface Options { roles?: string[] | null; path?: string; route?: string; auth?: Partial<Auth>; state?: unknown }

/** Renders a page as the app does, signed in with the given roles, at the given address. */
export function renderPage(ui: ReactElement, { roles = ['staff'], path = '/', route, auth, state }: Options = {}) {
  const value: Auth = {
    session: roles ? session(roles) : null,
    ready: true,
    signIn: vi.fn(async () => {}),
    signOut: vi.fn(async () => {}),
    token: async () => (roles ? 'token' : null),
    ...auth,
  };
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <AuthContext.Provider value={value}>
      <ApiProvider baseUrl="">
        <QueryClientProvider client={queries}>
          <MemoryRouter initialEntries={[state === undefined ? path : { pathname: path, state }]}>
            {route ? <Routes><Route path={route} element={ui} /></Routes> : ui}
          </MemoryRouter>
        </QueryClientProvider>
      </ApiProvider>
    </AuthContext.Provider>,
  );
  return { ...result, auth: value };
}

export interface Call { method: string; url: string; body: unknown; headers: Headers }

/**
 * Stands in for the api at the HTTP boundary: answers by "METHOD /path" (query string ignored) and
 * records every call, so a test asserts what the page sent.
 */
export type FakeAnswer = ((call: Call) => unknown) | Response | object | string | number | boolean | null;

export function fakeApi(answers: Record<string, FakeAnswer>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url, 'http://localhost');
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const call: Call = { method: request.method, url: url.pathname + url.search, body: text && request.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text || undefined, headers: request.headers };
    calls.push(call);
    const key = `${request.method} ${url.pathname}`;
    if (!(key in answers)) return new Response(JSON.stringify({ title: 'Not Found', status: 404 }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const answer = answers[key];
    const body = typeof answer === 'function' ? (answer as (c: Call) => unknown)(call) : answer;
    if (body instanceof Response) return body;
    return new Response(body === undefined ? null : JSON.stringify(body), { status: body === undefined ? 204 : 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

/**
 * The fake api behind a phone's connection: while `connection.online` is false, writes never reach it (fetch fails with
 * a TypeError, as a browser's does); `triedKeys` are the Idempotency-Keys of every write tried, reached or not. With
 * `reads`, reads fail offline too (by default they still answer, as for a page loaded before the connection dropped).
 */
export function behindAConnection(fetchMock: ReturnType<typeof fakeApi>['fetchMock'], { reads = false } = {}) {
  const connection = { online: true };
  const triedKeys: string[] = [];
  const answer = fetchMock.getMockImplementation()!;
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    if (request.method !== 'GET') {
      const key = request.headers.get('Idempotency-Key');
      if (key) triedKeys.push(key);
      if (!connection.online) throw new TypeError('Failed to fetch');
    } else if (reads && !connection.online) {
      throw new TypeError('Failed to fetch');
    }
    return answer(input, init);
  });
  return { connection, triedKeys };
}
