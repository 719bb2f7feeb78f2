import type { Caller } from './caller';

/** How a watched request ended. Aborts are recorded only when a watcher is asked to (they are not failures). */
export type Outcome = 'http' | 'network' | 'timeout' | 'abort';

/** Which watcher saw it; `own` is the widget's own API client reporting through `reportOwnFailure`. */
export type Source = 'fetch' | 'xhr' | 'jquery' | 'own';

/**
 * One failed (or suspicious) request as a watcher saw it: the one failed-call type of the house. The URL and body
 * are raw: the inspector redacts before anything is kept, shown or copied. Only a few response headers are kept
 * (see `keptHeaders`).
 */
export interface Captured {
  source: Source;
  outcome: Outcome;
  method: string;
  /** Absolute URL, unredacted. */
  url: string;
  status: number;
  statusText: string;
  headers: Record<string, string>;
  /** At most `BODY_CAP` bytes of the body, decoded; '' when empty, streaming, binary or unreadable. */
  body: string;
  truncated: boolean;
  /** Epoch milliseconds when the request ended. */
  at: number;
  /** Error name and message for network failures, jQuery's `thrownError` (`timeout`, `parsererror`, ...). */
  detail?: string;
  /** Who made the call (the widget, amoCRM's page, unknown), from the call stack at the moment of the call. */
  caller?: Caller;
}

/** Receives captured failures. Called off the page's path (a task later), each call in its own try/catch. */
export type Listener = (captured: Captured) => void;

/** Response headers worth keeping for support: the rest may carry cookies or tokens and never leave the page. */
export const KEPT_HEADERS = ['content-type', 'content-length', 'retry-after', 'x-request-id', 'x-trace-id'] as const;

/** Picks the kept headers through `get(name)` (fetch's Headers, XHR's getResponseHeader, jqXHR's too). */
export const keptHeaders = (get: (name: string) => string | null | undefined): Record<string, string> => {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = get(name);
    if (typeof value === 'string' && value !== '') kept[name] = value;
  }
  return kept;
};

/** Filters a plain header record (any case) down to the kept headers. */
export const keepHeaders = (headers: Record<string, string> | undefined): Record<string, string> => {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers ?? {})) lower.set(name.toLowerCase(), value);
  return keptHeaders((name) => lower.get(name));
};

/** Bytes of a failure body we read at most (bodies of 5 MB error pages must not sit in memory). */
export const BODY_CAP = 32 * 1024;

/** How long a body read may take before we cancel it and keep what arrived. */
export const READ_TIMEOUT_MS = 1500;
