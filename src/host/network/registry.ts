/**
 * The slim, eager part of the network module: what script.js needs on every page of every user. The watchers
 * themselves (fetch, XHR, jQuery, the hub, stacks, traffic) are in watchers.ts, which only an admin's page loads,
 * as the lazy half watchers.js (src/inspector/watch.ts): a manager's captures would go nowhere, and amoMarket's
 * rules ask to collect nothing that is not needed (GitHub `biradrags/amo-docs` `amocrm_docs_md/requirements.md`
 * §1.5). This module only reads the page-wide registry the watchers leave; it never patches anything.
 */
import type { JQueryLike } from './ajaxError';
import { BODY_CAP, type Captured } from './captured';
import type { Hub, Self } from './hub';
import type { Patch } from './patch';
import type { XhrPatches } from './xhr';

type Fetch = typeof fetch;

/** The globals the watchers patch; the page's window in production, a stand-in in tests. */
export interface NetworkScope {
  fetch?: Fetch;
  XMLHttpRequest?: { prototype: XMLHttpRequest };
  setTimeout: typeof setTimeout;
  location?: { href: string };
  document?: Document;
}

/** Options for the watchers' install (watchers.ts `installWatchers`). */
export interface WatchOptions {
  /** The host's jQuery: adds `ajaxError` context and catches jQuery-only failures (timeouts, parse errors). */
  $?: JQueryLike | undefined;
  /** This widget's code and files' path: its frames are never a caller, its own failures are its own. */
  self?: Self | undefined;
}

/** A failed call of the widget's own API client (status 0 for a network error), in `Captured`'s terms. */
export type OwnFailure = Pick<Captured, 'url' | 'method' | 'status' | 'body'> & Partial<Pick<Captured, 'headers'>>;

/** An own failure and when it happened, kept until an admin's watchers arrive. */
export interface HeldFailure {
  failure: OwnFailure;
  at: number;
}

/** Page-wide state, shared by every copy of the bundle the page loads (a reinstall, a second widget version). */
export interface Registry {
  version: 3;
  hub: Hub;
  /** How many installs are live: the watchers leave with the last one. */
  users: number;
  fetch?: Patch<Fetch>;
  xhr?: XhrPatches;
  jquery?: () => void;
  /** Hands one of our own failed calls to the listeners (dropped while nobody listens). */
  own(failure: OwnFailure, at: number): void;
}

/**
 * `Symbol.for`, not `Symbol()`: a second copy of the bundle must find the first copy's registry, not stack on it.
 * v3: the watchers come lazily and deliver our own failures themselves (`own`); a v2 registry of an older copy,
 * which installed its watchers for every user, is left to that copy.
 */
export const REGISTRY_KEY = Symbol.for('task-guard.network.v3');

export const pageScope = (): NetworkScope => globalThis as unknown as NetworkScope;

/** The page's registry, when an admin's watchers were installed on this page. */
export const peekRegistry = (scope: NetworkScope): Registry | undefined => {
  const value = (scope as unknown as Record<symbol, unknown>)[REGISTRY_KEY];
  return typeof value === 'object' && value !== null && (value as Registry).version === 3
    ? (value as Registry)
    : undefined;
};

/**
 * The fetch as it was before our watcher wrapped it, bound to the page. The widget's own API client uses it, so
 * the watchers never see (or loop on) our own calls; our failures come in once, through `reportOwnFailure`.
 */
export const nativeFetch = (scope: NetworkScope = pageScope()): Fetch => {
  const original = peekRegistry(scope)?.fetch?.original ?? scope.fetch;
  if (typeof original !== 'function') return () => Promise.reject(new TypeError('fetch is not available'));
  return original.bind(scope);
};

/** Own failures kept while an admin's watchers are on their way; at most this many. */
const HELD_LIMIT = 50;

/** Undefined unless an admin's inspector asked to hold: a manager's page keeps nothing. */
let held: HeldFailure[] | undefined;

/**
 * Keeps our own failures from now until `takeHeldFailures` (an admin's inspector, while watchers.js loads), so the
 * reminder's first checks, which may fail before the watchers arrive, still reach the panel.
 */
export const holdOwnFailures = (): void => {
  held ??= [];
};

/** Hands over the own failures held so far and stops holding. */
export const takeHeldFailures = (): HeldFailure[] => {
  const taken = held ?? [];
  held = undefined;
  return taken;
};

/** Hands one of our own failed calls to the inspector (made through `nativeFetch`, no watcher saw it). */
export const reportOwnFailure = (failure: OwnFailure, scope: NetworkScope = pageScope()): void => {
  const at = Date.now();
  const registry = peekRegistry(scope);
  if (registry) registry.own(failure, at);
  // One character past the cap: the watchers still see that the body was cut.
  else if (held && held.length < HELD_LIMIT)
    held.push({ failure: { ...failure, body: failure.body.slice(0, BODY_CAP + 1) }, at });
};
