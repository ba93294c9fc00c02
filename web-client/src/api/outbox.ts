import { ApiError } from './client';
import { isOffline } from './offlineFeed';

/**
 * What a person did while offline, sent when the connection returns (ADRs 0321, 0361): acknowledgements, and survey
 * answers (a draft, or answers sent with "Send my answers"). One outbox per person in local storage, so closing the
 * app on the bus loses nothing; it is sent, and shown, only while that person is signed in. Each entry keeps the
 * Idempotency-Key it was first tried with, so however often sending is tried the api records it once.
 */
const PREFIX = 'chorus.outbox.';
/** Where acknowledgements were queued before the outbox held survey answers too (ADR 0321). */
const ACKNOWLEDGEMENTS_BEFORE = 'chorus.queued-acknowledgements.';
export const OUTBOX_CHANGED = 'chorus:outbox';

/** Why the api refused an entry for good (the survey closed meanwhile, say); kept so the page can say so. */
export interface Refusal { status: number; type?: string; detail?: string }

interface Entry { key: string; queuedAt: string; refused?: Refusal }

export interface QueuedAcknowledgement extends Entry { kind: 'acknowledgement'; announcementId: string }

/** Answers to one survey for one unit ('self' or a child): a draft, or (`submit`) the answers to send. */
export interface QueuedSurveyAnswers extends Entry {
  kind: 'survey-answers'; surveyId: string; unit: string; title: string;
  /** The questionnaire the answers were given to (`questionnaireVersion`): it may change before they are sent. */
  version: string; answers: Record<string, unknown>; submit: boolean;
}

export type Outgoing = QueuedAcknowledgement | QueuedSurveyAnswers;
export type Senders = { [K in Outgoing['kind']]?: (entry: Extract<Outgoing, { kind: K }>) => Promise<unknown> };

export function idOf(entry: Outgoing): string {
  return entry.kind === 'acknowledgement' ? `ack:${entry.announcementId}` : surveyEntryId(entry.surveyId, entry.unit);
}

export function surveyEntryId(surveyId: string, unit: string): string {
  return `survey:${surveyId}:${unit}`;
}

export function outbox(username: string): Outgoing[] {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + username) ?? '[]') as Outgoing[];
    const before = JSON.parse(localStorage.getItem(ACKNOWLEDGEMENTS_BEFORE + username) ?? '[]') as Omit<QueuedAcknowledgement, 'kind'>[];
    return [...before.map((ack) => ({ ...ack, kind: 'acknowledgement' as const })), ...stored];
  } catch {
    return [];
  }
}

export function entry(username: string, id: string): Outgoing | undefined {
  return outbox(username).find((queued) => idOf(queued) === id);
}

function store(username: string, entries: Outgoing[]): void {
  try {
    localStorage.removeItem(ACKNOWLEDGEMENTS_BEFORE + username);
    if (entries.length === 0) localStorage.removeItem(PREFIX + username);
    else localStorage.setItem(PREFIX + username, JSON.stringify(entries));
  } catch {
    // Storage refused (private browsing): nothing is kept; the page shows what it has until it is closed.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(OUTBOX_CHANGED));
}

/** Adds the entry, or replaces the one for the same thing (`replace`); without `replace` the first one stays. */
export function putInOutbox(username: string, outgoing: Outgoing, { replace = false } = {}): void {
  const entries = outbox(username);
  const id = idOf(outgoing);
  const at = entries.findIndex((queued) => idOf(queued) === id);
  if (at < 0) store(username, [...entries, outgoing]);
  else if (replace) store(username, entries.map((queued, i) => (i === at ? outgoing : queued)));
}

export function removeFromOutbox(username: string, id: string): void {
  const entries = outbox(username);
  if (entries.some((queued) => idOf(queued) === id)) store(username, entries.filter((queued) => idOf(queued) !== id));
}

const sending = new Map<string, Promise<number>>();

export interface SendOptions {
  /** The api asked to be tried again in so many seconds (`Retry-After`). */
  tryAgainIn?: (seconds: number) => void;
  /**
   * The api could not be reached (offline, the connection not really back yet) or did not take it for now (a 5xx, an
   * ended session) and named no time: try again later.
   */
  tryLater?: () => void;
}

/** However long the api asks, the outbox tries again within five minutes, and not within the same second. */
const LONGEST_WAIT_S = 300;

/**
 * Sends the person's outbox in order, each entry with its own key; completes with how many the api took. Stops at
 * the first that cannot reach the api (the rest wait for the next try). One the api refuses for good (a 4xx other
 * than an ended session or too many requests) is dropped if it is an acknowledgement (the post was withdrawn), and
 * kept marked refused if it is survey answers, for the survey's page to explain and offer them back. One the api
 * will take later (still being saved from an earlier try, too many requests, unavailable) stops the run, and when
 * the api said how long to wait, `tryAgainIn` is told. One run per person at a time.
 */
export function sendOutbox(username: string, senders: Senders, options: SendOptions = {}): Promise<number> {
  const running = sending.get(username);
  if (running) return running;
  const run = sendInOrder(username, senders, options).finally(() => sending.delete(username));
  sending.set(username, run);
  return run;
}

async function sendInOrder(username: string, senders: Senders, { tryAgainIn, tryLater }: SendOptions): Promise<number> {
  let sent = 0;
  for (const outgoing of outbox(username).filter((queued) => !queued.refused)) {
    const send = senders[outgoing.kind] as ((entry: Outgoing) => Promise<unknown>) | undefined;
    if (!send) continue;
    try {
      await send(outgoing);
      sent++;
      settle(username, outgoing, null);
    } catch (error) {
      if (isOffline(error) || !refusedForGood(error)) {
        const wait = error instanceof ApiError ? error.retryAfterSeconds : undefined;
        if (wait !== undefined) tryAgainIn?.(Math.min(Math.max(wait, 1), LONGEST_WAIT_S));
        else tryLater?.();
        return sent;
      }
      settle(username, outgoing, error);
    }
  }
  return sent;
}

/** Removes the sent (or refused) entry, unless it changed while it was being sent (newer answers wait their turn). */
function settle(username: string, sent: Outgoing, refusal: ApiError | null): void {
  const id = idOf(sent);
  const now = entry(username, id);
  if (!now || now.queuedAt !== sent.queuedAt) return;
  if (refusal && sent.kind === 'survey-answers') {
    const { status, problem } = refusal;
    putInOutbox(username, { ...sent, refused: { status, type: problem.type, detail: problem.detail } }, { replace: true });
  } else {
    removeFromOutbox(username, id);
  }
}

/** Still being saved from an earlier try: the same key is answered once that finishes. */
const IN_PROGRESS = 'urn:chorus:problem:submission-in-progress';

function refusedForGood(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status)
    && error.problem.type !== IN_PROGRESS;
}
