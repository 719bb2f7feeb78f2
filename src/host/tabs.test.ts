import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realClock } from './clock';
import { STALE_MS, joinTabs, sharedValue, type ChannelLike, type LockManagerLike, type TabsEnv } from './tabs';

/** Web Locks as the browser does it: one holder per name, the others queue in order. */
const fakeLocks = (): LockManagerLike => {
  const queues = new Map<string, { grant: () => void; signal?: AbortSignal }[]>();
  const held = new Set<string>();
  const next = (name: string) => {
    const queue = queues.get(name) ?? [];
    while (!held.has(name) && queue.length) {
      const waiter = queue.shift();
      if (waiter && !waiter.signal?.aborted) waiter.grant();
    }
  };
  return {
    request(name, options, callback) {
      return new Promise((resolve) => {
        const grant = () => {
          held.add(name);
          void callback({}).then(() => {
            held.delete(name);
            resolve(undefined);
            next(name);
          });
        };
        queues.set(name, [...(queues.get(name) ?? []), { grant, signal: options.signal }]);
        next(name);
      });
    },
  };
};

/** BroadcastChannel between fake tabs of one page: everyone but the sender hears it. */
const fakeChannels = () => {
  const members = new Set<{ name: string; listeners: ((event: { data: unknown }) => void)[] }>();
  return (name: string): ChannelLike => {
    const member = { name, listeners: [] as ((event: { data: unknown }) => void)[] };
    members.add(member);
    return {
      postMessage: (data) => {
        for (const other of members)
          if (other !== member && other.name === name) other.listeners.forEach((l) => l({ data }));
      },
      addEventListener: (_type, listener) => member.listeners.push(listener),
      close: () => members.delete(member),
    };
  };
};

const memoryStorage = () => {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('tabs with Web Locks and BroadcastChannel', () => {
  it('elects exactly one leader among three tabs and hands over when it closes', async () => {
    const env: TabsEnv = { locks: fakeLocks(), openChannel: fakeChannels(), clock: realClock };
    const tabs = [joinTabs('tg', env), joinTabs('tg', env), joinTabs('tg', env)];
    await flush();
    expect(tabs.map((t) => t.isLeader())).toEqual([true, false, false]);
    const promoted = vi.fn();
    tabs[1]?.onLeader(promoted);
    tabs[0]?.close();
    await flush();
    expect(tabs.map((t) => t.isLeader())).toEqual([false, true, false]);
    expect(promoted).toHaveBeenCalledTimes(1);
    tabs.forEach((t) => t.close());
  });

  it("shares the leader's result with every other tab", async () => {
    const env: TabsEnv = { locks: fakeLocks(), openChannel: fakeChannels(), clock: realClock };
    const [a, b, c] = [joinTabs<string>('tg', env), joinTabs<string>('tg', env), joinTabs<string>('tg', env)];
    const heard: string[] = [];
    b.onMessage((m) => heard.push(`b:${m}`));
    c.onMessage((m) => heard.push(`c:${m}`));
    a.onMessage((m) => heard.push(`a:${m}`));
    a.post('result');
    expect(heard).toEqual(['b:result', 'c:result']);
    [a, b, c].forEach((t) => t.close());
  });
});

describe('tabs without Web Locks: the localStorage heartbeat', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps one leader and takes over after the leader tab goes silent', async () => {
    const storage = memoryStorage();
    // Tab a beats once and then freezes (a hung or discarded tab): its timers never fire again.
    const a = joinTabs('tg', { storage, clock: { ...realClock, setTimeout: () => 0 } });
    const b = joinTabs('tg', { storage, clock: realClock });
    await vi.advanceTimersByTimeAsync(STALE_MS - 1_000);
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(b.isLeader()).toBe(true);
    b.close();
    expect(storage.getItem('tg:leader')).toBeNull();
  });

  it('passes messages through storage events', () => {
    const storage = memoryStorage();
    const listeners: ((key: string | null, value: string | null) => void)[] = [];
    const shared: TabsEnv = {
      storage: {
        ...storage,
        setItem: (key, value) => {
          storage.setItem(key, value);
          listeners.forEach((l) => l(key, value));
        },
      },
      onStorage: (l) => {
        listeners.push(l);
        return () => undefined;
      },
      clock: realClock,
    };
    const a = joinTabs<{ n: number }>('tg', shared);
    const b = joinTabs<{ n: number }>('tg', shared);
    const heard: number[] = [];
    b.onMessage((m) => heard.push(m.n));
    a.onMessage((m) => heard.push(-m.n));
    a.post({ n: 7 });
    expect(heard).toEqual([7]);
    a.close();
    b.close();
  });
});

describe('tabs with nothing to coordinate with', () => {
  it('makes every tab its own leader', async () => {
    const a = joinTabs('tg', { clock: realClock });
    const b = joinTabs('tg', { clock: realClock });
    await flush();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, true]);
    a.post('nobody hears this');
  });
});

describe('sharedValue', () => {
  it('reads what another tab wrote, and nothing from garbage', () => {
    const storage = memoryStorage();
    sharedValue<{ count: number }>('k', storage).write({ count: 2 });
    expect(sharedValue<{ count: number }>('k', storage).read()).toEqual({ count: 2 });
    storage.setItem('k', '{oops');
    expect(sharedValue('k', storage).read()).toBeUndefined();
  });
});
