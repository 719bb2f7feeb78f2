/**
 * Figures for "deals without tasks": a full check's requests and (simulated, at 3 req/s) seconds at 1k / 10k /
 * 100k deals of one manager against the sandbox's own API handlers; the dialog's render time with 5k deals in
 * jsdom; requests per hour with five tabs (leader election) against one tab and against five tabs without it.
 */
import { h, render } from 'preact';
import { handleApi } from '../sandbox/api/router';
import { parseQuery } from '../sandbox/query';
import { Store } from '../sandbox/store';
import { createApi, type Api } from '../src/host/api';
import type { Clock } from '../src/host/clock';
import { joinTabs, type ChannelLike, type LockManagerLike } from '../src/host/tabs';
import { createTranslate } from '../src/i18n';
import { DEFAULT_CONFIG } from '../src/reminder/config';
import { ReminderDialog } from '../src/reminder/ReminderDialog';
import { createSchedule } from '../src/reminder/schedule';
import { scan, type FlaggedDeal } from '../src/reminder/scan';
import type { CreateOutcome } from '../src/reminder/TaskForm';

// jsdom ships without type declarations here; this is the one constructor the bench uses.
type Dom = { window: Window & typeof globalThis };
const JSDOM_MODULE = 'jsdom';
const { JSDOM } = (await import(JSDOM_MODULE)) as { JSDOM: new (html: string) => Dom };

/** Virtual time: sleeping and timers advance it, so a 100k check at 3 req/s takes no real minutes. */
const virtualClock = () => {
  let now = Date.UTC(2026, 10, 26, 9, 0, 0);
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      seq += 1;
      timers.set(seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    sleep: async (ms: number) => {
      now += ms;
    },
    /** Runs every timer due up to `until`, letting async work settle in between. */
    async runUntil(until: number) {
      for (;;) {
        await settle();
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > until) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
        for (let i = 0; i < 50; i += 1) await settle();
      }
      now = Math.max(now, until);
    },
  };
};

/** An Api straight onto the sandbox's pure handler (no sockets), counting requests. */
const sandboxApi = (store: Store, userId: number, time: ReturnType<typeof virtualClock>): Api =>
  createApi({
    now: time.clock.now,
    sleep: time.sleep,
    fetch: async (input, init) => {
      const url = new URL(String(input), 'http://sandbox.local');
      const text = typeof init?.body === 'string' ? init.body : undefined;
      const res = handleApi(
        {
          method: init?.method ?? 'GET',
          path: url.pathname,
          query: parseQuery(url.search.slice(1)),
          search: url.search.slice(1),
          body: text === undefined ? undefined : (JSON.parse(text) as unknown),
          userId,
          origin: 'http://sandbox.local',
        },
        { store, apiFilter: true },
      );
      return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
    },
  });

const fullCheck = async (deals: number) => {
  // One manager (id 2); the seed gives one deal in eight to the admin, so seed enough for `deals` of his own.
  const store = new Store({
    deals: Math.ceil((deals * 8) / 7),
    managers: 1,
    now: Math.floor(Date.UTC(2026, 10, 26, 9) / 1000),
  });
  const mine = store.data.leads.filter((l) => l.responsibleUserId === 2);
  const own = mine.length;
  // The budget: ceil(deals/250) + ceil(candidates/50) + 2, candidates = no closest_task_at.
  const candidates = mine.filter((l) => l.closestTaskAt === null && l.statusId !== 142 && l.statusId !== 143).length;
  const budget = Math.ceil(own / 250) + Math.ceil(candidates / 50) + 2;
  const time = virtualClock();
  const api = sandboxApi(store, 2, time);
  const started = time.clock.now();
  const wall = performance.now();
  const result = await scan({ responsible: 2, config: DEFAULT_CONFIG, now: started }, api);
  return {
    own,
    requests: result.requests,
    simulatedSeconds: (time.clock.now() - started) / 1000,
    wallSeconds: (performance.now() - wall) / 1000,
    flagged: result.deals.length,
    budget,
    ratio: result.requests / Math.ceil(own / 250),
  };
};

