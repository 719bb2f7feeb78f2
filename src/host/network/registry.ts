import { capText } from './body';
import { keepHeaders, type Listener } from './emitter';
import { watchFetch, unwatchFetch } from './fetch';
import { createHub, type Hub } from './hub';
import { watchJQuery, type JQueryLike } from './jquery';
import type { Patch } from './patch';
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
  version: 1;
  hub: Hub;
  /** How many installs are live: the watchers leave with the last one. */
  users: number;
  fetch?: Patch<Fetch>;
  xhr?: XhrPatches;
  jquery?: () => void;
}

/** `Symbol.for`, not `Symbol()`: a second copy of the bundle must find the first copy's registry, not stack on it. */
const KEY = Symbol.for('task-guard.network.v1');

const host = (): NetworkScope => globalThis as unknown as NetworkScope;

const peek = (scope: NetworkScope): Registry | undefined => {
  const value = (scope as unknown as Record<symbol, unknown>)[KEY];
  return typeof value === 'object' && value !== null && (value as Registry).version === 1
    ? (value as Registry)
    : undefined;
};

const registryOf = (scope: NetworkScope): Registry => {
  const existing = peek(scope);
  if (existing) return existing;
  const registry: Registry = { version: 1, hub: createHub(scope), users: 0 };
  Object.defineProperty(scope, KEY, { value: registry, configurable: true, enumerable: false, writable: true });
  return registry;
};

/** Options for `installWatchers`. */
export interface WatchOptions {
  /** The host's jQuery: adds `ajaxError` context and catches jQuery-only failures (timeouts, parse errors). */
  $?: JQueryLike | undefined;
}

/**
 * Installs the fetch, XHR and jQuery watchers once per page (repeated calls only count users) and returns the undo.
 * The watchers do nothing until someone subscribes, so installing them for every user costs next to nothing.
 */
export const installWatchers = (options: WatchOptions = {}, scope: NetworkScope = host()): (() => void) => {
  const registry = registryOf(scope);
  const { hub } = registry;
  registry.users += 1;
  hub.guard(() => {
    if (registry.fetch) registry.fetch.on = true;
    else if (typeof scope.fetch === 'function') registry.fetch = watchFetch(scope as { fetch: Fetch }, hub);
    const proto = scope.XMLHttpRequest?.prototype;
    if (registry.xhr) for (const state of Object.values(registry.xhr)) state.on = true;
    else if (proto) registry.xhr = watchXhr(proto, hub);
    if (!registry.jquery && options.$ && scope.document) registry.jquery = watchJQuery(options.$, scope.document, hub);
  }, undefined);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    registry.users -= 1;
    if (registry.users > 0) return;
    hub.guard(() => {
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
    }, undefined);
  };
};

/** Subscribes to captured failures (only admins' inspectors do); returns the undo. */
export const subscribe = (listener: Listener, scope: NetworkScope = host()): (() => void) => {
  const { hub } = registryOf(scope);
  hub.listeners.add(listener);
  return () => {
    hub.listeners.delete(listener);
  };
};

/**
 * The fetch as it was before our watcher wrapped it, bound to the page. The widget's own API client uses it, so
 * the watchers never see (or loop on) our own calls; our failures come in once, through `reportOwnFailure`.
 */
export const nativeFetch = (scope: NetworkScope = host()): Fetch => {
  const original = peek(scope)?.fetch?.original ?? scope.fetch;
  if (typeof original !== 'function') return () => Promise.reject(new TypeError('fetch is not available'));
  return original.bind(scope);
};

/** A failed call of the widget's own API client. */
export interface OwnFailure {
  url: string;
  method: string;
  /** 0 for a network error. */
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Hands one of our own failed calls to the inspector (made through `nativeFetch`, no watcher saw it). */
export const reportOwnFailure = (failure: OwnFailure, scope: NetworkScope = host()): void => {
  const registry = peek(scope);
  if (!registry) return;
  const { hub } = registry;
  hub.guard(() => {
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
  }, undefined);
};

/** True when the circuit breaker turned the watchers into pass-through (for the panel's status line). */
export const watchersTripped = (scope: NetworkScope = host()): boolean => peek(scope)?.hub.breaker.tripped ?? false;
