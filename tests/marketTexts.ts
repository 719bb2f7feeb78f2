/**
 * What amoMarket's rules forbid in the texts of en, es, pt (and Kommo's tr, id), as checks over a dictionary.
 * GitHub `biradrags/amo-docs` `amocrm_docs_md/integrations/requirements.md`: §1.6 forbids sending clients to
 * amoCRM's support (the integrator supports its integration), §3.1.3 forbids `.ru` domains in en.json and §2.4
 * asks links of en/es/pt to lead to sites in those languages.
 */

/** Every dotted path to a string leaf, so two dictionaries can be compared key for key. */
export const leaves = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
    : [prefix];

export const lookup = (dictionary: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dictionary);

/** The distinct `{name}` placeholders of a text, sorted (a translation may use one twice, or once). */
export const placeholders = (text: unknown): string[] =>
  [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();

/** A web or mail address on a `.ru` domain (`x.amocrm.ru`, `support@foo.ru`), not the letters "ru" elsewhere. */
const RU_DOMAIN = /[\p{L}\d-]\.ru(?![\p{L}\d-])/iu;

/**
 * The noun for support in each language. Turkish softens "destek" to "desteğ-" before a vowel ("desteğine"), while
 * "desteklenmiyor" (is not supported) is a verb and no contact.
 */
const isSupportWord = (word: string): boolean =>
  /^(support|soporte|suporte|dukungan|destek|desteğ\p{L}*|поддержк\p{L}*)$/iu.test(word);

/** Sends the user to the host's support: "amoCRM support", "soporte de amoCRM", "Kommo desteği"... */
const HOST_SUPPORT =
  /(amoCRM|Kommo)('s)?\s+support|(soporte|suporte)\s+(de|da|do)\s+(la\s+|a\s+|o\s+)?(amoCRM|Kommo)|(amoCRM|Kommo)('\p{L}+)?\s+deste[kğ]|dukungan\s+(amoCRM|Kommo)/iu;

/**
 * The texts of a dictionary that break the rules, as "key: reason". A sentence that mentions support must name
 * the integrator's (Task Guard's): "send the report to support" alone reads as the host's.
 */
export const marketViolations = (dictionary: unknown): string[] =>
  leaves(dictionary).flatMap((key) => {
    const text = String(lookup(dictionary, key));
    const found: string[] = [];
    if (RU_DOMAIN.test(text)) found.push(`${key}: a .ru address`);
    if (HOST_SUPPORT.test(text)) found.push(`${key}: sends the user to the host's support`);
    for (const sentence of text.split(/(?<=[.!?;:])\s+|\n/)) {
      const words = sentence.split(/[^\p{L}]+/u);
      if (words.some(isSupportWord) && !sentence.includes('Task Guard'))
        found.push(`${key}: support that is not Task Guard's ("${sentence.trim()}")`);
    }
    return found;
  });
