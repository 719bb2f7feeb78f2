/**
 * Incremental checks beside today's engine (scan.ts every interval), in one run, on the sandbox's store and API
 * router in-process on a virtual clock (seeded changes and jitter): one manager's hour, a check at 10k / 100k deals
 * (with and without the API-filtering add-on), 20 managers opening amoCRM 08:55–09:05 (peak requests in any
 * second), and freshness (how long until a change made elsewhere shows).
 */
import { applyMutation, randomMutation, type Mutation } from '../sandbox/mutate';
import { createRandom } from '../sandbox/random';
import type { Clock } from '../src/host/clock';
import { memoryReplicaStore } from '../src/host/replicaStore';
import { createChecks } from '../src/reminder/checks';
import { DEFAULT_CONFIG } from '../src/reminder/config';
import { createEngine } from '../src/reminder/incremental';
import { createSchedule } from '../src/reminder/schedule';
import { loadScanAccount, scan } from '../src/reminder/scan';
import { sandboxWorld, WORLD_START } from '../src/testing/sandboxWorld';
import { isWorkingTime, nextWorkingStart } from '../src/reminder/workingHours';

const ZONE = 'Europe/Moscow';
const MIN = 60_000;
const INTERVAL = DEFAULT_CONFIG.intervalMinutes * MIN;
type World = ReturnType<typeof sandboxWorld>;

/** Timers on the world's virtual clock. */
const timers = (w: World) => {
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: w.now,
    setTimeout: (fn, ms) => {
      due.set((seq += 1), { at: w.now() + ms, fn });
      return seq;
    },
    clearTimeout: (handle) => void due.delete(handle as number),
  };
  const settle = async () => {
    for (let i = 0; i < 30; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  const fireNext = () => {
    const next = [...due.entries()].sort((x, y) => x[1].at - y[1].at)[0];
    if (!next) return false;
    due.delete(next[0]);
    w.setNow(Math.max(w.now(), next[1].at));
    next[1].fn();
    return true;
  };
  return {
    clock,
    /** Awaits `work`, firing timers (the pace's waits) as it needs them. */
    async drive<T>(work: Promise<T>): Promise<T> {
      let done = false;
      const watched = work.finally(() => {
        done = true;
      });
      for (;;) {
        await settle();
        if (done || !fireNext()) break;
      }
      return watched;
    },
    async runUntil(until: number) {
      for (;;) {
        await settle();
        const next = Math.min(...[...due.values()].map((d) => d.at));
        if (next > until || !fireNext()) break;
      }
      await settle();
      w.setNow(Math.max(w.now(), until));
    },
  };
};

/** One manager (id 2) with about `deals` open deals of his own; the admin owns one deal in eight. */
const managerWorld = (deals: number, apiFilter: boolean) =>
  sandboxWorld({ deals: Math.ceil((deals * 8) / 7), managers: 1, apiFilter });

/** Another user's change, favouring the manager's deals half of the time (a busy account). */
const someChange = (w: World, random: ReturnType<typeof createRandom>): Mutation => {
  let m = randomMutation(w.store, random);
  for (let i = 0; i < 4 && 'leadId' in m && w.store.leadById.get(m.leadId)?.responsibleUserId !== 2; i += 1)
    m = randomMutation(w.store, random);
  return m;
};

/** Manager 2's checks on the world's virtual clock, with a replica in memory. */
const managerChecks = (w: World, api: ReturnType<World['api']>, clock: Clock) =>
  createChecks({
    api,
    clock,
    config: DEFAULT_CONFIG,
    accountId: w.store.data.account.id,
    userId: 2,
    timezone: ZONE,
    replicas: memoryReplicaStore(),
    users: 1,
  });

/** Requests in one hour of checks every 5 minutes, with 3 changes elsewhere per interval. */
const hour = async (deals: number, apiFilter: boolean, engine: 'old' | 'new') => {
  const w = managerWorld(deals, apiFilter);
  const t = timers(w);
  const random = createRandom(5);
  const api = w.api(2);
  const checks = managerChecks(w, api, t.clock);
  let account = await loadScanAccount(api);
  let checksDone = 0;
  const end = w.now() + 60 * MIN;
  for (let at = w.now(); at < end; at += INTERVAL) {
    await t.runUntil(at);
    if (engine === 'new') await t.drive(checks.run('full', []));
    else {
      // Today's engine: scan.ts, the account re-read every 12 checks (startReminder's ACCOUNT_EVERY).
      if (checksDone % 12 === 0 && checksDone > 0) account = await loadScanAccount(api);
      await scan({ responsible: 2, config: DEFAULT_CONFIG, now: w.now(), account }, api);
    }
    checksDone += 1;
    for (let i = 0; i < 3; i += 1) {
      w.advance(random.int(10, 90) * 1000);
      applyMutation(w.store, someChange(w, random));
    }
  }
  return api.sent;
};

/** The costliest and the typical incremental check over an hour of a busy account. */
const steady = async (deals: number, apiFilter: boolean) => {
  const w = managerWorld(deals, apiFilter);
  const api = w.api(2);
  const account = await loadScanAccount(api);
  const engine = createEngine({
    api,
    accountId: w.store.data.account.id,
    userId: 2,
    timezone: ZONE,
    config: DEFAULT_CONFIG,
    store: memoryReplicaStore(),
  });
  const first = await engine.check('scheduled', account, w.now());
  const random = createRandom(9);
  const costs: number[] = [];
  for (let i = 0; i < 11; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      w.advance(random.int(10, 90) * 1000);
      applyMutation(w.store, someChange(w, random));
    }
    w.advance(INTERVAL - 3 * 50_000);
    const result = await engine.check('scheduled', account, w.now());
    if (result?.mode === 'incremental') costs.push(result.requests);
  }
  costs.sort((a, b) => a - b);
  return { full: first?.requests ?? 0, max: costs.at(-1) ?? 0, median: costs[Math.floor(costs.length / 2)] ?? 0 };
};

