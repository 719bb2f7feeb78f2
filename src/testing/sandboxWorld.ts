/**
 * Test-only (the differential test, the engine's tests, bench/): the sandbox's store and API router in-process on
 * a virtual clock, and an api client onto it. Nothing in the widget imports this.
 */
import { handleApi } from '../../sandbox/api/router';
import { parseQuery } from '../../sandbox/query';
import { Store } from '../../sandbox/store';
import { createApi, type Api } from '../host/api';

/** Tuesday 2026-12-01 09:00 in Moscow. */
export const WORLD_START = Date.UTC(2026, 11, 1, 6, 0, 0);

export interface WorldOptions {
  deals: number;
  managers: number;
  apiFilter: boolean;
  seed?: number;
  start?: number;
}

export const sandboxWorld = (options: WorldOptions) => {
  let now = options.start ?? WORLD_START;
  const clock = { offsetMs: 0, now: () => now };
  const store = new Store(
    { deals: options.deals, managers: options.managers, now: Math.floor(now / 1000), seed: options.seed },
    clock,
  );
  const context = { store, apiFilter: options.apiFilter };
  /** Every request's virtual time, for the rate figures. */
  const log: number[] = [];
  /** A client of user `userId` (a manager is 2, 3, …); `sleep` moves the virtual clock. */
  const api = (userId = 2): Api =>
    createApi({
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
      fetch: async (input, init) => {
        log.push(now);
        const url = new URL(String(input), 'http://sandbox.local');
        const res = handleApi(
          {
            method: init?.method ?? 'GET',
            path: url.pathname,
            query: parseQuery(url.search.slice(1)),
            search: url.search.slice(1),
            body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
            userId,
            origin: 'http://sandbox.local',
          },
          context,
        );
        return new Response(res.status === 204 ? null : res.body, { status: res.status, headers: res.headers });
      },
    });
  return {
    store,
    context,
    api,
    log,
    now: () => now,
    setNow: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
};
