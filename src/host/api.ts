import { forbiddenMeaning } from './forbidden';
import { nativeFetch, reportOwnFailure } from './network/registry';

/** Query parameters in amoCRM's bracket style; arrays repeat the key. */
export type Query = Record<string, string | number | readonly (string | number)[] | undefined>;

/** Why a call did not give data, as a discriminated union the callers narrow on. */
export type ApiFailure =
  | { kind: 'http'; status: number; body: string }
  | { kind: 'rate-limited'; until: number }
  | { kind: 'blocked'; until: number }
  | { kind: 'network'; message: string };

/** A failed call: the request, what went wrong, and the raw answer for the error catalog. */
export class ApiError extends Error {
  // Declared, then assigned: parameter properties would make the es2020 build ship define-property helpers.
  declare readonly failure: ApiFailure;
  declare readonly method: string;
  declare readonly url: string;

  constructor(failure: ApiFailure, method: string, url: string) {
    super(`${method} ${url}: ${failure.kind}`);
    this.failure = failure;
    this.method = method;
    this.url = url;
  }

  /** The HTTP status (0 when the call never got an answer). */
  get status(): number {
    return this.failure.kind === 'http' ? this.failure.status : this.failure.kind === 'rate-limited' ? 429 : 0;
  }

  get body(): string {
    return this.failure.kind === 'http' ? this.failure.body : '';
  }
}

/** The amoCRM REST client the features use. */
export interface Api {
  /** One GET; `undefined` for 204 (amoCRM's "nothing found", with an empty body). */
  get(path: string, query?: Query): Promise<unknown>;
  /**
   * All pages of a HAL collection, following `_links.next`; calls `onPage` after each page, and when it returns a
   * promise, waits for it before asking for the next page (a caller's pace, host/pacedApi.ts).
   */
  getAll(path: string, query: Query, key: string, onPage?: (items: number) => unknown): Promise<unknown[]>;
  /** One POST of a JSON body. */
  post(path: string, body: unknown): Promise<unknown>;
  /** Requests sent so far (for the request budget tests and the bench). */
  readonly sent: number;
  /** Until when (ms) the client refuses to call, after a 429 or a 403 block; 0 when free. */
  blockedUntil(): number;
}

export interface ApiOptions {
  fetch: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Hands our own failed calls to the error inspector. */
  report?: (failure: {
    url: string;
    method: string;
    status: number;
    body: string;
    headers?: Record<string, string>;
  }) => void;
  /** At most this many requests per rolling second (amoCRM allows 7; the host page makes calls of its own). */
  perSecond?: number;
  /** Origin prefixed to paths; empty = the page's own origin. */
  base?: string;
}

/** A 403 block (too many requests) lasts a while; the docs advise waiting it out. */
export const BLOCK_BACKOFF_MS = 15 * 60_000;
/** Two 403s without a telling body on different reads this close together are taken for a block. */
const REPEAT_403_WITHIN_MS = 10 * 60_000;
/** A 429 asking for a short pause gets one retry after it; a longer one fails the call and pauses the client. */
const RETRY_ONCE_WITHIN_MS = 5_000;
/** A `_links.next` chain longer than this is a server bug, not data (250 x 2000 = 500k deals). */
const MAX_PAGES = 2000;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds `path?query` with bracketed keys (`filter[entity_id][]`) encoded the way URLSearchParams does. */
export const withQuery = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
};

const retryAfterMs = (response: Response, body: string): number => {
  let seconds = Number(response.headers.get('Retry-After'));
  try {
    const parsed: unknown = JSON.parse(body);
    const fromBody =
      typeof parsed === 'object' && parsed !== null ? Number((parsed as { retry_after?: unknown }).retry_after) : NaN;
    if (Number.isFinite(fromBody) && fromBody > 0) seconds = Math.max(Number.isFinite(seconds) ? seconds : 0, fromBody);
  } catch {
    // Not JSON: the header (or the default) decides.
  }
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
};

const headersOf = (response: Response): Record<string, string> => {
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
};

