import type { Captured, Listener } from './captured';
import { callerOf, type Attribution, type Caller } from './caller';
import { readStack } from './stack';
import { createTrafficMeter, type TrafficMeter } from './traffic';
import { readWidgetList } from './widgetList';

/** A call seen while someone listens: when it started and the stack at that moment (formatted later, off path). */
export interface Trace {
  at: number;
  /** Created inside the watcher: V8 captures the frames here and formats `stack` only when it is read. */
  error: Error;
  /** `METHOD url-without-query` for XHR calls, so jQuery's `ajaxError` can find the caller of its request. */
  key?: string;
  caller?: Caller;
}

/** Task Guard itself: its failures come in through `reportOwnFailure`, and its files are never a caller. */
export interface Self {
  code: string;
  path: string;
}

/** What every watcher shares: the listeners, the circuit breaker, the traffic meter and the short queues. */
export interface Hub {
  /** True while anyone listens and the breaker has not tripped; watchers do no work at all otherwise. */
  active(): boolean;
  /** Runs observer code; a throw is swallowed and counted, and enough of them trip the breaker. */
  guard<T>(fn: () => T, fallback: T): T;
  /** `guard` for code that returns nothing. */
  run(fn: () => void): void;
  /** Notes a call on the page's path (only while `active()`): its time and stack, read a task later. */
  trace(key?: string): Trace;
  /** Queues a record for the listeners; they get it a task later, off the page's path, with its caller. */
  deliver(captured: Captured, trace?: Trace): void;
  /**
   * Finds a record an XHR watcher queued or delivered in the last seconds for the same request, so jQuery's
   * `ajaxError` for it adds context instead of a second entry. Returns the queued record (mutable until it is
   * delivered), `true` for one already delivered, or undefined when nothing matches.
   */
  claim(match: { method: string; url: string; status: number }): Captured | true | undefined;
  /** The trace of the latest XHR call to `METHOD url-without-query`, for a jQuery failure XHR did not record. */
  traceOf(key: string): Trace | undefined;
  /** Absolute form of a request URL. */
  resolve(url: string): string;
  subscribe(listener: Listener): () => void;
  tripped(): boolean;
  /** Tells the hub which widget it belongs to (the first install wins). */
  identify(self: Self): void;
  /** Attributes and counts the calls still waiting for their flush: the traffic view reads them at once. */
  countCalls(): void;
  readonly traffic: TrafficMeter;
}

/** Internal errors after which every watcher turns into a pass-through for the rest of the page's life. */
export const BREAKER_LIMIT = 10;
const PENDING_LIMIT = 200;
const RECENT_LIMIT = 30;
const RECENT_MS = 3000;
/** Calls waiting for the next flush; a burst beyond this within one flush goes uncounted. */
const CALLS_LIMIT = 2000;
/**
 * How long calls wait to be attributed and counted: one timer and one read of the widget list for every call of
 * that span instead of each. Their time is taken at the call, so the traffic figures do not move; failures do not
 * wait (a delivery flushes at once).
 */
export const CALLS_FLUSH_MS = 100;
/** How long a read of the host's widget list serves (widgets are added as they load, not call by call). */
const WIDGETS_MS = 1000;

/** What identifies a request for de-duplication. */
type RequestKey = Pick<Captured, 'source' | 'method' | 'url' | 'status'>;

