import { describe, expect, it, vi } from 'vitest';
import ru from '../../i18n/ru.json';
import type { Captured } from '../host/network/captured';
import type { Slot } from '../host/network/sessionSlot';
import { createTranslate } from '../i18n';
import { endpointOf, toEntry, type Entry } from './entry';
import { reportJson, reportMarkdown } from './report';
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

  it('scrubs the value of a bracketed secret key from the URL and from a body that echoes it', () => {
    const e = entry({
      url: 'https://demo.amocrm.ru/api/v4/leads?token[value]=abcdef123&page=1',
      body: '{"title":"Bad Request","status":400,"detail":"value abcdef123 is not accepted"}',
    });
    expect(e.url).toBe('https://demo.amocrm.ru/api/v4/leads?token[value]=[redacted]&page=1');
    expect(e.excerpt).toContain('value [redacted] is not accepted');
    expect(JSON.stringify(e)).not.toContain('abcdef123');
    const t = createTranslate(ru);
    const meta = { version: '0.1.0', subdomain: 'demo', generatedAt: 0 };
    const groups = groupEntries([e]);
    expect(reportMarkdown(groups, t, meta)).not.toContain('abcdef123');
    expect(reportJson(groups, t, meta)).not.toContain('abcdef123');
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

  it('tells every view of a clear even when one of them throws', () => {
    const store = createStore(memorySlot());
    const broken = vi.fn(() => {
      throw new Error('view bug');
    });
    const fine = vi.fn();
    store.subscribe(broken);
    store.subscribe(fine);
    store.add(entry());
    expect(() => store.clear()).not.toThrow();
    expect(store.entries()).toEqual([]);
    expect(broken).toHaveBeenCalledTimes(2);
    expect(fine).toHaveBeenCalledTimes(2);
  });

  it('saves at most 200 entries to the session slot', () => {
    const slot = memorySlot();
    const store = createStore(slot);
    for (let i = 0; i < 300; i += 1) store.add(entry({ at: i }));
    const saved = JSON.parse(slot.value ?? '{}') as { entries: Entry[] };
    expect(saved.entries).toHaveLength(STORE_LIMIT);
    expect(saved.entries[0]?.at).toBe(299);
  });

  it('cuts a longer saved list to 200 entries on restore', () => {
    const slot = memorySlot();
    const one = entry();
    const many = Array.from({ length: 250 }, (_, i) => ({ ...one, id: `e${i}`, at: 1000 - i }));
    slot.value = JSON.stringify({ v: 1, entries: many });
    const store = createStore(slot);
    expect(store.entries()).toHaveLength(STORE_LIMIT);
    expect(store.entries()[0]?.id).toBe('e0');
    expect(store.entries().at(-1)?.id).toBe('e199');
    // The next save keeps the cut list, not the longer one it found.
    store.add(entry({ at: 2000 }));
    expect((JSON.parse(slot.value ?? '{}') as { entries: Entry[] }).entries).toHaveLength(STORE_LIMIT);
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
