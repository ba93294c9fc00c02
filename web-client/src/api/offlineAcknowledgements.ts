import { ApiError } from './client';
import { isOffline } from './offlineFeed';

/**
 * Acknowledgements a person made while offline, sent when the connection returns (ADR 0321). Each keeps the
 * Idempotency-Key of the tap that made it, so however often sending is tried (a dropped answer, two tabs, the app
 * reopened) the api records it once. Kept per person in local storage, so closing the app offline loses nothing; it
 * holds only which announcement and the key, never the message, and is sent only while that person is signed in.
 */
const PREFIX = 'chorus.queued-acknowledgements.';
export const QUEUE_CHANGED = 'chorus:queued-acknowledgements';

export interface QueuedAcknowledgement { announcementId: string; key: string; queuedAt: string }

export type SendAcknowledgement = (ack: QueuedAcknowledgement) => Promise<unknown>;

export function queuedAcknowledgements(username: string): QueuedAcknowledgement[] {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + username) ?? '[]') as QueuedAcknowledgement[];
  } catch {
    return [];
  }
}

function store(username: string, queue: QueuedAcknowledgement[]): void {
  try {
    if (queue.length === 0) localStorage.removeItem(PREFIX + username);
    else localStorage.setItem(PREFIX + username, JSON.stringify(queue));
  } catch {
    // Storage refused (private browsing): the acknowledgement is not kept; the button comes back on reload.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(QUEUE_CHANGED));
}

/** Queues the acknowledgement once: queuing the same announcement again keeps the first key. */
export function queueAcknowledgement(username: string, announcementId: string, key: string, now = new Date()): void {
  const queue = queuedAcknowledgements(username);
  if (queue.some((ack) => ack.announcementId === announcementId)) return;
  store(username, [...queue, { announcementId, key, queuedAt: now.toISOString() }]);
}

export function isQueued(username: string, announcementId: string): boolean {
  return queuedAcknowledgements(username).some((ack) => ack.announcementId === announcementId);
}

const sending = new Map<string, Promise<number>>();

/**
 * Sends the person's queue in order, each with its own key; completes with how many the api took. Stops at the
 * first that cannot reach the api (the rest wait for the next try); drops one the api refuses for good (a 4xx
 * other than an ended session or too many requests: the post was withdrawn, say). One run per person at a time.
 */
export function sendQueuedAcknowledgements(username: string, send: SendAcknowledgement): Promise<number> {
  const running = sending.get(username);
  if (running) return running;
  const run = sendInOrder(username, send).finally(() => sending.delete(username));
  sending.set(username, run);
  return run;
}

async function sendInOrder(username: string, send: SendAcknowledgement): Promise<number> {
  let sent = 0;
  for (const ack of queuedAcknowledgements(username)) {
    try {
      await send(ack);
      sent++;
    } catch (error) {
      if (isOffline(error) || !refusedForGood(error)) return sent;
    }
    store(username, queuedAcknowledgements(username).filter((queued) => queued.announcementId !== ack.announcementId));
  }
  return sent;
}

function refusedForGood(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}
