import { hasText, type Langs } from '../i18n';
import { nativeFetch } from './network/registry';

/** The locales the archive ships; the host loads the user's file when it is one of them. */
export const LOCALES = ['ru', 'en', 'es', 'pt'] as const;

/**
 * Which shipped dictionaries should back up the host's: none when the host's file is complete; otherwise the
 * user's own language when we ship it, then English, then Russian. Which file the host loads for an unlisted
 * language (Kommo's tr or id) is unconfirmed: ../shared/reference/amocrm-host.md section 3.
 */
export const fallbackLocales = (hostLangs: Langs | undefined, language: string): string[] => {
  if (hasText(hostLangs, 'widget.name')) return [];
  const own = (LOCALES as readonly string[]).includes(language) ? [language] : [];
  return [...new Set([...own, 'en', 'ru'])];
};

const isLangs = (value: unknown): value is Langs => typeof value === 'object' && value !== null;

/**
 * Loads the fallback dictionaries from the unpacked archive (`<path>/i18n/<locale>.json`) and appends them, in
 * order, to `into`, which `t()` reads live. Own requests go through the unwatched fetch; failures leave keys shown.
 */
export const loadFallbackLangs = async (
  path: string,
  version: string,
  locales: readonly string[],
  into: (Langs | undefined)[],
  fetchImpl: typeof fetch = nativeFetch(),
): Promise<void> => {
  for (const locale of locales) {
    try {
      const response = await fetchImpl(`${path}/i18n/${locale}.json?v=${encodeURIComponent(version)}`, {
        credentials: 'same-origin',
      });
      if (!response.ok) continue;
      const langs: unknown = await response.json();
      if (isLangs(langs)) {
        into.push(langs);
        // Every shipped dictionary has every key (tests/archive.test.ts): the next one would add nothing.
        return;
      }
    } catch {
      // Offline or blocked: the widget keeps working with whatever dictionary it has.
    }
  }
};
