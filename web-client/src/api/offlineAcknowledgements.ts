import { outbox, putInOutbox, type QueuedAcknowledgement } from './outbox';

/**
 * Acknowledgements a person made while offline (ADR 0321), kept in their outbox with the Idempotency-Key of the tap
 * that made it and sent with the rest of it when the connection returns (`useOutbox`). Only which announcement and the
 * key are kept, never the message.
 */
export function queuedAcknowledgements(username: string): QueuedAcknowledgement[] {
  return outbox(username).filter((queued): queued is QueuedAcknowledgement => queued.kind === 'acknowledgement');
}

/** Queues the acknowledgement once: queuing the same announcement again keeps the first key. */
export function queueAcknowledgement(username: string, announcementId: string, key: string, now = new Date()): void {
  putInOutbox(username, { kind: 'acknowledgement', announcementId, key, queuedAt: now.toISOString() });
}
