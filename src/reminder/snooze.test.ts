import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { afterEmergency, dayOf, hiddenAfterFailure, snoozed, todays } from './snooze';

// 09:00 in Moscow (UTC+3).
const NOW = Date.parse('2026-11-26T06:00:00Z');
const ZONE = 'Europe/Moscow';

describe('snooze bookkeeping', () => {
  it("keeps today's record and starts a new one on a new day", () => {
    const today = { day: dayOf(NOW, ZONE), count: 2, until: NOW + 1 };
    expect(todays(today, NOW, ZONE)).toBe(today);
    expect(todays({ ...today, day: '2026-11-25' }, NOW, ZONE)).toEqual({ day: today.day, count: 0, until: 0 });
    expect(todays(undefined, NOW, ZONE).count).toBe(0);
  });

  it('counts a closing and rests for the snooze', () => {
    const next = snoozed({ day: 'd', count: 1, until: 0 }, NOW, DEFAULT_CONFIG);
    expect(next).toEqual({ day: 'd', count: 2, until: NOW + DEFAULT_CONFIG.snoozeMinutes * 60_000 });
  });

  it('hides a failed check until the next check is due', () => {
    expect(hiddenAfterFailure(NOW, DEFAULT_CONFIG)).toBe(NOW + DEFAULT_CONFIG.intervalMinutes * 60_000);
  });

  it('rests after an emergency dismiss until the end of the working day, not counting a snooze', () => {
    const record = afterEmergency({ day: 'd', count: 1, until: 0 }, NOW, DEFAULT_CONFIG, ZONE);
    // 19:00 in Moscow is 16:00 UTC.
    expect(record).toEqual({ day: 'd', count: 1, until: Date.parse('2026-11-26T16:00:00Z') });
    const late = Date.parse('2026-11-26T15:50:00Z');
    expect(afterEmergency({ day: 'd', count: 0, until: 0 }, late, DEFAULT_CONFIG, ZONE).until).toBe(
      late + DEFAULT_CONFIG.snoozeMinutes * 60_000,
    );
  });
});
