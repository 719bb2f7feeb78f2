import { describe, expect, it } from 'vitest';
import type { Caller } from './caller';
import { busiest, createTrafficMeter, levelOf } from './traffic';

const sync: Caller = { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' };
const page: Caller = { kind: 'page' };

describe('traffic', () => {
  it('finds the busiest one-second window, not the busiest calendar second', () => {
    // Five calls at the end of one second and five at the start of the next: ten within one second.
    const times = [900, 920, 940, 960, 980, 1000, 1020, 1040, 1060, 1080, 3000];
    expect(busiest(times)).toBe(10);
    expect(busiest([])).toBe(0);
  });

  it.each([
    [4, 'ok'],
    [5, 'near'],
    [7, 'near'],
    [8, 'over'],
  ])('flags a peak of %i per second as %s', (peak, level) => expect(levelOf(peak)).toBe(level));

  it('counts calls and failures per caller over one and five minutes, the busiest first', () => {
    const meter = createTrafficMeter();
    const now = 10 * 60_000;
    for (let i = 0; i < 10; i += 1) meter.call(sync, now - 2000 + i * 100);
    meter.failure(sync, now - 1000);
    for (let i = 0; i < 3; i += 1) meter.call(page, now - 3 * 60_000 + i * 2000);
    meter.call(page, now - 6 * 60_000);
    const rows = meter.rows(now);
    expect(rows.map((r) => [r.key, r.calls1m, r.failures1m, r.calls5m, r.failures5m, r.peak, r.level])).toEqual([
      ['widget:lead_sync', 10, 1, 10, 1, 10, 'over'],
      ['page', 0, 0, 3, 0, 1, 'ok'],
    ]);
  });
});
