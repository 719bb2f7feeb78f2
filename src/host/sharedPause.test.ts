import { describe, expect, it } from 'vitest';
import { ApiError, type Api } from './api';
import { storagePauseBoard, withSharedPause } from './sharedPause';

const api = (fail?: ApiError) => {
  let sent = 0;
  const client: Api = {
    get: async () => {
      sent += 1;
      if (fail) throw fail;
      return {};
    },
    getAll: async () => [],
    post: async () => ({}),
    get sent() {
      return sent;
    },
    blockedUntil: () => 0,
  };
  return client;
};

describe('the shared back-off', () => {
  it('a block seen in one tab pauses the other tabs of the browser, without a request', async () => {
    localStorage.clear();
    let now = 1_000;
    const blocked = new ApiError({ kind: 'blocked', until: 901_000 }, 'GET', '/api/v4/leads');
    const first = withSharedPause(api(blocked), storagePauseBoard(7), () => now);
    await expect(first.get('/api/v4/leads')).rejects.toBe(blocked);
    const inner = api();
    const second = withSharedPause(inner, storagePauseBoard(7), () => now);
    await expect(second.get('/api/v4/events')).rejects.toMatchObject({ failure: { kind: 'blocked', until: 901_000 } });
    expect(inner.sent).toBe(0);
    expect(second.blockedUntil()).toBe(901_000);
    // Another account is not paused, and the pause ends.
    expect(await withSharedPause(api(), storagePauseBoard(8), () => now).get('/x')).toEqual({});
    now = 901_001;
    expect(await second.get('/api/v4/events')).toEqual({});
  });

  it('a short 429 pause never shortens a block', () => {
    localStorage.clear();
    const board = storagePauseBoard(7);
    board.write({ until: 900_000, kind: 'blocked' });
    board.write({ until: 5_000, kind: 'rate-limited' });
    expect(board.read()).toEqual({ until: 900_000, kind: 'blocked' });
  });
});
