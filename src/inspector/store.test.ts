import { describe, expect, it } from 'vitest';
import type { Captured } from '../host/network/emitter';
import type { Slot } from '../host/network/sessionSlot';
import { endpointOf, toEntry, type Entry } from './entry';
import { createStore, groupEntries, networkFailures, STORE_LIMIT } from './store';

const captured = (over: Partial<Captured> = {}): Captured => ({
  source: 'fetch',
  outcome: 'http',
  method: 'GET',
  url: 'https://demo.amocrm.ru/api/v4/leads/17?access_token=s3cr3tvalue',
  status: 400,
  statusText: 'Bad Request',
  headers: {},
  body: '{"title":"Bad Request","status":400,"detail":"token s3cr3tvalue rejected for ivan@example.com"}',
  truncated: false,
  at: 1_700_000_000_000,
  ...over,
});

const entry = (over: Partial<Captured> = {}): Entry => {
  const made = toEntry(captured(over));
  if (!made) throw new Error('not a failure');
  return made;
};

/** A sessionStorage stand-in that writes at once. */
const memorySlot = (): Slot & { value: string | null } => {
  const slot = {
    value: null as string | null,
    read: () => slot.value,
    save: (value: () => string) => {
      slot.value = value();
    },
    remove: () => {
      slot.value = null;
    },
  };
  return slot;
};

describe('toEntry', () => {
  it('keeps no secret: URL, detail and excerpt are redacted', () => {
    const e = entry();
    const all = JSON.stringify(e);
    expect(all).not.toContain('s3cr3tvalue');
    expect(all).not.toContain('ivan@example.com');
    expect(e.url).toBe('https://demo.amocrm.ru/api/v4/leads/17?access_token=[redacted]');
    expect(e.endpoint).toBe('/api/v4/leads/:id');
  });

  it('drops a suspect 2xx that is fine after all', () => {
    expect(
      toEntry(captured({ status: 200, url: 'https://d.amocrm.ru/api/v2/leads', body: '{"_embedded":{"items":[]}}' })),
    ).toBeUndefined();
  });

  it('bounds the excerpt', () => {
    expect(entry({ body: 'x'.repeat(50_000), status: 500 }).excerpt.length).toBeLessThanOrEqual(2001);
  });

  it.each([
    ['https://d.amocrm.ru/api/v4/leads/123/notes/9?x=1', '/api/v4/leads/:id/notes/:id'],
    ['/api/v4/tasks', '/api/v4/tasks'],
  ])('folds ids of %s', (url, expected) => {
    expect(endpointOf(url)).toBe(expected);
  });
});

describe('store', () => {
  it('keeps newest first and at most 200 entries however many arrive', () => {
    const store = createStore(memorySlot());
    for (let i = 0; i < 1000; i += 1) store.add(entry({ at: i }));
    expect(store.entries()).toHaveLength(STORE_LIMIT);
    expect(store.entries()[0]?.at).toBe(999);
    expect(store.entries().at(-1)?.at).toBe(800);
  });

  it('survives a reload of the tab through its slot, redacted, without doubling', () => {
    const slot = memorySlot();
    const first = createStore(slot);
    first.add(entry());
    first.add(entry({ status: 503, body: '' }));
    expect(slot.value).not.toContain('s3cr3tvalue');
    const second = createStore(slot);
    expect(second.entries().map((e) => e.status)).toEqual([503, 400]);
    second.add(second.entries()[0] as Entry);
    expect(second.entries()).toHaveLength(2);
  });

  it('ignores a damaged or foreign saved value', () => {
    const slot = memorySlot();
    slot.value = '{"v":1,"entries":[{"id":1},"<img src=x onerror=alert(1)>"]}';
    expect(createStore(slot).entries()).toEqual([]);
    slot.value = 'not json';
    expect(createStore(slot).entries()).toEqual([]);
  });

  it('clears memory and storage, and tells its views', () => {
    const slot = memorySlot();
    const store = createStore(slot);
    let calls = 0;
    store.subscribe(() => (calls += 1));
    store.add(entry());
    store.clear();
    expect(store.entries()).toEqual([]);
    expect(slot.value).toBeNull();
    expect(calls).toBe(2);
  });

  it('groups by code and endpoint with counts', () => {
    const groups = groupEntries([
      entry({ url: 'https://d.amocrm.ru/api/v4/leads/1', at: 3 }),
      entry({ url: 'https://d.amocrm.ru/api/v4/leads/2', at: 2 }),
      entry({ url: 'https://d.amocrm.ru/api/v4/tasks', at: 1 }),
    ]);
    expect(groups.map((g) => [g.latest.endpoint, g.entries.length])).toEqual([
      ['/api/v4/leads/:id', 2],
      ['/api/v4/tasks', 1],
    ]);
  });

  it('counts recent network failures', () => {
    const now = 10 * 60_000;
    const list = [
      entry({ outcome: 'network', status: 0, body: '', at: now - 1000 }),
      entry({ outcome: 'timeout', status: 0, body: '', at: now - 2000 }),
      entry({ outcome: 'network', status: 0, body: '', at: now - 6 * 60_000 }),
      entry({ at: now }),
    ];
    expect(networkFailures(list, now)).toBe(2);
  });
});