/** Creates a client over the given fetch, with the rate budget and the back-off rules. */
export const createApi = (options: ApiOptions): Api => {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const perSecond = options.perSecond ?? 3;
  const base = options.base ?? '';
  const starts: number[] = [];
  let slot: Promise<void> = Promise.resolve();
  let sent = 0;
  let pausedUntil = 0;
  let pauseKind: 'rate-limited' | 'blocked' = 'rate-limited';
  // The last read refused with a 403 that said nothing: a second one on another read means a block.
  let silent403: { url: string; at: number } | undefined;

  const isBlock = (method: string, url: string, body: string): boolean => {
    const meaning = forbiddenMeaning(body);
    if (meaning !== 'unknown') return meaning === 'block';
    if (method !== 'GET') return false;
    const earlier = silent403;
    silent403 = { url, at: now() };
    return earlier !== undefined && earlier.url !== url && now() - earlier.at <= REPEAT_403_WITHIN_MS;
  };

  // Slots are handed out one after another, so concurrent callers (a scan and a task POST) share one budget.
  const takeSlot = (): Promise<void> => {
    const next = slot.then(async () => {
      for (;;) {
        const first = starts[0];
        if (starts.length < perSecond || first === undefined) break;
        const wait = first + 1000 - now();
        if (wait <= 0) {
          starts.shift();
          continue;
        }
        await sleep(wait);
      }
      starts.push(now());
    });
    slot = next.catch(() => undefined);
    return next;
  };

  const call = async (method: string, path: string, body: unknown, retried = false): Promise<unknown> => {
    const url = `${base}${path}`;
    if (now() < pausedUntil) throw new ApiError({ kind: pauseKind, until: pausedUntil }, method, url);
    await takeSlot();
    sent += 1;
    let response: Response;
    try {
      response = await options.fetch(url, {
        method,
        credentials: 'same-origin',
        headers: {
          // What jQuery sends for `dataType: json`, and amoCRM answers `application/hal+json`
          // (`amocrm_docs_md/crm_platform/leads-api.md` in GitHub `biradrags/amo-docs`).
          Accept: 'application/hal+json, application/json, */*',
          'X-Requested-With': 'XMLHttpRequest',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.report?.({ url, method, status: 0, body: message });
      throw new ApiError({ kind: 'network', message }, method, url);
    }
    if (response.status === 204) {
      silent403 = undefined;
      return undefined;
    }
    const text = await response.text().catch(() => '');
    if (response.ok) {
      // A block refuses every call: one that passes ends any suspicion.
      silent403 = undefined;
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new ApiError({ kind: 'http', status: response.status, body: text }, method, url);
      }
    }
    options.report?.({ url, method, status: response.status, body: text, headers: headersOf(response) });
    if (response.status === 429) {
      const wait = retryAfterMs(response, text);
      if (!retried && wait <= RETRY_ONCE_WITHIN_MS) {
        await sleep(wait);
        return call(method, path, body, true);
      }
      pausedUntil = now() + wait;
      pauseKind = 'rate-limited';
      throw new ApiError({ kind: 'rate-limited', until: pausedUntil }, method, url);
    }
    // A refusal of this one call (rights, the IP whitelist) fails only this call, explained from the catalog; the
    // next task or check goes ahead.
    if (response.status === 403 && isBlock(method, url, text)) {
      pausedUntil = now() + BLOCK_BACKOFF_MS;
      pauseKind = 'blocked';
      throw new ApiError({ kind: 'blocked', until: pausedUntil }, method, url);
    }
    throw new ApiError({ kind: 'http', status: response.status, body: text }, method, url);
  };

  const get = (path: string, query?: Query): Promise<unknown> => call('GET', withQuery(path, query), undefined);

  return {
    get,
    async getAll(path, query, key, onPage) {
      const items: unknown[] = [];
      let next: string | undefined = withQuery(path, query);
      const seen = new Set<string>();
      for (let page = 0; next && page < MAX_PAGES && !seen.has(next); page += 1) {
        seen.add(next);
        const reply = await call('GET', next, undefined);
        if (typeof reply !== 'object' || reply === null) break;
        const hal = reply as { _embedded?: Record<string, unknown>; _links?: { next?: { href?: unknown } } };
        const list = hal._embedded?.[key];
        if (Array.isArray(list)) items.push(...list);
        const turn = onPage?.(items.length);
        const href = hal._links?.next?.href;
        if (typeof href !== 'string' || !Array.isArray(list) || list.length === 0) break;
        await turn;
        // amoCRM gives absolute links; keep only path and query so the call stays on our origin and budget.
        const link = new URL(href, 'http://relative.invalid');
        next = `${link.pathname}${link.search}`;
      }
      return items;
    },
    post: (path, body) => call('POST', path, body),
    get sent() {
      return sent;
    },
    blockedUntil: () => (now() < pausedUntil ? pausedUntil : 0),
  };
};

let shared: Api | undefined;

/** The page's one client: the unwrapped fetch (our watchers never see our own calls), failures to the inspector. */
export const hostApi = (): Api =>
  (shared ??= createApi({
    fetch: (input, init) => nativeFetch()(input, init),
    report: (failure) => reportOwnFailure(failure),
  }));