/** The most requests in any one second of `times` (ms). */
const peak = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 1000) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
};

/** 20 managers with 1,000 deals each open amoCRM between 08:55 and 09:05; each simulated to 09:30 on its own. */
const accountWide = async (apiFilter: boolean, engine: 'old' | 'new') => {
  const w = sandboxWorld({ deals: Math.ceil((20_000 * 8) / 7), managers: 20, apiFilter });
  const random = createRandom(2026);
  const nine = WORLD_START;
  const times: number[] = [];
  const managers = w.store.data.users.filter((u) => !u.isAdmin).map((u) => u.id);
  for (const userId of managers) {
    const opened = nine - 5 * MIN + random.int(0, 600) * 1000;
    w.setNow(opened);
    const t = timers(w);
    const api = w.api(userId);
    const checks = createChecks({
      api,
      clock: t.clock,
      config: DEFAULT_CONFIG,
      accountId: w.store.data.account.id,
      userId,
      timezone: ZONE,
      replicas: memoryReplicaStore(),
      users: managers.length,
    });
    const schedule = createSchedule({
      intervalMs: INTERVAL,
      clock: t.clock,
      isWorkingTime: (now) => isWorkingTime(now, DEFAULT_CONFIG, ZONE),
      ...(engine === 'new'
        ? {
            nextStart: (now: number) => nextWorkingStart(now, DEFAULT_CONFIG, ZONE),
            jitterMs: () => random.next() * INTERVAL,
          }
        : {}),
      run: async () => {
        if (engine === 'new') await checks.run('full', []);
        else await scan({ responsible: userId, config: DEFAULT_CONFIG, now: w.now() }, api);
      },
    });
    const from = w.log.length;
    schedule.start();
    await t.runUntil(nine + 30 * MIN);
    schedule.stop();
    times.push(...w.log.slice(from));
  }
  return { peak: peak(times), requests: times.length };
};

