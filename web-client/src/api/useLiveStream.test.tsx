import { screen, waitFor } from '@testing-library/react';
import { readEvents, SILENT_STREAM_MS, type Resumption } from './sse';
import { DEFAULT_RETRY_MS, useLiveStream } from './useLiveStream';
import { fakeApi, renderPage } from '../test/render';

function streamOf(chunks: string[], { end = true } = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoder = new TextEncoder();
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (end) controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

/** A live page showing the latest `reach` event of a test stream. */
function Live() {
  const { value } = useLiveStream<{ people: number }>('/api/v1/live', 'reach');
  return <p>{value ? `${value.people} people` : 'waiting'}</p>;
}

describe('a live page follows the server’s stream as the Server-Sent Events spec says', () => {
  it('reads events split across chunks, with CRLF lines, comments and data on several lines', async () => {
    const events: { event: string; data: string }[] = [];
    const resumption: Resumption = { retryMs: DEFAULT_RETRY_MS };
    await readEvents(streamOf([': keep-alive\r\n\r\nevent: re', 'ach\r\nid: 41\r\ndata: {"a":\r\ndata: 1}\r\n', '\r\ndata: plain\n\n']), resumption, (e) => events.push(e));
    expect(events).toEqual([{ event: 'reach', data: '{"a":\n1}' }, { event: 'message', data: 'plain' }]);
    expect(resumption.lastEventId).toBe('41');
  });

  it('remembers the server’s retry delay and refuses a response that is not a stream', async () => {
    const resumption: Resumption = { retryMs: DEFAULT_RETRY_MS };
    await readEvents(streamOf(['retry: 15000\n\n']), resumption, () => {});
    expect(resumption.retryMs).toBe(15000);
    await expect(readEvents(new Response('{"title":"Forbidden"}', { status: 403 }), resumption, () => {})).rejects.toThrow('403');
  });

  it('reconnects after the server’s retry delay, asking to resume from the last event it saw', async () => {
    const delays = vi.spyOn(globalThis, 'setTimeout');
    let connection = 0;
    const { calls } = fakeApi({
      'GET /api/v1/live': () => (++connection === 1
        ? streamOf(['retry: 600000\nid: 7\nevent: reach\ndata: {"people":12}\n\n'])
        : streamOf(['id: 8\nevent: reach\ndata: {"people":13}\n\n'], { end: false })),
    });
    renderPage(<Live />);
    expect(await screen.findByText('12 people')).toBeInTheDocument();
    await waitFor(() => expect(delays.mock.calls.some(([, ms]) => ms === 600000)).toBe(true));
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.get('Last-Event-ID')).toBeNull();
    const reconnect = delays.mock.calls.find(([, ms]) => ms === 600000)![0] as () => void;
    reconnect();
    expect(await screen.findByText('13 people')).toBeInTheDocument();
    expect(calls[1].headers.get('Last-Event-ID')).toBe('7');
    delays.mockRestore();
  });

  it('gives up a stream that has sent nothing for 30 s and reconnects, so a stuck stream does not freeze the page', async () => {
    const delays = vi.spyOn(globalThis, 'setTimeout');
    let connection = 0;
    const { calls } = fakeApi({
      'GET /api/v1/live': () => (++connection === 1
        ? streamOf(['retry: 600000\nevent: reach\ndata: {"people":12}\n\n'], { end: false })
        : streamOf(['event: reach\ndata: {"people":13}\n\n'], { end: false })),
    });
    renderPage(<Live />);
    expect(await screen.findByText('12 people')).toBeInTheDocument();
    // the first read brought the event; the second waits, watched for silence
    const silences = () => delays.mock.calls.filter(([, ms]) => ms === SILENT_STREAM_MS);
    await waitFor(() => expect(silences().length).toBeGreaterThanOrEqual(2));
    (silences().at(-1)![0] as () => void)();
    await waitFor(() => expect(delays.mock.calls.some(([, ms]) => ms === 600000)).toBe(true));
    (delays.mock.calls.find(([, ms]) => ms === 600000)![0] as () => void)();
    expect(await screen.findByText('13 people')).toBeInTheDocument();
    expect(calls).toHaveLength(2);
    delays.mockRestore();
  });
});
