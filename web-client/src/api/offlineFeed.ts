import { personalCopy } from './personalCopy';
import type { FeedItem } from './types';

/**
 * The first page of one person's feed, kept so it can be read when the connection drops (ADR 0276). Family phones are
 * shared: the copy lives in session storage, as the sign-in does, so it goes when the app or tab is closed; it is kept
 * per signed-in person, only one person's copy exists at a time (signing in as someone else drops the others'), and
 * signing out or a session that ends drops it. It holds what the feed showed, never a token.
 */
export interface KeptFeed { items: FeedItem[]; savedAt: string }

const copies = personalCopy<KeptFeed>(() => sessionStorage, 'chorus.offline-feed.');

export function keepFeed(username: string, items: FeedItem[], now = new Date()): void {
  copies.keep(username, { items, savedAt: now.toISOString() });
}

export function keptFeed(username: string): KeptFeed | null {
  return copies.read(username);
}

/** Drops every other person's copy: whoever signs in on a shared phone never sees the previous person's messages. */
export const forgetOthers = copies.forgetOthers;

/** Drops every copy (sign-out, or a session that ended). */
export const forgetAllFeeds = copies.forgetAll;

/** A request that never reached the api (offline), as opposed to an answer from it. */
export function isOffline(error: unknown): boolean {
  return (typeof navigator !== 'undefined' && navigator.onLine === false) || error instanceof TypeError;
}
