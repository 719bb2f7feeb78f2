import { watchJQuery, type JQueryLike } from './ajaxError';
import { capText } from './body';
import { keepHeaders, type Captured, type Listener } from './captured';
import { watchFetch, unwatchFetch } from './fetch';
import { createHub, type Hub, type Self } from './hub';
import type { Patch } from './patch';
import type { TrafficRow } from './traffic';
import { once } from '../../undo';
import { unwatchXhr, watchXhr, type XhrPatches } from './xhr';

type Fetch = typeof fetch;

/** The globals the watchers patch; the page's window in production, a stand-in in tests. */
export interface NetworkScope {
  fetch?: Fetch;
  XMLHttpRequest?: { prototype: XMLHttpRequest };
  setTimeout: typeof setTimeout;
  location?: { href: string };
  document?: Document;
}

/** Page-wide state, shared by every copy of the bundle the page loads (a reinstall, a second widget version). */
interface Registry {
  version: 2;
  hub: Hub;
  /** How many installs are live: the watchers leave with the last one. */
  users: number;
  fetch?: Patch<Fetch>;
  xhr?: XhrPatches;
  jquery?: () => void;
}

/**
 * `Symbol.for`, not `Symbol()`: a second copy of the bundle must find the first copy's registry, not stack on it.
 * v2: the hub traces calls and meters traffic; a v1 registry of an older copy is left to that copy.
 */
const KEY = Symbol.for('task-guard.network.v2');

const host = (): NetworkScope => globalThis as unknown as NetworkScope;

const peek = (scope: NetworkScope): Registry | undefined => {
  const value = (scope as unknown as Record<symbol, unknown>)[KEY];
  return typeof value === 'object' && value !== null && (value as Registry).version === 2
    ? (value as Registry)
    : undefined;
};

const registryOf = (scope: NetworkScope): Registry => {
  const existing = peek(scope);
  if (existing) return existing;
  const registry: Registry = { version: 2, hub: createHub(scope), users: 0 };
  Object.defineProperty(scope, KEY, { value: registry, configurable: true, enumerable: false, writable: true });
  return registry;
};

/** Options for `installWatchers`. */
export interface WatchOptions {
  /** The host's jQuery: adds `ajaxError` context and catches jQuery-only failures (timeouts, parse errors). */
  $?: JQueryLike | undefined;
  /** This widget's code and files' path: its frames are never a caller, its own failures are its own. */
  self?: Self | undefined;
}

/**
 * Installs the fetch, XHR and jQuery watchers once per page (repeated calls only count users) and returns the undo.
 * The watchers do nothing until someone subscribes, so installing them for every user costs next to nothing.
 */
export const installWatchers = (options: WatchOptions = {}, scope: NetworkScope = host()): (() => void) => {
  const registry = registryOf(scope);
  const { hub } = registry;
  registry.users += 1;
  if (options.self) hub.identify(options.self);
  hub.run(() => {
    if (registry.fetch) registry.fetch.on = true;
    else if (typeof scope.fetch === 'function') registry.fetch = watchFetch(scope as { fetch: Fetch }, hub);
    const proto = scope.XMLHttpRequest?.prototype;
    if (registry.xhr) for (const state of Object.values(registry.xhr)) state.on = true;
    else if (proto) registry.xhr = watchXhr(proto, hub);
    if (!registry.jquery && options.$ && scope.document) registry.jquery = watchJQuery(options.$, scope.document, hub);
  });
  return once(() => {
    registry.users -= 1;
    if (registry.users > 0) return;
    hub.run(() => {
      if (registry.fetch) {
        unwatchFetch(scope as { fetch: Fetch }, registry.fetch);
        // Restored: forget it. Neutralized: keep it, a later install switches it back on instead of stacking.
        if (registry.fetch.on) delete registry.fetch;
      }
      const proto = scope.XMLHttpRequest?.prototype;
      if (registry.xhr && proto) {
        unwatchXhr(proto, registry.xhr);
        if (Object.values(registry.xhr).every((state) => state.on)) delete registry.xhr;
      }
      registry.jquery?.();
      delete registry.jquery;
    });
  });
};

/**
 * Subscribes to captured failures; returns the undo. Only admins' inspectors do, and only while someone is
 * subscribed do the watchers take stacks and count calls: a manager's page pays one check per call.
 */
export const subscribe = (listener: Listener, scope: NetworkScope = host()): (() => void) =>
  registryOf(scope).hub.subscribe(listener);

/** Calls and failures per caller over the last five minutes, the busiest first (empty while nobody listens). */
export const trafficRows = (now: number = Date.now(), scope: NetworkScope = host()): TrafficRow[] =>
  peek(scope)?.hub.guard(() => peek(scope)?.hub.traffic.rows(now) ?? [], []) ?? [];

/**
 * The fetch as it was before our watcher wrapped it, bound to the page. The widget's own API client uses it, so
 * the watchers never see (or loop on) our own calls; our failures come in once, through `reportOwnFailure`.
 */
export const nativeFetch = (scope: NetworkScope = host()): Fetch => {
  const original = peek(scope)?.fetch?.original ?? scope.fetch;
  if (typeof original !== 'function') return () => Promise.reject(new TypeError('fetch is not available'));
  return original.bind(scope);
};

/** A failed call of the widget's own API client (status 0 for a network error), in `Captured`'s terms. */
export type OwnFailure = Pick<Captured, 'url' | 'method' | 'status' | 'body'> & Partial<Pick<Captured, 'headers'>>;

/** Hands one of our own failed calls to the inspector (made through `nativeFetch`, no watcher saw it). */
export const reportOwnFailure = (failure: OwnFailure, scope: NetworkScope = host()): void => {
  const registry = peek(scope);
  if (!registry) return;
  const { hub } = registry;
  hub.run(() => {
    if (!hub.active()) return;
    const body = capText(failure.body);
    hub.deliver({
      source: 'own',
      outcome: failure.status === 0 ? 'network' : 'http',
      method: failure.method.toUpperCase(),
      url: hub.resolve(failure.url),
      status: failure.status,
      statusText: '',
      headers: keepHeaders(failure.headers),
      body: body.text,
      truncated: body.truncated,
      at: Date.now(),
    });
  });
};

/** True when the circuit breaker turned the watchers into pass-through (for the panel's status line). */
export const watchersTripped = (scope: NetworkScope = host()): boolean => peek(scope)?.hub.tripped() ?? false;