const renderDialog = (count: number): number => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const scope = globalThis as unknown as Record<string, unknown>;
  const saved = { document: scope.document, window: scope.window };
  scope.document = dom.window.document;
  scope.window = dom.window;
  try {
    const now = Date.UTC(2026, 10, 26, 9);
    const deals: FlaggedDeal[] = Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      name: `Deal ${i + 1}`,
      price: 1000 * i,
      responsibleUserId: 2,
      pipelineId: 1,
      statusId: 2,
      pipelineName: 'Sales',
      stageName: 'Proposal',
      since: now - i * 60_000,
      createdAt: now - 86_400_000,
    }));
    const root = dom.window.document.createElement('div');
    dom.window.document.body.appendChild(root);
    const started = performance.now();
    render(
      h(ReminderDialog, {
        deals,
        t: createTranslate({}),
        language: 'en',
        currency: 'USD',
        timezone: 'Europe/Moscow',
        now,
        config: DEFAULT_CONFIG,
        taskTypes: [{ id: 1, name: 'Follow-up' }],
        templates: [],
        canClose: true,
        snoozesLeft: 3,
        emergency: false,
        drafts: new Map(),
        onClose: () => undefined,
        onEmergency: async () => true,
        create: async (): Promise<CreateOutcome> => ({ ok: true }),
      }),
      root,
    );
    const ms = performance.now() - started;
    render(null, root);
    return ms;
  } finally {
    scope.document = saved.document;
    scope.window = saved.window;
  }
};

/** One hour of five tabs of one manager (navigating now and then), with and without leader election. */
const requestsPerHour = async (tabs: number, elect: boolean): Promise<number> => {
  const store = new Store({ deals: 1200, managers: 1, now: Math.floor(Date.UTC(2026, 10, 26, 9) / 1000) });
  const time = virtualClock();
  const api = sandboxApi(store, 2, time);
  // Web Locks and BroadcastChannel between the simulated tabs.
  let holder: number | undefined;
  const waiting: (() => void)[] = [];
  const locks: LockManagerLike = {
    request: (_name, _options, callback) =>
      new Promise((resolve) => {
        const grant = () => void callback({}).then(resolve);
        if (holder === undefined) {
          holder = 1;
          grant();
        } else waiting.push(grant);
      }),
  };
  const members: ((data: unknown) => void)[] = [];
  const openChannel = (): ChannelLike => {
    let mine: (data: unknown) => void = () => undefined;
    return {
      postMessage: (data) => members.filter((m) => m !== mine).forEach((m) => m(data)),
      addEventListener: (_type, listener) => {
        mine = (data) => listener({ data });
        members.push(mine);
      },
      close: () => undefined,
    };
  };
  const before = api.sent;
  const end = time.clock.now() + 3_600_000;
  for (let i = 0; i < tabs; i += 1) {
    const group = joinTabs<string>('bench', elect ? { locks, openChannel, clock: time.clock } : { clock: time.clock });
    const schedule = createSchedule({
      intervalMs: DEFAULT_CONFIG.intervalMinutes * 60_000,
      clock: time.clock,
      isWorkingTime: () => true,
      run: async (kind) => {
        if (kind === 'full') await scan({ responsible: 2, config: DEFAULT_CONFIG, now: time.clock.now() }, api);
      },
    });
    group.onLeader(() => schedule.start());
  }
  await time.runUntil(end);
  return api.sent - before;
};

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const deals of [1_000, 10_000, 100_000]) {
    const figures = await fullCheck(deals);
    const key = `check${deals / 1000}k`;
    out[`${key}.deals`] = figures.own;
    out[`${key}.requests`] = figures.requests;
    out[`${key}.budget`] = figures.budget;
    out[`${key}.ratioToPages`] = Math.round(figures.ratio * 100) / 100;
    out[`${key}.simulatedSecondsAt3rps`] = Math.round(figures.simulatedSeconds * 10) / 10;
    out[`${key}.cpuSeconds`] = Math.round(figures.wallSeconds * 100) / 100;
    out[`${key}.flagged`] = figures.flagged;
  }
  renderDialog(200);
  out['dialog5k.renderMs'] = Math.round(renderDialog(5_000) * 10) / 10;
  out['tabs.oneTabRequestsPerHour'] = await requestsPerHour(1, true);
  out['tabs.fiveTabsRequestsPerHour'] = await requestsPerHour(5, true);
  out['tabs.fiveTabsWithoutElectionRequestsPerHour'] = await requestsPerHour(5, false);
  return out;
}
