import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { restOf, type RestInput } from './resting';
import { nextWorkingStart } from './workingHours';

const MOSCOW = 'Europe/Moscow';
// Wednesday 2026-12-02, 11:00 in Moscow (UTC+3).
const WORKING = Date.parse('2026-12-02T08:00:00Z');
// The same Wednesday at 23:00 in Moscow.
const NIGHT = Date.parse('2026-12-02T20:00:00Z');
const config = { ...DEFAULT_CONFIG, workDays: [...DEFAULT_CONFIG.workDays], templates: [], excludedUsers: [] };

const input = (patch: Partial<RestInput> = {}): RestInput => ({
  watched: true,
  now: WORKING,
  config,
  timezone: MOSCOW,
  checkedAt: WORKING - 60_000,
  deals: 0,
  failed: false,
  pausedUntil: 0,
  snoozedUntil: 0,
  ...patch,
});

describe('restOf: why the reminder shows nothing now, and when it looks again', () => {
  it.each<[string, Partial<RestInput>, unknown]>([
    ['not watched', { watched: false }, { kind: 'notWatched' }],
    ['no working day at all', { config: { ...config, workDays: [] } }, { kind: 'noWorkingDays' }],
    // 23:00 on Wednesday: the next start is Thursday 09:00 Moscow = 06:00 UTC.
    ['at night', { now: NIGHT }, { kind: 'offHours', next: Date.parse('2026-12-03T06:00:00Z') }],
    ['paused after a block', { pausedUntil: WORKING + 900_000 }, { kind: 'paused', until: WORKING + 900_000 }],
    ['snoozed', { deals: 2, snoozedUntil: WORKING + 60_000 }, { kind: 'snoozed', until: WORKING + 60_000 }],
    ['a failed check', { failed: true }, { kind: 'failed', next: WORKING - 60_000 + 5 * 60_000 }],
    ['no check yet', { checkedAt: 0 }, { kind: 'waiting' }],
    ['nothing to show', {}, { kind: 'nothing', next: WORKING - 60_000 + 5 * 60_000 }],
    ['deals to show', { deals: 3 }, { kind: 'showing', count: 3, next: WORKING - 60_000 + 5 * 60_000 }],
  ])('%s', (_case, patch, expected) => {
    expect(restOf(input(patch))).toEqual(expected);
  });
});

describe('nextWorkingStart', () => {
  it.each([
    ['inside working hours: now', WORKING, WORKING],
    ['Friday night: Monday 09:00', Date.parse('2026-12-04T20:00:00Z'), Date.parse('2026-12-07T06:00:00Z')],
    ['early morning: today 09:00', Date.parse('2026-12-02T03:00:00Z'), Date.parse('2026-12-02T06:00:00Z')],
  ])('%s', (_case, now, expected) => {
    expect(nextWorkingStart(now, config, MOSCOW)).toBe(expected);
  });
});
