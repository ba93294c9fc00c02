import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** An RFC 9457 problem answered by the api, with the HTTP status. */
export class ApiError extends Error {
  /** `retryAfterSeconds`: the api's `Retry-After`, when it said how long to wait before trying again. */
  constructor(readonly status: number, readonly problem: Problem, readonly retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

/** `Retry-After` in seconds, given as seconds or as an HTTP date; undefined when absent or unreadable. */
export function retryAfter(response: Response, now = Date.now()): number | undefined {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  errors?: { field?: string; message?: string }[];
  [extra: string]: unknown;
}

export type TokenSource = () => Promise<string | null>;
export type Api = Client<paths>;

export function createApi(baseUrl: string, token: TokenSource, fetchImpl?: typeof fetch): Api {
  const api = createClient<paths>({ baseUrl, fetch: fetchImpl });
  api.use(bearer(token));
  return api;
}

function bearer(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = await token();
      if (value) request.headers.set('Authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the problem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response), retryAfter(response));
  return data as T;
}

function toProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object') return error as Problem;
  return { title: response.statusText, status: response.status, detail: typeof error === 'string' ? error : undefined };
}

/** A fresh key per user action: retries of the same action reuse it, so the api never duplicates a write. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

/** Authorised raw fetch for what OpenAPI types poorly: Server-Sent Events and file downloads. */
export async function authorisedFetch(baseUrl: string, token: TokenSource, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const value = await token();
  if (value) headers.set('Authorization', `Bearer ${value}`);
  const response = await fetch(baseUrl + path, { ...init, headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText })) as Problem;
    throw new ApiError(response.status, problem, retryAfter(response));
  }
  return response;
}
