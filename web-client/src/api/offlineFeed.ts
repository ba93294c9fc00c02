import type { FeedItem } from './types';

/**
 * The first page of one person's feed, kept so it can be read when the connection drops (ADR 0276). Family phones are
 * shared: the copy lives in session storage, as the sign-in does, so it goes when the app or tab is closed; it is kept
 * per signed-in person, only one person's copy exists at a time (signing in as someone else drops the others'), and
 * signing out or a session that ends drops it. It holds what the feed showed, never a token.
 */
const PREFIX = 'chorus.offline-feed.';

export interface KeptFeed { items: FeedItem[]; savedAt: string }

function keys(): string[] {
  const found: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) found.push(key);
  }
  return found;
}

export function keepFeed(username: string, items: FeedItem[], now = new Date()): void {
  try {
    forgetOthers(username);
    sessionStorage.setItem(PREFIX + username, JSON.stringify({ items, savedAt: now.toISOString() } satisfies KeptFeed));
  } catch {
    // Storage full or refused (private browsing): the feed still works online.
  }
}

export function keptFeed(username: string): KeptFeed | null {
  try {
    const kept = sessionStorage.getItem(PREFIX + username);
    return kept ? (JSON.parse(kept) as KeptFeed) : null;
  } catch {
    return null;
  }
}

/** Drops every other person's copy: whoever signs in on a shared phone never sees the previous person's messages. */
export function forgetOthers(username: string): void {
  keys().filter((key) => key !== PREFIX + username).forEach((key) => sessionStorage.removeItem(key));
}

/** Drops every copy (sign-out, or a session that ended). */
export function forgetAllFeeds(): void {
  keys().forEach((key) => sessionStorage.removeItem(key));
}

/** A request that never reached the api (offline), as opposed to an answer from it. */
export function isOffline(error: unknown): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || error instanceof TypeError;
}
