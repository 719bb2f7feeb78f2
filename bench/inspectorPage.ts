/**
 * The page side of bench/inspector.ts: `measure` runs inside Chromium (through `page.evaluate`, so it must not
 * close over anything of this module) against the bundle that exposes `window.TG`.
 */

/** The failing answer of the failure figures: a v4 validation error, as amoCRM sends it. */
export const FAIL_BODY = JSON.stringify({
  'validation-errors': [
    {
      request_id: '0',
      errors: [
        {
          code: 'NotSupportedChoice',
          path: 'custom_fields_values.0.field_id',
          detail: 'The value you selected is not a valid choice.',
        },
      ],
    },
  ],
  title: 'Bad Request',
  type: 'https://httpstatus.es/400',
  status: 400,
  detail: 'Request validation failed',
});

/** Runs in the page: the figures. `heap()` is exposed by the bench (DevTools protocol, after a forced GC). */
export const measure = async ({ calls, failBody }: { calls: number; failBody: string }) => {
  type Watchers = {
    installWatchers: (options?: object) => () => void;
    subscribe: (listener: (c: unknown) => void) => () => void;
  };
  type Tg = Watchers & {
    toEntry: (c: unknown) => unknown;
    createStore: (slot?: unknown) => { add(e: unknown): void; entries(): unknown[] };
    sessionSlot: (key: string) => unknown;
    today?: Watchers;
  };
  const w = window as unknown as { TG: Tg; heap(): Promise<number>; keep: unknown[] };
  const TG = w.TG;
  w.keep = [];
  const run = async (url: (i: number) => string, count: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < count; i += 1) {
      const response = await fetch(url(i));
      await response.text();
    }
    return performance.now() - start;
  };
  let listenerMs = 0;
  let captured = 0;
  /** The admin's set-up: watchers plus a subscribed store, as startInspector wires them. */
  const admin = () => {
    const store = TG.createStore(TG.sessionSlot('task-guard.inspector.bench'));
    const undo = [
      TG.installWatchers(),
      TG.subscribe((c) => {
        const t0 = performance.now();
        captured += 1;
        const entry = TG.toEntry(c);
        if (entry) store.add(entry);
        listenerMs += performance.now() - t0;
      }),
    ];
    return { store, stop: () => undo.reverse().forEach((fn) => fn()) };
  };
  const today = TG.today ?? TG;
  /**
   * Interleaves `blocks` rounds of: no watchers, admin set-up, manager set-up (watchers, nobody listening), and
   * the same two with today's watchers.
   */
  const sideBySide = async (url: (i: number) => string) => {
    const blocks = 6;
    const per = calls / blocks;
    const ms = { none: 0, admin: 0, manager: 0, adminToday: 0, managerToday: 0 };
    const sides = {
      adminToday: async () => {
        const undo = [today.installWatchers(), today.subscribe(() => undefined)];
        const spent = await run(url, per);
        undo.reverse().forEach((fn) => fn());
        return spent;
      },
      managerToday: async () => {
        const stop = today.installWatchers();
        const spent = await run(url, per);
        stop();
        return spent;
      },
      none: () => run(url, per),
      admin: async () => {
        const a = admin();
        const spent = await run(url, per);
        a.stop();
        return spent;
      },
      manager: async () => {
        const stopManager = TG.installWatchers();
        const spent = await run(url, per);
        stopManager();
        return spent;
      },
    };
    const order = ['none', 'admin', 'manager', 'adminToday', 'managerToday'] as const;
    for (let b = 0; b < blocks; b += 1) {
      // Rotate who goes first: the first side of a block pays for GC and JIT left over from the previous one.
      for (let k = 0; k < order.length; k += 1) {
        const side = order[(b + k) % order.length] ?? 'none';
        ms[side] += await sides[side]();
      }
    }
    return ms;
  };
  const network = (i: number) => `/api/v4/ok?i=${i}`;
  await run(network, 300); // warm up the connection and the JIT
  const overNetwork = await sideBySide(network);
  const blob = URL.createObjectURL(new Blob(['{"_embedded":{"leads":[{"id":1}]}}'], { type: 'application/json' }));
  await run(() => blob, 300);
  const overBlob = await sideBySide(() => blob);

  // An instant fetch underneath isolates what the wrappers themselves cost per call.
  const realFetch = window.fetch;
  let failing = false;
  window.fetch = (() =>
    Promise.resolve(
      failing
        ? new Response(failBody, { status: 400, headers: { 'content-type': 'application/problem+json' } })
        : new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }),
    )) as typeof fetch;
  const stubUrl = (i: number) => `/api/v4/leads?i=${i}`;
  await run(stubUrl, 1000);
  const overStub = await sideBySide(stubUrl);

  failing = true;
  const failNone = await run(stubUrl, calls);
  const heapBefore = await w.heap();
  const a = admin();
  w.keep.push(a);
  captured = 0;
  listenerMs = 0;
  const start = performance.now();
  await run(stubUrl, calls);
  while (captured < calls) await new Promise((resolve) => setTimeout(resolve, 1));
  const failWith = performance.now() - start;
  const listenerPerCapture = listenerMs / calls;
  const heapAfter10k = await w.heap();
  captured = 0;
  await run(stubUrl, calls);
  while (captured < calls) await new Promise((resolve) => setTimeout(resolve, 1));
  const heapAfter20k = await w.heap();
  window.fetch = realFetch;
  return {
    overNetwork,
    overBlob,
    overStub,
    failNone,
    failWith,
    listenerPerCapture,
    kept: a.store.entries().length,
    heapBefore,
    heapAfter10k,
    heapAfter20k,
  };
};
