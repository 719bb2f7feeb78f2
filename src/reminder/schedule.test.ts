import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realClock } from '../host/clock';
import { DEFAULT_CONFIG } from './config';
import { createSchedule, type CheckKind } from './schedule';
import { isWorkingTime, nextWorkingStart } from './workingHours';

const MIN = 60_000;

describe('schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Thursday 2026-11-26 08:50 Moscow (05:50 UTC): ten minutes before the working day.
    vi.setSystemTime(Date.parse('2026-11-26T05:50:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const setup = (runTime = 0) => {
    const runs: { kind: CheckKind; at: string }[] = [];
    const offHours = vi.fn();
    const schedule = createSchedule({
      intervalMs: 5 * MIN,
      quickGapMs: 10_000,
      clock: realClock,
      isWorkingTime: (now) => isWorkingTime(now, DEFAULT_CONFIG, 'Europe/Moscow'),
      offHours,
      run: async (kind) => {
        runs.push({ kind, at: new Date().toISOString().slice(11, 16) });
        if (runTime) await new Promise((resolve) => setTimeout(resolve, runTime));
      },
    });
    return { runs, offHours, schedule };
  };

  it('checks only within working hours, every five minutes', async () => {
    const { runs, offHours, schedule } = setup();
    schedule.start();
    expect(runs).toEqual([]);
    expect(offHours).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(runs.map((r) => r.at)).toEqual(['06:00', '06:05', '06:10']);
    // Working day ends at 19:00 Moscow = 16:00 UTC.
    await vi.advanceTimersByTimeAsync(10 * 60 * MIN);
    expect(runs.at(-1)?.at).toBe('15:55');
    schedule.stop();
  });

  it('starts the working day at a random moment, not every page at 09:00:00', async () => {
    // Two pages opened at 08:50 and 08:55 (their five-minute ticks meet at 09:00), with different jitters.
    const firsts: string[] = [];
    for (const [opened, jitter] of [
      ['2026-11-26T05:50:00Z', 137_000],
      ['2026-11-26T05:55:00Z', 41_000],
    ] as const) {
      vi.setSystemTime(Date.parse(opened));
      const runs: string[] = [];
      const schedule = createSchedule({
        intervalMs: 5 * MIN,
        clock: realClock,
        isWorkingTime: (now) => isWorkingTime(now, DEFAULT_CONFIG, 'Europe/Moscow'),
        nextStart: (now) => nextWorkingStart(now, DEFAULT_CONFIG, 'Europe/Moscow'),
        jitterMs: () => jitter,
        run: async () => void runs.push(new Date().toISOString().slice(11, 19)),
      });
      schedule.start();
      await vi.advanceTimersByTimeAsync(20 * MIN);
      schedule.stop();
      firsts.push(runs[0] ?? 'none');
    }
    expect(firsts).toEqual(['06:02:17', '06:00:41']);
  });

  it('merges requests that arrive during a check into one follow-up, full winning', async () => {
    vi.setSystemTime(Date.parse('2026-11-26T07:00:00Z'));
    const { runs, schedule } = setup(1000);
    schedule.start();
    schedule.request('quick');
    schedule.request('quick');
    schedule.request('full');
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs.map((r) => r.kind)).toEqual(['full', 'full']);
    schedule.stop();
  });

  it('drops quick checks that come too close together (navigation bursts)', async () => {
    vi.setSystemTime(Date.parse('2026-11-26T07:00:00Z'));
    const { runs, schedule } = setup();
    schedule.start();
    await vi.advanceTimersByTimeAsync(1000);
    schedule.request('quick');
    schedule.request('quick');
    await vi.advanceTimersByTimeAsync(20_000);
    schedule.request('quick');
    schedule.request('quick');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((r) => r.kind)).toEqual(['full', 'quick', 'quick']);
    schedule.stop();
  });

  it('survives a failing check and stops for good', async () => {
    vi.setSystemTime(Date.parse('2026-11-26T07:00:00Z'));
    let calls = 0;
    const schedule = createSchedule({
      intervalMs: MIN,
      clock: realClock,
      isWorkingTime: () => true,
      run: async () => {
        calls += 1;
        throw new Error('offline');
      },
    });
    schedule.start();
    await vi.advanceTimersByTimeAsync(3 * MIN);
    expect(calls).toBe(4);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(10 * MIN);
    expect(calls).toBe(4);
  });
});
