import { createParser } from 'eventsource-parser';

/** What a Server-Sent Events client carries from one connection to the next (per the HTML spec). */
export interface Resumption {
  /** The last `id` the server gave, sent back as `Last-Event-ID` when reconnecting. */
  lastEventId?: string;
  /** How long to wait before reconnecting, in milliseconds; the server may change it with `retry`. */
  retryMs: number;
}

export interface StreamEvent { event: string; data: string }

/**
 * The api sends a keep-alive comment every 10 s beside its events (ADR 0414): a stream that sends nothing at all for
 * this long is taken for dead (stuck somewhere between the api and the browser) and given up, so that the caller
 * reconnects instead of showing a page that says it updates live and never changes again.
 */
export const SILENT_STREAM_MS = 30_000;

/**
 * Reads a Server-Sent Events stream from a fetch Response (EventSource cannot send the bearer token) with
 * eventsource-parser, remembering the last event id and the server's retry delay in `resumption`.
 * Resolves when the stream ends; rejects when the response is not a stream or has been silent for `silentMs`.
 */
export async function readEvents(response: Response, resumption: Resumption, onEvent: (event: StreamEvent) => void,
  silentMs = SILENT_STREAM_MS): Promise<void> {
  if (!response.ok || !response.body) throw new Error(`The live stream answered ${response.status}`);
  const parser = createParser({
    onEvent: (message) => {
      if (message.id !== undefined) resumption.lastEventId = message.id;
      onEvent({ event: message.event ?? 'message', data: message.data });
    },
    onRetry: (ms) => { resumption.retryMs = ms; },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await readWithin(reader, silentMs);
    if (done) return;
    parser.feed(value);
  }
}

async function readWithin(reader: ReadableStreamDefaultReader<string>, silentMs: number): Promise<ReadableStreamReadResult<string>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void reader.cancel().catch(() => undefined);
      reject(new Error(`The live stream sent nothing for ${silentMs / 1000} s`));
    }, silentMs);
  });
  try {
    return await Promise.race([reader.read(), silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** The request headers for (re)connecting: `Last-Event-ID` once the server has named an event. */
export function streamHeaders(resumption: Resumption): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (resumption.lastEventId) headers['Last-Event-ID'] = resumption.lastEventId;
  return headers;
}
