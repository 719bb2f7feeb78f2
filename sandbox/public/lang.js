/* The host's own interface strings (the widget's strings come from its i18n/<lang>.json, loaded by the loader). */
import { boot } from './boot.js';
import en from './texts/en.js';
import es from './texts/es.js';
import pt from './texts/pt.js';
import ru from './texts/ru.js';

/** @type {Record<string, Record<string, string>>} */
const dict = { ru, en, es, pt };

/** The user's language, as the server put it into the boot data. */
export const lang = (boot && boot.lang) || 'ru';

/**
 * Translates a host string: `{name}` placeholders filled from `vars`; Russian, then the key, when missing.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars) {
  const text = (dict[lang] && dict[lang][key]) || dict.ru[key] || key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars && name in vars ? String(vars[name]) : '{' + name + '}'));
}