/** Minutes until each kind of change made elsewhere shows in the list (the worst of a few of each kind). */
const freshness = async (apiFilter: boolean) => {
  const w = managerWorld(600, apiFilter);
  const t = timers(w);
  const api = w.api(2);
  const checks = managerChecks(w, api, t.clock);
  const account = await loadScanAccount(w.api(2));
  const truth = async () =>
    (await scan({ responsible: 2, config: DEFAULT_CONFIG, now: w.now(), account }, w.api(2))).deals.map((d) => d.id);
  let listed: number[] = [];
  let checkedAt = 0;
  const schedule = createSchedule({
    intervalMs: INTERVAL,
    clock: t.clock,
    isWorkingTime: () => true,
    run: async () => {
      listed = ((await checks.run('full', [])) ?? []).map((d) => d.id);
      checkedAt = w.now();
    },
  });
  schedule.start();
  await t.runUntil(w.now() + MIN);
  const random = createRandom(77);
  const lags: Record<string, number> = {};
  const mine = () =>
    w.store.data.leads.filter((l) => l.responsibleUserId === 2 && l.statusId !== 142 && l.statusId !== 143);
  const openTasksOf = (leadId: number) => w.store.tasksOf('leads', leadId).filter((x) => !x.isCompleted);
  /** The open task of a deal that has only that one: completing or deleting it flags the deal. */
  const soleTask = () => mine().flatMap((l) => (openTasksOf(l.id).length === 1 ? openTasksOf(l.id) : []))[0];
  const cases: [string, () => Mutation | undefined][] = [
    ['taskCompleted', () => soleTask() && { op: 'completeTask', taskId: soleTask()?.id ?? 0 }],
    ['taskCreated', () => ({ op: 'createTask', leadId: listed[0] ?? 0 })],
    ['dealCreated', () => ({ op: 'createDeal', responsibleUserId: 2 })],
    ['dealWonOrLost', () => ({ op: 'closeDeal', leadId: listed[1] ?? 0, outcome: 'lost' })],
    ['newResponsible', () => ({ op: 'changeResponsible', leadId: listed[2] ?? 0, responsibleUserId: 1 })],
    // On a deal with no other task, whose tasks the replica need not hold: the feed cannot tell which deal.
    ['taskDeleted', () => soleTask() && { op: 'deleteTask', taskId: soleTask()?.id ?? 0 }],
  ];
  for (const [name, make] of cases) {
    for (let round = 0; round < 3; round += 1) {
      await t.runUntil(w.now() + random.int(5, 295) * 1000);
      const mutation = make();
      if (!mutation) continue;
      applyMutation(w.store, mutation);
      const at = w.now();
      // A new deal counts once its grace period is over; the lag is measured from then.
      const from = name === 'dealCreated' ? at + DEFAULT_CONFIG.graceMinutes * MIN : at;
      let seen = -1;
      for (let step = 0; step < 100 && seen < 0; step += 1) {
        await t.runUntil(w.now() + MIN);
        if (checkedAt >= from && listed.join() === (await truth()).join()) seen = checkedAt - from;
      }
      lags[name] = Math.max(lags[name] ?? 0, seen < 0 ? Infinity : seen);
    }
  }
  schedule.stop();
  return Object.fromEntries(Object.entries(lags).map(([k, v]) => [k, Math.round((v / MIN) * 10) / 10]));
};

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const [label, filtered] of [
    ['withFilter', true],
    ['withoutFilter', false],
  ] as const) {
    out[`${label}.hour1k.requestsOld`] = await hour(1_000, filtered, 'old');
    out[`${label}.hour1k.requestsNew`] = await hour(1_000, filtered, 'new');
    for (const deals of [10_000, 100_000]) {
      const s = await steady(deals, filtered);
      out[`${label}.steady${deals / 1000}k.fullCheckRequests`] = s.full;
      out[`${label}.steady${deals / 1000}k.medianCheckRequests`] = s.median;
      out[`${label}.steady${deals / 1000}k.maxCheckRequests`] = s.max;
    }
    const oldWide = await accountWide(filtered, 'old');
    const newWide = await accountWide(filtered, 'new');
    out[`${label}.account20x1k.peakPerSecondOld`] = oldWide.peak;
    out[`${label}.account20x1k.peakPerSecondNew`] = newWide.peak;
    out[`${label}.account20x1k.requestsTo0930Old`] = oldWide.requests;
    out[`${label}.account20x1k.requestsTo0930New`] = newWide.requests;
    for (const [kind, minutes] of Object.entries(await freshness(filtered)))
      out[`${label}.freshnessWorstMinutes.${kind}`] = minutes;
  }
  return out;
}
