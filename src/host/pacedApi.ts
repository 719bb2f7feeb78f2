import type { Api, Query } from './api';
import { withQuery } from './api';
import type { Clock } from './clock';

/**
 * Background reads at a gentle pace: a short check goes at the client's speed (a burst of `burst` requests), a
 * long one (a full check paging through thousands of deals) slows to one request every `refillMs`. Twenty
 * managers of one account may open amoCRM in the same minutes; each at the client's 3 a second would together pass
 * amoCRM's 7 a second (`developers.kommo.com/docs/limitations`). The client's own ceiling (api.ts) still holds.
 */
export interface Pace {
  burst: number;
  refillMs: number;
}

export const BACKGROUND_PACE: Pace = { burst: 6, refillMs: 1_000 };

/** A `_links.next` chain longer than this is a server bug, not data (as api.ts). */
const MAX_PAGES = 2000;

export const pacedApi = (api: Api, clock: Clock, pace: Pace = BACKGROUND_PACE): Api => {
  let tokens = pace.burst;
  let refilledAt = clock.now();
  let gate: Promise<void> = Promise.resolve();
  const wait = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms));
  const take = (): Promise<void> => {
    const next = gate.then(async () => {
      for (;;) {
        const now = clock.now();
        const earned = Math.floor((now - refilledAt) / pace.refillMs);
        if (earned > 0) {
          tokens = Math.min(pace.burst, tokens + earned);
          refilledAt = tokens === pace.burst ? now : refilledAt + earned * pace.refillMs;
        }
        if (tokens > 0) {
          tokens -= 1;
          return;
        }
        await wait(refilledAt + pace.refillMs - now);
      }
    });
    gate = next.catch(() => undefined);
    return next;
  };
  const get = async (path: string, query?: Query) => {
    await take();
    return api.get(path, query);
  };
  return {
    get,
    // Page by page through `get`, so each page waits for its turn (the same HAL walk as api.ts).
    async getAll(path, query, key, onPage) {
      const items: unknown[] = [];
      let next: string | undefined = withQuery(path, query);
      const seen = new Set<string>();
      for (let page = 0; next && page < MAX_PAGES && !seen.has(next); page += 1) {
        seen.add(next);
        const reply = await get(next);
        if (typeof reply !== 'object' || reply === null) break;
        const hal = reply as { _embedded?: Record<string, unknown>; _links?: { next?: { href?: unknown } } };
        const list = hal._embedded?.[key];
        if (Array.isArray(list)) items.push(...list);
        onPage?.(items.length);
        const href = hal._links?.next?.href;
        if (typeof href !== 'string' || !Array.isArray(list) || list.length === 0) break;
        const link = new URL(href, 'http://relative.invalid');
        next = `${link.pathname}${link.search}`;
      }
      return items;
    },
    async post(path, body) {
      await take();
      return api.post(path, body);
    },
    get sent() {
      return api.sent;
    },
    blockedUntil: () => api.blockedUntil(),
  };
};
