import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS } from './config';
import { parseConfig, serializeConfig } from './parseConfig';

describe('parseConfig', () => {
  it.each([
    ['nothing yet', undefined, 'empty'],
    ['an empty string', '  ', 'empty'],
    ['broken JSON', '{"mode": ', 'malformed'],
    ['a JSON array', '[1,2]', 'malformed'],
    ['a number', 5, 'malformed'],
  ])('%s gives the defaults and a warning', (_name, raw: unknown, code) => {
    const parsed = parseConfig(raw);
    expect(parsed.config).toEqual(DEFAULT_CONFIG);
    expect(parsed.warnings).toEqual([{ code }]);
  });

  it('reads a valid value without warnings, from a string or an object', () => {
    const value = { ...DEFAULT_CONFIG, mode: 'strict', stages: { '7': [70, 71] }, excludedUsers: [3], horizonDays: 14 };
    for (const raw of [JSON.stringify(value), value]) {
      const parsed = parseConfig(raw);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.config).toEqual(value);
    }
  });

  it('keeps the good fields and falls back per bad field', () => {
    const parsed = parseConfig(
      JSON.stringify({ mode: 'furious', snoozeMinutes: 15, workDays: [1, 9], stages: { x: [1] }, extra: true }),
    );
    expect(parsed.config.mode).toBe('gentle');
    expect(parsed.config.snoozeMinutes).toBe(15);
    expect(parsed.config.workDays).toEqual(DEFAULT_CONFIG.workDays);
    expect(parsed.config.stages).toBeNull();
    expect(parsed.warnings).toEqual([
      { code: 'field', field: 'stages' },
      { code: 'field', field: 'mode' },
      { code: 'field', field: 'workDays' },
    ]);
  });

  it.each([
    ['an end before the start', '18:00', '09:00', false],
    ['an impossible hour', '25:00', '26:00', false],
    ['always: the whole day', '00:00', '24:00', true],
  ])('working hours: %s', (_name, workStart, workEnd, kept) => {
    const parsed = parseConfig({ workStart, workEnd });
    expect(parsed.config.workStart === workStart && parsed.config.workEnd === workEnd).toBe(kept);
    expect(parsed.warnings.length === 0).toBe(kept);
  });

  it('round-trips through serializeConfig', () => {
    const config = { ...DEFAULT_CONFIG, workDays: [1, 2, 3, 4, 5, 6, 7], templates: ['Call {deal}'] };
    expect(parseConfig(serializeConfig(config))).toEqual({ config, warnings: [] });
  });
});

describe('LIMITS: the bounds written once', () => {
  it.each(Object.entries(LIMITS))('%s: the schema takes %o and refuses one past either end', (field, { min, max }) => {
    for (const value of [min, max]) expect(parseConfig({ [field]: value }).warnings).toEqual([]);
    for (const value of [min - 1, max + 1])
      expect(parseConfig({ [field]: value }).warnings).toEqual([{ code: 'field', field }]);
  });
});
