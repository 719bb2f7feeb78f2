import { hasText, type Langs } from '../i18n';
import { requireModule, type AmdRequire } from './amd';
import { nativeFetch } from './network/registry';

/** Every locale some archive ships: amoCRM's widget.zip ru en es pt, Kommo's widget-kommo.zip en es pt tr id. */
export const LOCALES = ['ru', 'en', 'es', 'pt', 'tr', 'id'] as const;

/**
 * A key of ours the host never rewrites: it overwrites `widget.name` and `widget.description` with the
 * integration's own (GitHub `Psiant/two`, `frontend/bild/75620.907dc87499035442ff59.js`: `f.widget.name = e.name`),
 * so those say nothing about whether our dictionary arrived.
 */
export const PROBE_KEY = 'settings.config';

/**
 * Which shipped dictionaries should back up the host's: none when the host's file is complete; otherwise the
 * user's own language when some archive ships it, then English, then Russian (an archive lacks one or the other,
 * and a missing file just means the next one). Which file the host loads for a language the archive does not list
 * is not documented.
 */
export const fallbackLocales = (hostLangs: Langs | undefined, language: string): string[] => {
  if (hasText(hostLangs, PROBE_KEY)) return [];
  const own = (LOCALES as readonly string[]).includes(language) ? [language] : [];
  return [...new Set([...own, 'en', 'ru'])];
};

const isLangs = (value: unknown): value is Langs => typeof value === 'object' && value !== null;

/** How to reach the archive's files: the page's RequireJS (as the host does) and, failing that, fetch. */
export interface LangLoaders {
  amdRequire?: AmdRequire;
  fetch?: typeof fetch;
}

const viaFetch = async (url: string, fetchImpl: typeof fetch): Promise<unknown> => {
  const response = await fetchImpl(url, { credentials: 'same-origin' });
  return response.ok ? ((await response.json()) as unknown) : undefined;
};

/**
 * Loads the fallback dictionaries from the unpacked archive (`<path>/i18n/<locale>.json`) and appends them, in
 * order, to `into`, which `t()` reads live. Like the host, through RequireJS's `json!` plugin, which also works when
 * the archive is served from another origin than the page; where the page has no such plugin, with the unwatched
 * fetch. Failures leave the keys shown, never an error.
 */
export const loadFallbackLangs = async (
  path: string,
  version: string,
  locales: readonly string[],
  into: (Langs | undefined)[],
  loaders: LangLoaders = {},
): Promise<void> => {
  for (const locale of locales) {
    const url = `${path}/i18n/${locale}.json?v=${encodeURIComponent(version)}`;
    let langs: unknown;
    try {
      langs = await requireModule(`json!${url}`, isLangs, loaders.amdRequire);
    } catch {
      try {
        langs = await viaFetch(url, loaders.fetch ?? nativeFetch());
      } catch {
        // Offline or blocked: the widget keeps working with whatever dictionary it has.
      }
    }
    if (isLangs(langs)) {
      into.push(langs);
      // Every shipped dictionary has every key (tests/archive.test.ts): the next one would add nothing.
      return;
    }
  }
};
