import { describe, expect, it, vi } from 'vitest';
import { translateFrom, type Langs } from '../i18n';
import { fallbackLocales, loadFallbackLangs } from './langs';

describe('fallbackLocales', () => {
  it.each([
    [{ widget: { name: 'Task Guard' } }, 'ru', []],
    [undefined, 'tr', ['en', 'ru']],
    [{}, 'tr', ['en', 'ru']],
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
    await loadFallbackLangs('/widgets/task_guard', '0.1.0', ['en', 'ru'], dictionaries, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledWith('/widgets/task_guard/i18n/en.json?v=0.1.0', expect.anything());
    expect(t('common.close')).toBe('Close');
  });

  it('survives a network failure and a body that is not JSON', async () => {
    const dictionaries: (Langs | undefined)[] = [];
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(loadFallbackLangs('/w', '1', ['en'], dictionaries, failing)).resolves.toBeUndefined();
    const garbage = vi.fn(async () => new Response('<html>', { status: 200 }));
    await expect(loadFallbackLangs('/w', '1', ['en'], dictionaries, garbage)).resolves.toBeUndefined();
    expect(dictionaries).toEqual([]);
  });
});

describe('loadFallbackLangs with every dictionary available', () => {
  it('stops at the first complete one: one request per page, not one per locale', async () => {
    const fetchImpl = vi.fn(async () => Response.json({ widget: { name: 'Task Guard' } }));
    const dictionaries: (Langs | undefined)[] = [undefined];
    await loadFallbackLangs('/w', '1', ['es', 'en', 'ru'], dictionaries, fetchImpl);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl).toHaveBeenCalledWith('/w/i18n/es.json?v=1', expect.anything());
    expect(dictionaries).toHaveLength(2);
  });
});
