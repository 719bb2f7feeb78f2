import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import pt from '../../i18n/pt.json';
import ru from '../../i18n/ru.json';
import { hasText, type Langs } from '../i18n';
import { CATALOG, HINTS, lookup } from './catalog';

const LOCALES: Record<string, Langs> = { ru, en, es, pt };

/** Every code of the seed (the official error page), section by section. */
const SEED: Record<string, string[]> = {
  auth: ['110', '111', '112', '113', '101'],
  contacts: ['202', '203', '205', '212', '219', '330'],
  deals: ['330'],
  events: ['244', '225'],
  tasks: ['231', '233', '234', '235', '236', '237', '244'],
  lists: ['244', '281', '282'],
  elements: ['203', '204', '244', '280', '282'],
  customers: ['288', '402', '425', '426'],
  other: ['400', '422', '405', '402', '403', '429', '2002'],
};

/** Codes gone from the current page that old endpoints still return (reference section 1). */
const LEGACY: Record<string, string[]> = {
  account: ['102', '103', '104'],
  contacts: ['201', '204', '206', '207', '208', '209', '210', '211'],
  deals: ['213', '214', '215', '216', '217', '240'],
  events: ['218', '221', '222', '223', '224', '226'],
  tasks: ['227', '228', '229', '230', '232', '238'],
  lists: ['222', '283', '284', '285', '405'],
};

const pairs = (table: Record<string, string[]>) =>
  Object.entries(table).flatMap(([section, codes]) => codes.map((code) => [section, code] as const));

const text = (langs: Langs, key: string): string => {
  let node: unknown = langs;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node);
};

describe('catalog', () => {
  it.each(pairs(SEED))('has seed code %s/%s as a current entry', (section, code) => {
    const entry = CATALOG.find((e) => e.section === section && e.code === code);
    expect(entry).toBeDefined();
    expect(entry?.legacy).toBe(false);
    expect(entry?.official).toContain('ru');
  });

  it.each(pairs(LEGACY))('keeps legacy code %s/%s', (section, code) => {
    expect(CATALOG.find((e) => e.section === section && e.code === code)?.legacy).toBe(true);
  });

  it('keeps the HTTP companions of the "other" block', () => {
    const http = Object.fromEntries(CATALOG.filter((e) => e.section === 'other').map((e) => [e.code, e.http]));
    expect(http).toMatchObject({ '402': 402, '403': 403, '429': 429, '2002': 204, '400': 400, '422': 422, '405': 405 });
  });

  it.each(Object.keys(LOCALES))('has an explanation and an advice for every entry and hint in %s', (locale) => {
    const langs = LOCALES[locale] ?? {};
    const missing = [
      ...CATALOG.flatMap((e) => [e.text, e.advice]),
      ...HINTS.flatMap((h) => [`catalog.hints.${h}.text`, `catalog.hints.${h}.advice`]),
    ].filter((key) => !hasText(langs, key) || text(langs, key).trim() === '');
    expect(missing).toEqual([]);
  });

  it('marks official English only where amoCRM published it (the authorization block)', () => {
    const english = CATALOG.filter((e) => e.official.includes('en')).map((e) => `${e.section}_${e.code}`);
    expect(english).toEqual(['auth_110', 'auth_111', 'auth_112', 'auth_113', 'auth_101']);
    expect(text(en, 'catalog.codes.auth_110')).toBe('General authorization error. Incorrect login or password.');
  });

  it('keeps the seed wording, typos included', () => {
    expect(text(ru, 'catalog.codes.other_422')).toBe('Входящие данные не мог быть обработаны.');
    expect(text(ru, 'catalog.codes.tasks_244')).toBe('Добавление сделок: нет прав.');
  });

  // A copy of the catalog's source text (amoCRM's error page and integrators' articles on it) travels with the code, so this
  // check runs on every clone.
  const seedPath = join(dirname(fileURLToPath(import.meta.url)), 'catalog.seed.txt');
  it('matches every "code | text" row of the seed word for word', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const rows = [...seed.matchAll(/^(\d+) \| (?:\d{3} [^|]+\| )?([^|]+) \|/gm)].map((m) => [m[1], m[2]?.trim()]);
    expect(rows.length).toBe(40);
    const russian = CATALOG.filter((e) => e.official.includes('ru')).map((e) => text(ru, e.text));
    for (const [, description] of rows) expect(russian).toContain(description);
  });

  it.each([
    ['330', 'contacts', 'contacts'],
    ['330', 'deals', 'deals'],
    ['244', 'tasks', 'tasks'],
    ['244', undefined, 'events'],
    ['402', undefined, 'other'],
    ['402', 'customers', 'customers'],
    ['101', 'account', 'account'],
    ['101', undefined, 'auth'],
    ['9999', 'deals', undefined],
  ] as const)('looks code %s up in section %s first (-> %s)', (code, section, expected) => {
    expect(lookup(code, section)?.section).toBe(expected);
  });
});
