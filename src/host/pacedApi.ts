import type { Api, Query } from './api';
import type { Clock } from './clock';

/**
 * Background reads at a fair share of the account's ceiling. amoCRM allows 7 requests a second per account
 * (`developers.kommo.com/docs/limitations`), shared by every manager's browser and by amoCRM's own pages; browsers
 * cannot agree with each other, so each takes an equal share of ACCOUNT_SHARE a second: twenty managers paging
 * through deals at the same minute stay under the ceiling together. A short check (up to `burst` requests) goes at
 * the client's own speed (api.ts: 3 a second), which still holds for everything.
 */
export interface Pace {
  burst: number;
  refillMs: number;
}

/** Requests a second the widget's background reads may take of the account's 7, all browsers together. */
export const ACCOUNT_SHARE = 2;
/** A first check with the add-on (account, stages, deals, tasks) fits in one burst. */
const BURST = 4;

/** The pace of one browser when `users` browsers of the account run checks. */
export const fairPace = (users: number): Pace => ({
  burst: BURST,
  refillMs: Math.min(15_000, Math.max(1000 / 3, (1000 * Math.max(1, users)) / ACCOUNT_SHARE)),
});

export const pacedApi = (api: Api, clock: Clock, pace: Pace): Api => {
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
    // Every next page waits for its turn too (api.ts awaits what `onPage` returns before asking for it).
    async getAll(path, query, key, onPage) {
      await take();
      return api.getAll(path, query, key, async (items) => {
        await onPage?.(items);
        await take();
      });
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