const stripQuery = (url: string): string => url.replace(/[?#].*$/, '');

/** Same request, ignoring the query (jQuery's `_=<timestamp>` cache buster). */
const sameRequest = (a: RequestKey, match: { method: string; url: string; status: number }): boolean =>
  a.source === 'xhr' &&
  a.method === match.method &&
  a.status === match.status &&
  stripQuery(a.url) === stripQuery(match.url);

/** `METHOD url-without-query`: the key under which XHR traces are found again. */
export const requestKey = (method: string, url: string): string => `${method} ${stripQuery(url)}`;

/** Builds a hub over the page's timers and location (passed in so tests own them). */
export const createHub = (scope: { setTimeout: typeof setTimeout; location?: { href: string } }): Hub => {
  const listeners = new Set<Listener>();
  const breaker = { errors: 0, tripped: false };
  const traffic = createTrafficMeter();
  let self: Self | undefined;
  let pending: { captured: Captured; trace: Trace | undefined }[] = [];
  let calls: Trace[] = [];
  // Only the request's key is remembered after delivery, not its body.
  const recent: { key: RequestKey; until: number }[] = [];
  const recentTraces: Trace[] = [];
  let scheduled: 'soon' | 'later' | undefined;
  let widgetsRead: { at: number; where: Attribution } | undefined;

  const guard = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      breaker.errors += 1;
      if (breaker.errors >= BREAKER_LIMIT) breaker.tripped = true;
      return fallback;
    }
  };
  const run = (fn: () => void): void => guard(fn, undefined);

  /** The widget list, read again once a second at most: the host adds widgets as they load. */
  const attribution = (): Attribution => {
    const now = Date.now();
    if (!widgetsRead || now - widgetsRead.at >= WIDGETS_MS || widgetsRead.where.selfPath !== self?.path)
      widgetsRead = {
        at: now,
        where: { ...(self ? { selfPath: self.path } : {}), widgets: readWidgetList(scope, scope.location?.href) },
      };
    return widgetsRead.where;
  };

  const callerOfTrace = (trace: Trace): Caller => {
    if (!trace.caller) {
      let stack = '';
      run(() => {
        stack = readStack(trace.error);
      });
      trace.caller = callerOf(stack, attribution());
    }
    return trace.caller;
  };

  /** Attributes and counts the calls noted since the last time. */
  const countCalls = (): void => {
    const traces = calls;
    calls = [];
    for (const trace of traces)
      run(() => {
        traffic.call(callerOfTrace(trace), trace.at);
        if (trace.key) {
          recentTraces.push(trace);
          if (recentTraces.length > RECENT_LIMIT) recentTraces.shift();
        }
      });
  };

  const flush = (): void => {
    scheduled = undefined;
    countCalls();
    const batch = pending;
    pending = [];
    const now = Date.now();
    for (const { captured, trace } of batch) {
      const { source, method, url, status } = captured;
      recent.push({ key: { source, method, url, status }, until: now + RECENT_MS });
      if (recent.length > RECENT_LIMIT) recent.shift();
      run(() => {
        if (trace) captured.caller = callerOfTrace(trace);
        else if (source === 'own' && self) {
          const { code } = self;
          const listed = attribution().widgets.find((widget) => widget.code === code);
          captured.caller = { kind: 'widget', code, name: listed?.name ?? code };
        }
        if (source !== 'own') traffic.failure(captured.caller ?? { kind: 'unknown' }, captured.at);
      });
      for (const listener of listeners) run(() => listener(captured));
    }
  };

  /** A flush soon (a failure to deliver) or later (calls to count); a pending later one is overtaken by a soon one. */
  const schedule = (when: 'soon' | 'later'): void => {
    if (scheduled === 'soon' || scheduled === when) return;
    scheduled = when;
    scope.setTimeout(
      () => {
        if (scheduled === when) run(flush);
      },
      when === 'soon' ? 0 : CALLS_FLUSH_MS,
    );
  };

  return {
    active: () => !breaker.tripped && listeners.size > 0,
    guard,
    run,
    trace(key) {
      const trace: Trace = { at: Date.now(), error: new Error() };
      if (key !== undefined) trace.key = key;
      if (calls.length < CALLS_LIMIT) calls.push(trace);
      schedule('later');
      return trace;
    },
    deliver(captured, trace) {
      if (pending.length >= PENDING_LIMIT) return;
      pending.push({ captured, trace });
      schedule('soon');
    },
    claim(match) {
      const queued = pending.find((item) => sameRequest(item.captured, match));
      if (queued) return queued.captured;
      const now = Date.now();
      return recent.some((entry) => entry.until >= now && sameRequest(entry.key, match)) ? true : undefined;
    },
    traceOf(key) {
      for (let i = calls.length - 1; i >= 0; i -= 1) if (calls[i]?.key === key) return calls[i];
      for (let i = recentTraces.length - 1; i >= 0; i -= 1) if (recentTraces[i]?.key === key) return recentTraces[i];
      return undefined;
    },
    resolve(url) {
      try {
        return new URL(url, scope.location?.href).href;
      } catch {
        return url;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) traffic.clear();
      };
    },
    tripped: () => breaker.tripped,
    identify(given) {
      self ??= given;
    },
    countCalls: () => run(countCalls),
    traffic,
  };
};
