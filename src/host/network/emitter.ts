/** How a watched request ended. Aborts are recorded only when a watcher is asked to (they are not failures). */
export type Outcome = 'http' | 'network' | 'timeout' | 'abort';

/** Which watcher saw it; `own` is the widget's own API client reporting through `reportOwnFailure`. */
export type Source = 'fetch' | 'xhr' | 'jquery' | 'own';

/**
 * One failed (or suspicious) request as a watcher saw it. The URL and body are raw: the inspector redacts before
 * anything is kept, shown or copied. Only a few response headers are kept (see `keptHeaders`).
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

const TEXTUAL = /json|^text\/|xml|javascript|x-www-form-urlencoded/i;

/**
 * True when a body of this content type is worth reading: text-like and not a stream. An unknown type counts as
 * text (amoCRM's empty 405s have none); `text/event-stream` never ends, so reading it would hang on.
 */
export const isReadable = (contentType: string): boolean =>
  !/event-stream/i.test(contentType) && (contentType.trim() === '' || TEXTUAL.test(contentType));

/**
 * Decides whether a finished HTTP answer deserves a look. 4xx/5xx are failures; a 2xx is suspect only where
 * amoCRM hides errors in successful answers (docs/error-bodies.md: an HTML page on an API path is a
 * login or proxy page; legacy batch writes report their errors inside HTTP 200). Everything else, 204 and 304
 * included, is left alone.
 */
export const verdict = (
  status: number,
  method: string,
  url: string,
  contentType: string,
): 'failure' | 'suspect' | 'ok' => {
  if (status >= 400) return 'failure';
  if (status < 200 || status >= 300 || status === 204) return 'ok';
  const path = pathOf(url);
  if (!/\/api\/v\d|\/private\/api\/|\/ajax\//.test(path)) return 'ok';
  if (/text\/html/i.test(contentType)) return 'suspect';
  if (method !== 'GET' && /json/i.test(contentType) && /\/api\/v2\/|\/private\/api\//.test(path)) return 'suspect';
  return 'ok';
};

/** Path part of an absolute or relative URL, without query or hash. */
export const pathOf = (url: string): string => {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/i.exec(url);
  return match?.[1] ?? '';
};
