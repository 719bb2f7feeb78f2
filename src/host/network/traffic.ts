import { callerKey, type Caller } from './caller';

/** amoCRM's limit: at most 7 requests per second (GitHub `biradrags/amo-docs` `amocrm_docs_md/crm_platform/error-codes.md`, 429). */
export const RATE_LIMIT = 7;
/** From this peak on a source is flagged, before it reaches the limit. */
export const RATE_WARN = 5;

/** How a source stands against the limit. */
export type RateLevel = 'ok' | 'near' | 'over';

/** One source's calls and failures, as the traffic view shows them. */
export interface TrafficRow {
  key: string;
  caller: Caller;
  calls1m: number;
  failures1m: number;
  calls5m: number;
  failures5m: number;
  /** Calls in the busiest one-second window of the last five minutes. */
  peak: number;
  level: RateLevel;
}

const WINDOW_MS = 5 * 60_000;
const MINUTE_MS = 60_000;
/** Calls remembered per source: 5 minutes at 20 per second; beyond that the oldest are forgotten. */
const PER_SOURCE = 6000;

interface Track {
  caller: Caller;
  calls: number[];
  failures: number[];
}

/** Counts calls and failures per caller; timestamps only, added off the page's path. */
export interface TrafficMeter {
  call(caller: Caller, at: number): void;
  failure(caller: Caller, at: number): void;
  /** Every source seen in the last five minutes, the busiest (by peak per second) first. */
  rows(now: number): TrafficRow[];
  clear(): void;
}

/** The most calls inside any window of `span` ms, over timestamps in ascending order. */
export const busiest = (times: readonly number[], span = 1000): number => {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    const last = times[end] ?? 0;
    while ((times[start] ?? last) <= last - span) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
};

export const levelOf = (peak: number): RateLevel => (peak > RATE_LIMIT ? 'over' : peak >= RATE_WARN ? 'near' : 'ok');

const since = (times: readonly number[], from: number): number => {
  let count = 0;
  for (let i = times.length - 1; i >= 0 && (times[i] ?? 0) > from; i -= 1) count += 1;
  return count;
};

/** Creates an empty meter. */
export const createTrafficMeter = (): TrafficMeter => {
  const tracks = new Map<string, Track>();
  const track = (caller: Caller): Track => {
    const key = callerKey(caller);
    let found = tracks.get(key);
    if (!found) {
      found = { caller, calls: [], failures: [] };
      tracks.set(key, found);
    }
    return found;
  };
  const push = (times: number[], at: number): void => {
    // Calls arrive in order but a late failure may not: keep the list sorted.
    let i = times.length;
    while (i > 0 && (times[i - 1] ?? 0) > at) i -= 1;
    times.splice(i, 0, at);
    if (times.length > PER_SOURCE) times.splice(0, times.length - PER_SOURCE);
  };
  const prune = (now: number): void => {
    for (const [key, t] of tracks) {
      const drop = (times: number[]) => {
        let n = 0;
        while (n < times.length && (times[n] ?? 0) <= now - WINDOW_MS) n += 1;
        if (n) times.splice(0, n);
      };
      drop(t.calls);
      drop(t.failures);
      if (!t.calls.length && !t.failures.length) tracks.delete(key);
    }
  };
  return {
    call: (caller, at) => push(track(caller).calls, at),
    failure: (caller, at) => push(track(caller).failures, at),
    rows(now) {
      prune(now);
      const rows: TrafficRow[] = [];
      for (const [key, t] of tracks) {
        const peak = busiest(t.calls);
        rows.push({
          key,
          caller: t.caller,
          calls1m: since(t.calls, now - MINUTE_MS),
          failures1m: since(t.failures, now - MINUTE_MS),
          calls5m: t.calls.length,
          failures5m: t.failures.length,
          peak,
          level: levelOf(peak),
        });
      }
      return rows.sort((a, b) => b.peak - a.peak || b.calls5m - a.calls5m || a.key.localeCompare(b.key));
    },
    clear: () => tracks.clear(),
  };
};
