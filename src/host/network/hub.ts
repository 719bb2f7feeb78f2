import type { Captured, Listener } from './emitter';

/** What every watcher shares: the listeners, the circuit breaker, and the short queue used to merge duplicates. */
export interface Hub {
  /** True while anyone listens and the breaker has not tripped; watchers do no work at all otherwise. */
  active(): boolean;
  /** Runs observer code; a throw is swallowed and counted, and enough of them trip the breaker. */
  guard<T>(fn: () => T, fallback: T): T;
  /** Queues a record for the listeners; they get it a task later, off the page's path. */
  deliver(captured: Captured): void;
  /**
   * Finds a record an XHR watcher queued or delivered in the last seconds for the same request, so jQuery's
   * `ajaxError` for it adds context instead of a second entry. Returns the queued record (mutable until it is
   * delivered), `true` for one already delivered, or undefined when nothing matches.
   */
  claim(match: { method: string; url: string; status: number }): Captured | true | undefined;
  /** Absolute form of a request URL. */
  resolve(url: string): string;
  readonly listeners: Set<Listener>;
  readonly breaker: { errors: number; tripped: boolean };
}

/** Internal errors after which every watcher turns into a pass-through for the rest of the page's life. */
export const BREAKER_LIMIT = 10;
const PENDING_LIMIT = 200;
const RECENT_LIMIT = 30;
const RECENT_MS = 3000;

/** What identifies a request for de-duplication. */
type RequestKey = Pick<Captured, 'source' | 'method' | 'url' | 'status'>;

/** Same request, ignoring the query (jQuery's `_=<timestamp>` cache buster). */
const sameRequest = (a: RequestKey, match: { method: string; url: string; status: number }): boolean =>
  a.source === 'xhr' &&
  a.method === match.method &&
  a.status === match.status &&
  stripQuery(a.url) === stripQuery(match.url);

const stripQuery = (url: string): string => url.replace(/[?#].*$/, '');

/** Builds a hub over the page's timers and location (passed in so tests own them). */
export const createHub = (scope: { setTimeout: typeof setTimeout; location?: { href: string } }): Hub => {
  const listeners = new Set<Listener>();
  const breaker = { errors: 0, tripped: false };
  let pending: Captured[] = [];
  // Only the request's key is remembered after delivery, not its body.
  const recent: { key: RequestKey; until: number }[] = [];
  let scheduled = false;

  const guard = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      breaker.errors += 1;
      if (breaker.errors >= BREAKER_LIMIT) breaker.tripped = true;
      return fallback;
    }
  };

  const flush = (): void => {
    scheduled = false;
    const batch = pending;
    pending = [];
    const now = Date.now();
    for (const captured of batch) {
      const { source, method, url, status } = captured;
      recent.push({ key: { source, method, url, status }, until: now + RECENT_MS });
      if (recent.length > RECENT_LIMIT) recent.shift();
      for (const listener of listeners) guard(() => listener(captured), undefined);
    }
  };

  return {
    active: () => !breaker.tripped && listeners.size > 0,
    guard,
    deliver(captured) {
      if (pending.length >= PENDING_LIMIT) return;
      pending.push(captured);
      if (!scheduled) {
        scheduled = true;
        scope.setTimeout(() => guard(flush, undefined), 0);
      }
    },
    claim(match) {
      const queued = pending.find((captured) => sameRequest(captured, match));
      if (queued) return queued;
      const now = Date.now();
      return recent.some((entry) => entry.until >= now && sameRequest(entry.key, match)) ? true : undefined;
    },
    resolve(url) {
      try {
        return new URL(url, scope.location?.href).href;
      } catch {
        return url;
      }
    },
    listeners,
    breaker,
  };
};
