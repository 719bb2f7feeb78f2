import { describe, expect, it, vi } from 'vitest';
import { translateFrom, type Langs } from '../i18n';
import { fallbackLocales, loadFallbackLangs } from './langs';

describe('fallbackLocales', () => {
  it.each([
    [{ widget: { name: 'Task Guard' }, settings: { config: 'Политика' } }, 'ru', []],
    // The host writes the integration's name into widget.name whatever file it loaded: that says nothing.
    [{ widget: { name: 'Task Guard' } }, 'ru', ['ru', 'en']],
    [{ widget: { name: 'Task Guard' } }, 'tr', ['tr', 'en', 'ru']],
    [undefined, 'de', ['en', 'ru']],
    [{}, 'de', ['en', 'ru']],
    // The host's file did not arrive whole: the user's own language from the archive first.
    [{ other: 'x' }, 'es', ['es', 'en', 'ru']],
    [undefined, 'ru', ['ru', 'en']],
  ])('%j for %s -> %j', (langs, language, expected) => {
    expect(fallbackLocales(langs as Langs | undefined, language)).toEqual(expected);
  });
});

describe('loadFallbackLangs', () => {
  it('loads each locale from the archive path and makes t() use it at once', async () => {
    const fetchImpl = vi.fn(async (url: string | URL | Request) =>
      String(url).includes('/en.json')
        ? Response.json({ common: { close: 'Close' } })
        : new Response('not found', { status: 404 }),
    );
    const dictionaries: (Langs | undefined)[] = [undefined];
    const t = translateFrom(dictionaries);
    expect(t('common.close')).toBe('common.close');
    await loadFallbackLangs('/widgets/task_guard', '0.1.0', ['en', 'ru'], dictionaries, { fetch: fetchImpl });
    expect(fetchImpl).toHaveBeenCalledWith('/widgets/task_guard/i18n/en.json?v=0.1.0', expect.anything());
    expect(t('common.close')).toBe('Close');
  });

  it('survives a network failure and a body that is not JSON', async () => {
    const dictionaries: (Langs | undefined)[] = [];
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(loadFallbackLangs('/w', '1', ['en'], dictionaries, { fetch: failing })).resolves.toBeUndefined();
    const garbage = vi.fn(async () => new Response('<html>', { status: 200 }));
    await expect(loadFallbackLangs('/w', '1', ['en'], dictionaries, { fetch: garbage })).resolves.toBeUndefined();
    expect(dictionaries).toEqual([]);
  });
});

describe('loadFallbackLangs with every dictionary available', () => {
  it('stops at the first complete one: one request per page, not one per locale', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ settings: { config: 'Task Guard' } }));
    const dictionaries: (Langs | undefined)[] = [undefined];
    await loadFallbackLangs('/w', '1', ['es', 'en', 'ru'], dictionaries, { fetch: fetchImpl });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl).toHaveBeenCalledWith('/w/i18n/es.json?v=1', expect.anything());
    expect(dictionaries).toHaveLength(2);
  });
});

describe('loadFallbackLangs through the page RequireJS', () => {
  it('asks the json! plugin first, as the host loads dictionaries, and never fetches then', async () => {
    const amd = vi.fn((ids: string[], ok: (...modules: unknown[]) => void) => {
      setTimeout(() => ok({ common: { close: `from ${ids[0]}` } }), 0);
    });
    const fetchImpl = vi.fn(async () => Response.json({}));
    const dictionaries: (Langs | undefined)[] = [undefined];
    await loadFallbackLangs('https://cdn.example.net/upl/w', '17', ['en'], dictionaries, {
      amdRequire: amd,
      fetch: fetchImpl,
    });
    expect(amd.mock.calls[0]?.[0]).toEqual(['json!https://cdn.example.net/upl/w/i18n/en.json?v=17']);
    expect(translateFrom(dictionaries)('common.close')).toBe(
      'from json!https://cdn.example.net/upl/w/i18n/en.json?v=17',
    );
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('falls back to fetch when the page has no json! plugin, and undefines the failed id', async () => {
    const undef = vi.fn();
    const amd = Object.assign(
      vi.fn((_ids: string[], _ok: unknown, fail?: (error: unknown) => void) => {
        setTimeout(() => fail?.(new Error('Script error for "json"')), 0);
      }),
      { undef },
    );
    const fetchImpl = vi.fn(async () => Response.json({ common: { close: 'Close' } }));
    const dictionaries: (Langs | undefined)[] = [undefined];
    await loadFallbackLangs('/w', '1', ['en'], dictionaries, { amdRequire: amd, fetch: fetchImpl });
    expect(undef).toHaveBeenCalledWith('json!/w/i18n/en.json?v=1');
    expect(translateFrom(dictionaries)('common.close')).toBe('Close');
  });
});
