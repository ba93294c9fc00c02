import { useEffect, useRef, useState } from 'react';
import { useApi } from './ApiContext';
import { readEvents, streamHeaders, type Resumption } from './sse';

/** Before the server says otherwise with `retry`, reconnect after this pause. */
export const DEFAULT_RETRY_MS = 3000;

/**
 * Follows a Server-Sent Events endpoint with the bearer token (fetch, since EventSource cannot send it),
 * reconnecting when the stream drops after the server's `retry` delay and with `Last-Event-ID`, as
 * EventSource would. Returns the latest value of the named event.
 */
export function useLiveStream<T>(path: string | null, eventName: string): { value: T | undefined; live: boolean } {
  const { raw } = useApi();
  const [value, setValue] = useState<T>();
  const [live, setLive] = useState(false);
  const rawRef = useRef(raw);
  rawRef.current = raw;
  useEffect(() => {
    if (!path) return undefined;
    const abort = new AbortController();
    const resumption: Resumption = { retryMs: DEFAULT_RETRY_MS };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const response = await rawRef.current(path, { headers: streamHeaders(resumption), signal: abort.signal });
        if (response.ok) setLive(true);
        await readEvents(response, resumption, (event) => {
          if (event.event === eventName) setValue(JSON.parse(event.data) as T);
        });
      } catch {
        // fall through to reconnect
      }
      setLive(false);
      if (!abort.signal.aborted) timer = setTimeout(() => void connect(), resumption.retryMs);
    };
    void connect();
    return () => { abort.abort(); if (timer) clearTimeout(timer); };
  }, [path, eventName]);
  return { value, live };
}
