/**
 * The watchers' install: fetch, XHR and jQuery's `ajaxError`, patched once per page through the page-wide registry
 * (registry.ts). Only an admin's page loads this module (the lazy half watchers.js, src/inspector/watch.ts); script.js
 * keeps the slim registry.ts for the API client.
 */
import { watchJQuery } from './ajaxError';
import { capText } from './body';
import { keepHeaders, type Listener } from './captured';
import { watchFetch, unwatchFetch } from './fetch';
import { createHub, type Hub } from './hub';
import {
  pageScope,
  peekRegistry,
  REGISTRY_KEY,
  type NetworkScope,
  type OwnFailure,
  type Registry,
  type WatchOptions,
} from './registry';
import type { TrafficRow } from './traffic';
import { once } from '../../undo';
import { unwatchXhr, watchXhr } from './xhr';

type Fetch = typeof fetch;

export type { WatchOptions };

/** Our own failed call, in `Captured`'s terms, for the listeners (only while someone listens). */
const deliverOwn = (hub: Hub, failure: OwnFailure, at: number): void =>
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
      at,
    });
  });

const registryOf = (scope: NetworkScope): Registry => {
  const existing = peekRegistry(scope);
  if (existing) return existing;
  const hub = createHub(scope);
  const registry: Registry = { version: 3, hub, users: 0, own: (failure, at) => deliverOwn(hub, failure, at) };
  Object.defineProperty(scope, REGISTRY_KEY, {
    value: registry,
    configurable: true,
    enumerable: false,
    writable: true,
  });
  return registry;
};

/**
 * Installs the fetch, XHR and jQuery watchers once per page (repeated calls only count users) and returns the undo.
 * The watchers do nothing until someone subscribes.
 */
export const installWatchers = (options: WatchOptions = {}, scope: NetworkScope = pageScope()): (() => void) => {
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
 * Subscribes to captured failures; returns the undo. Only while someone is subscribed do the watchers take
 * stacks and count calls.
 */
export const subscribe = (listener: Listener, scope: NetworkScope = pageScope()): (() => void) =>
  registryOf(scope).hub.subscribe(listener);

/** Calls and failures per caller over the last five minutes, the busiest first (empty while nobody listens). */
export const trafficRows = (now: number = Date.now(), scope: NetworkScope = pageScope()): TrafficRow[] => {
  const hub = peekRegistry(scope)?.hub;
  if (!hub) return [];
  hub.countCalls();
  return hub.guard(() => hub.traffic.rows(now), []);
};

/** True when the circuit breaker turned the watchers into pass-through (for the panel's status line). */
export const watchersTripped = (scope: NetworkScope = pageScope()): boolean =>
  peekRegistry(scope)?.hub.tripped() ?? false;
