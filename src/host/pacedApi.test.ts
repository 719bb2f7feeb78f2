import { describe, expect, it, vi } from 'vitest';
import type { Api } from './api';
import { realClock } from './clock';
import { fairPace, pacedApi } from './pacedApi';

/** An api whose lists have `pages` pages, recording when each request went out. */
const pagedApi = (pages: number, times: number[]): Api => ({
  get: async () => {
    times.push(Date.now());
    return {};
  },
  async getAll(_path, _query, _key, onPage) {
    for (let page = 1; page <= pages; page += 1) {
      times.push(Date.now());
      if (page < pages) await onPage?.(page);
    }
    return [];
  },
  post: async () => ({}),
  sent: 0,
  blockedUntil: () => 0,
});

describe('background pace', () => {
  it('lets a short check through at once and slows a long read to its share of the account', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const times: number[] = [];
    // Twenty managers: each browser takes one request every 10 s after a burst of 4.
    const api = pacedApi(pagedApi(10, times), realClock, fairPace(20));
    const read = api.getAll('/api/v4/leads', {}, 'leads');
    await vi.advanceTimersByTimeAsync(120_000);
    await read;
    vi.useRealTimers();
    expect(times.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(times.slice(4).map((t, i) => t - (times[i + 3] ?? 0))).toEqual([
      10_000, 10_000, 10_000, 10_000, 10_000, 10_000,
    ]);
  });

  it('one user alone keeps the client speed', () => {
    expect(fairPace(1).refillMs).toBe(500);
    expect(fairPace(20).refillMs).toBe(10_000);
  });
});
