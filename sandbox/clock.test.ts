// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClock, pageClockScript, parseAt, wallClock } from './clock';
import { createSandbox } from './server';

describe('sandbox clock', () => {
  it("reads --at as the account's wall clock, or as given with an offset", () => {
    expect(parseAt('2026-12-02T11:00', 'Europe/Moscow')).toBe(Date.parse('2026-12-02T08:00:00Z'));
    expect(parseAt('2026-12-02', 'Europe/Moscow')).toBe(Date.parse('2026-12-01T21:00:00Z'));
    expect(parseAt('2026-07-01T11:00', 'Europe/Berlin')).toBe(Date.parse('2026-07-01T09:00:00Z'));
    expect(parseAt('2026-12-02T11:00+05:00', 'Europe/Moscow')).toBe(Date.parse('2026-12-02T06:00:00Z'));
    expect(parseAt('tomorrow', 'Europe/Moscow')).toBeUndefined();
    expect(wallClock(Date.parse('2026-12-02T08:00:00Z'), 'Europe/Moscow')).toBe('2026-12-02T11:00');
  });

  it('shifts the clock by its offset', () => {
    const clock = createClock(3_600_000, () => 1_000);
    expect(clock.now()).toBe(3_601_000);
    clock.offsetMs = 0;
    expect(clock.now()).toBe(1_000);
  });

  it("shifts the page's Date and Date.now, leaving explicit dates alone", () => {
    const fake = { Date } as { Date: DateConstructor };
    new Function('window', pageClockScript(86_400_000))(fake);
    const Shifted = fake.Date;
    expect(Shifted.now() - Date.now()).toBeGreaterThan(86_400_000 - 1_000);
    expect(new Shifted().getTime() - Date.now()).toBeGreaterThan(86_400_000 - 1_000);
    expect(new Shifted(0).getTime()).toBe(0);
    expect(new Shifted() instanceof Date).toBe(true);
    expect(pageClockScript(0)).toBe('');
  });

  it('starts the API at --at: the seed and the store agree on "now"', () => {
    const sandbox = createSandbox({ at: '2026-12-02T11:00', deals: 20, managers: 2 });
    expect(Math.abs(sandbox.store.now - Date.parse('2026-12-02T08:00:00Z') / 1000)).toBeLessThan(60);
    expect(Math.abs(sandbox.store.data.account.createdAt - (sandbox.store.now - 400 * 86_400))).toBeLessThan(60);
  });
});
