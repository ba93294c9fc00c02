import { useEffect, useRef, useState } from 'react';
import { useApi } from './ApiContext';
import { readEvents } from './sse';

/**
 * Follows a Server-Sent Events endpoint with the bearer token (fetch, since EventSource cannot send it),
 * reconnecting after a pause when the stream drops. Returns the latest value of the named event.
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
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const response = await rawRef.current(path, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
        setLive(true);
        await readEvents(response, (event) => {
          if (event.event === eventName) setValue(JSON.parse(event.data) as T);
        });
      } catch {
        // fall through to reconnect
      }
      setLive(false);
      if (!abort.signal.aborted) timer = setTimeout(() => void connect(), 3000);
    };
    void connect();
    return () => { abort.abort(); if (timer) clearTimeout(timer); };
  }, [path, eventName]);
  return { value, live };
}
