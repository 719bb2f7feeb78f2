/** A dictionary as the host hands it over in `self.langs`: nested objects of strings. */
export type Langs = Record<string, unknown>;

/** Variables substituted into `{name}` placeholders. */
export type Vars = Record<string, string | number>;

/** Looks a dotted key up in the user's dictionary, then in each fallback, then gives the key itself. */
export type Translate = (key: string, vars?: Vars) => string;

const lookup = (langs: Langs | undefined, key: string): string | undefined => {
  let node: unknown = langs;
  // Our own walk: the host's `self.i18n()` throws when an intermediate object is missing.
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
};

const fill = (text: string, vars: Vars | undefined): string =>
  vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;

/**
 * Builds `t(key, vars)` over the host-provided dictionary and any fallbacks (e.g. English, then Russian). The
 * dictionaries are read at every call, so a fallback loaded later (see host/langs.ts) takes effect at once.
 */
export const createTranslate = (...dictionaries: (Langs | undefined)[]): Translate => translateFrom(dictionaries);

/** `t()` over a list the caller may extend later. */
export const translateFrom = (dictionaries: readonly (Langs | undefined)[]): Translate => {
  return (key, vars) => {
    for (const langs of dictionaries) {
      const text = lookup(langs, key);
      if (text !== undefined) return fill(text, vars);
    }
    return key;
  };
};

/** True when the dictionary has the key as a string: lets callers offer optional texts. */
export const hasText = (langs: Langs | undefined, key: string): boolean => lookup(langs, key) !== undefined;

/** Plural category for the user's language, for keys like `deals.one` / `deals.few` / `deals.many`. */
export const pluralKey = (language: string, count: number): 'one' | 'few' | 'many' | 'other' => {
  const rule = new Intl.PluralRules(language).select(count);
  return rule === 'one' || rule === 'few' || rule === 'many' ? rule : 'other';
};
