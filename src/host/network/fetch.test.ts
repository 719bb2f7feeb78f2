import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Captured } from './captured';
import { nativeFetch, type NetworkScope } from './registry';
import { installWatchers, subscribe } from './watchers';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 || status === 304 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A page with its own fetch answering from a table; every test gets a fresh one. */
const page = (answer: (url: string, init?: RequestInit) => Promise<Response>) => {
  const original = vi.fn((input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init));
  const scope: NetworkScope & { fetch: typeof fetch } = {
    fetch: original as unknown as typeof fetch,
    setTimeout: globalThis.setTimeout.bind(globalThis),
    location: { href: 'https://demo.amocrm.ru/leads/pipeline/1' },
  };
  const seen: Captured[] = [];
  const undo: (() => void)[] = [];
  const watch = (): void => {
    undo.push(
      installWatchers({}, scope),
      subscribe((c) => seen.push(c), scope),
    );
  };
  return {
    scope,
    original,
    seen,
    watch,
    undo: () =>
      undo
        .splice(0)
        .reverse()
        .forEach((fn) => fn()),
  };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

afterEach(() => vi.useRealTimers());

describe('fetch watcher', () => {
  it('returns the very promise and Response of the page, and the page still reads the failed body', async () => {
    let made: Promise<Response> | undefined;
    let response: Response | undefined;
    const p = page(() => {
      response = json(400, { title: 'Bad Request', status: 400, detail: 'Request validation failed' });
      made = Promise.resolve(response);
      return made;
    });
    p.watch();
    const returned = p.scope.fetch('/api/v4/leads', { method: 'post' });
    expect(returned).toBe(made);
    const got = await returned;
    expect(got).toBe(response);
    expect(await got.json()).toMatchObject({ detail: 'Request validation failed' });
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    expect(p.seen[0]).toMatchObject({
      source: 'fetch',
      outcome: 'http',
      method: 'POST',
      url: 'https://demo.amocrm.ru/api/v4/leads',
      status: 400,
      headers: { 'content-type': 'application/json' },
    });
    expect(p.seen[0]?.body).toContain('Request validation failed');
  });

  it.each([
    ['text', (r: Response) => r.text()],
    ['blob', (r: Response) => r.blob().then((b) => b.text())],
    ['arrayBuffer', (r: Response) => r.arrayBuffer().then((b) => new TextDecoder().decode(b))],
  ])('leaves the failed body readable as %s', async (_name, read) => {
    const p = page(() => Promise.resolve(new Response('Too Many Requests', { status: 429 })));
    p.watch();
    const response = await p.scope.fetch('/api/v4/leads');
    expect(await read(response)).toBe('Too Many Requests');
    await vi.waitFor(() => expect(p.seen[0]?.body).toBe('Too Many Requests'));
  });

  it.each([200, 204, 304])('leaves a %i answer untouched and unrecorded', async (status) => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    try {
      const p = page(() => Promise.resolve(json(status, { ok: true })));
      p.watch();
      const response = await p.scope.fetch('/api/v4/leads');
      expect(response.status).toBe(status);
      expect(response.bodyUsed).toBe(false);
      await settle();
      expect(p.seen).toEqual([]);
      // Not even a clone: a fine answer costs the page nothing.
      expect(clone).not.toHaveBeenCalled();
    } finally {
      clone.mockRestore();
    }
  });

  it('rejects with the same error object and records a network failure', async () => {
    const error = new TypeError('Failed to fetch');
    const p = page(() => Promise.reject(error));
    p.watch();
    await expect(p.scope.fetch('/api/v4/tasks')).rejects.toBe(error);
    expect(error.message).toBe('Failed to fetch');
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    expect(p.seen[0]).toMatchObject({ outcome: 'network', status: 0, detail: 'TypeError: Failed to fetch' });
  });

  it('does not record an abort, and still rejects with the page its AbortError', async () => {
    const error = new DOMException('The user aborted a request.', 'AbortError');
    const p = page(() => Promise.reject(error));
    p.watch();
    await expect(p.scope.fetch('/api/v4/tasks')).rejects.toBe(error);
    await settle();
    expect(p.seen).toEqual([]);
  });

  it('records a timeout signal as a timeout', async () => {
    const p = page(() => Promise.reject(new DOMException('signal timed out', 'TimeoutError')));
    p.watch();
    await expect(p.scope.fetch('/api/v4/tasks')).rejects.toThrow('signal timed out');
    await vi.waitFor(() => expect(p.seen[0]?.outcome).toBe('timeout'));
  });

  /** A 100 KiB body sent in 1 KiB chunks as they are asked for; counts what was pulled and whether it was cancelled. */
  const kibStream = () => {
    const counter = { pulled: 0, cancelled: false };
    const chunk = new TextEncoder().encode('x'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (counter.pulled >= 100 * 1024) {
          controller.close();
          return;
        }
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk.slice());
      },
      cancel() {
        counter.cancelled = true;
      },
    });
    return { stream, counter };
  };

  it('reads at most 32 KiB of a failure body while the page gets all of it', async () => {
    const { stream, counter } = kibStream();
    const p = page(() =>
      Promise.resolve(new Response(stream, { status: 500, headers: { 'content-type': 'text/html' } })),
    );
    p.watch();
    const response = await p.scope.fetch('/api/v4/leads');
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    await settle();
    // Our read stopped at the cap: the rest of the body was never asked for on our behalf.
    expect(counter.pulled).toBeGreaterThanOrEqual(32 * 1024);
    expect(counter.pulled).toBeLessThan(40 * 1024);
    expect((await response.text()).length).toBe(100 * 1024);
    expect(p.seen[0]?.body.length).toBe(32 * 1024);
    expect(p.seen[0]?.truncated).toBe(true);
  });

  it('cancels the clone once it has read the cap', async () => {
    const { stream, counter } = kibStream();
    const p = page(() =>
      Promise.resolve(new Response(stream, { status: 500, headers: { 'content-type': 'text/html' } })),
    );
    p.watch();
    const response = await p.scope.fetch('/api/v4/leads');
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    await settle();
    expect(counter.pulled).toBeLessThan(40 * 1024);
    expect(counter.cancelled).toBe(false);
    // A teed body is cancelled at its source only when both branches are: the page cancels its own, so the
    // source hears of it only if our clone was cancelled already.
    await response.body?.cancel();
    expect(counter.cancelled).toBe(true);
  });

  it('never reads a streaming body', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('data: tick\n\n'));
      },
    });
    const p = page(() =>
      Promise.resolve(new Response(stream, { status: 503, headers: { 'content-type': 'text/event-stream' } })),
    );
    p.watch();
    const response = await p.scope.fetch('/events');
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    expect(p.seen[0]?.body).toBe('');
    expect(response.bodyUsed).toBe(false);
    expect(pulled).toBeLessThanOrEqual(1); // the stream's own start-up pull, never ours
  });

  it('gives up on a body that stalls and cancels the clone', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title":"partial'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const p = page(() =>
      Promise.resolve(new Response(stream, { status: 502, headers: { 'content-type': 'application/json' } })),
    );
    p.watch();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const response = await p.scope.fetch('/api/v4/leads');
    await vi.advanceTimersByTimeAsync(2000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(p.seen).toHaveLength(1));
    expect(p.seen[0]).toMatchObject({ status: 502, body: '{"title":"partial', truncated: true });
    // The page's own branch is untouched: it can still read (or cancel) the body itself.
    expect(response.bodyUsed).toBe(false);
    await response.body?.cancel();
    expect(cancelled).toBe(true);
  });

  it('installs once however often the feature starts, and removes itself cleanly', async () => {
    const p = page(() => Promise.resolve(json(404, { title: 'Not Found' })));
    const original = p.scope.fetch;
    for (let i = 0; i < 20; i += 1) p.watch();
    const wrapper = p.scope.fetch;
    expect(wrapper).not.toBe(original);
    await p.scope.fetch('/api/v4/leads/1');
    await vi.waitFor(() => expect(p.seen.length).toBeGreaterThan(0));
    await settle();
    // 20 subscribers of the same page would each see it; the watcher itself reported it once.
    expect(p.seen).toHaveLength(20);
    expect(p.original).toHaveBeenCalledTimes(1);
    p.undo();
    expect(p.scope.fetch).toBe(original);
  });

  it('stays in the chain as a pass-through when someone wrapped fetch after it', async () => {
    const p = page(() => Promise.resolve(json(500, { title: 'ErrInternalServer' })));
    p.watch();
    const ours = p.scope.fetch;
    const theirs = vi.fn((...args: Parameters<typeof fetch>) => ours(...args));
    p.scope.fetch = theirs as unknown as typeof fetch;
    p.undo();
    expect(p.scope.fetch).toBe(theirs);
    const seen: Captured[] = [];
    const off = subscribe((c) => seen.push(c), p.scope);
    await p.scope.fetch('/api/v4/leads');
    await settle();
    expect(seen).toEqual([]);
    expect(theirs).toHaveBeenCalledTimes(1);
    off();
  });

  it('looks native to code that sniffs fetch', () => {
    const p = page(() => Promise.resolve(json(200, {})));
    const text = Function.prototype.toString.call(p.scope.fetch);
    p.watch();
    expect(p.scope.fetch.name).toBe(p.original.name);
    expect(String(p.scope.fetch)).toBe(text);
  });

  it('trips the breaker after repeated internal errors and then only passes calls through', async () => {
    const p = page(() => Promise.resolve(json(400, {})));
    p.watch();
    const off = subscribe(() => {
      throw new Error('observer bug');
    }, p.scope);
    for (let i = 0; i < 12; i += 1) {
      const response = await p.scope.fetch('/api/v4/leads');
      expect(response.status).toBe(400);
      await settle();
    }
    // Ten failures, ten observer errors, breaker open: the last two calls were only passed through.
    expect(p.seen).toHaveLength(10);
    off();
  });

  it('gives the widget the fetch from before the watcher, so its own calls are never seen', async () => {
    const p = page(() => Promise.resolve(json(403, { title: 'Forbidden' })));
    p.watch();
    const own = nativeFetch(p.scope);
    await own('/api/v4/leads');
    await settle();
    expect(p.original).toHaveBeenCalledTimes(1);
    expect(p.seen).toEqual([]);
  });
});
