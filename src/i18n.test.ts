import { describe, expect, it } from 'vitest';
import { createTranslate, pluralKey } from './i18n';

describe('t(key, vars)', () => {
  const ru = { reminder: { title: 'Поставьте задачу!', count: 'Сделок без задач: {count}' } };
  const en = { reminder: { title: 'Set a task!', extra: 'Only in English' } };
  const t = createTranslate(ru, en);

  it.each([
    ['reminder.title', undefined, 'Поставьте задачу!'],
    ['reminder.count', { count: 7 }, 'Сделок без задач: 7'],
    ['reminder.extra', undefined, 'Only in English'],
    ['reminder.missing', undefined, 'reminder.missing'],
    // An intermediate object that is missing (where the host's own i18n() throws) falls through safely.
    ['nothing.here.at.all', undefined, 'nothing.here.at.all'],
    ['reminder', undefined, 'reminder'],
  ])('%s -> %s', (key, vars, expected) => {
    expect(t(key, vars)).toBe(expected);
  });

  it('leaves unknown placeholders visible instead of printing undefined', () => {
    expect(createTranslate({ a: 'x {y} {z}' })('a', { y: 1 })).toBe('x 1 {z}');
  });

  it('works without any dictionary', () => {
    expect(createTranslate(undefined)('a.b')).toBe('a.b');
  });
});

describe('pluralKey', () => {
  it.each([
    ['ru', 1, 'one'],
    ['ru', 3, 'few'],
    ['ru', 5, 'many'],
    ['ru', 21, 'one'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
  ])('%s %i -> %s', (language, count, expected) => {
    expect(pluralKey(language, count)).toBe(expected);
  });
});
