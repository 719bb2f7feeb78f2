import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from './config';
import { dueOptions, fromLocalInput, toLocalInput } from './dueDates';
import { isWorkingTime, wallTime, zonedInstant } from './workingHours';
import { formatWhen } from './format';

const config = (patch: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, ...patch });
const always = config({ workDays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00' });

describe('working hours in the account time zone', () => {
  // 2026-11-26 is a Thursday; 2026-11-28 a Saturday.
  it.each([
    ['Thursday 08:59 Moscow', '2026-11-26T05:59:00Z', 'Europe/Moscow', DEFAULT_CONFIG, false],
    ['Thursday 09:00 Moscow', '2026-11-26T06:00:00Z', 'Europe/Moscow', DEFAULT_CONFIG, true],
    ['Thursday 18:59 Moscow', '2026-11-26T15:59:00Z', 'Europe/Moscow', DEFAULT_CONFIG, true],
    ['Thursday 19:00 Moscow', '2026-11-26T16:00:00Z', 'Europe/Moscow', DEFAULT_CONFIG, false],
    [
      'Thursday 10:00 UTC but 03:00 in Los Angeles',
      '2026-11-26T11:00:00Z',
      'America/Los_Angeles',
      DEFAULT_CONFIG,
      false,
    ],
    ['Friday 23:30 UTC is Saturday in Tokyo', '2026-11-27T23:30:00Z', 'Asia/Tokyo', DEFAULT_CONFIG, false],
    ['Saturday noon', '2026-11-28T12:00:00Z', 'UTC', DEFAULT_CONFIG, false],
    ['Saturday noon when Saturday is a working day', '2026-11-28T12:00:00Z', 'UTC', config({ workDays: [6] }), true],
    ['Sunday 03:00 with "always"', '2026-11-29T03:00:00Z', 'UTC', always, true],
    ['Sunday 23:59 with "always"', '2026-11-29T23:59:00Z', 'UTC', always, true],
    ['an unknown zone falls back to UTC', '2026-11-26T10:00:00Z', 'Mars/Olympus', DEFAULT_CONFIG, true],
  ])('%s', (_name, iso, zone, cfg, expected) => {
    expect(isWorkingTime(Date.parse(iso), cfg, zone)).toBe(expected);
  });

  it('finds the instant of a wall time across a DST switch', () => {
    // Berlin: CET (+1) in November, CEST (+2) in July.
    expect(new Date(zonedInstant(2026, 11, 26, 10 * 60, 'Europe/Berlin')).toISOString()).toBe(
      '2026-11-26T09:00:00.000Z',
    );
    expect(new Date(zonedInstant(2026, 7, 1, 10 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallTime(Date.parse('2026-07-01T08:00:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 10, weekday: 3 });
  });
});

describe('due presets', () => {
  const zone = 'Europe/Moscow';
  const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

  it('offers today by the end of the working day, the next working morning and two working days on', () => {
    // Thursday 12:00 Moscow.
    const options = dueOptions(Date.parse('2026-11-26T09:00:00Z'), DEFAULT_CONFIG, zone);
    expect(options.map((o) => [o.preset, iso(o.at)])).toEqual([
      ['today', '2026-11-26T16:00:00.000Z'],
      ['tomorrow', '2026-11-27T07:00:00.000Z'],
      ['twoDays', '2026-11-30T07:00:00.000Z'],
    ]);
  });

  it('skips "today" late in the day and jumps over the weekend', () => {
    // Friday 18:45 Moscow.
    const options = dueOptions(Date.parse('2026-11-27T15:45:00Z'), DEFAULT_CONFIG, zone);
    expect(options.map((o) => [o.preset, iso(o.at)])).toEqual([
      ['tomorrow', '2026-11-30T07:00:00.000Z'],
      ['twoDays', '2026-12-01T07:00:00.000Z'],
    ]);
  });

  it('starts the morning preset with a late working day', () => {
    const options = dueOptions(Date.parse('2026-11-26T09:00:00Z'), config({ workStart: '11:30' }), 'UTC');
    expect(iso(options.find((o) => o.preset === 'tomorrow')?.at)).toBe('2026-11-27T11:30:00.000Z');
  });

  it('reads and writes the custom date in account time', () => {
    const at = fromLocalInput('2026-12-01T15:30', zone);
    expect(iso(at)).toBe('2026-12-01T12:30:00.000Z');
    expect(toLocalInput(at ?? 0, zone)).toBe('2026-12-01T15:30');
    expect(fromLocalInput('tomorrow', zone)).toBeUndefined();
  });
});

describe('zoned date formats', () => {
  it('keep the engine clock and the shown dates apart, and read an unknown zone as UTC', () => {
    const at = Date.parse('2026-11-27T07:00:00Z');
    // Same language and zone, two formats: the cache must not hand one out for the other.
    expect(wallTime(at, 'Europe/Moscow')).toMatchObject({ day: 27, hour: 10, minute: 0 });
    expect(formatWhen(at, 'en-US', 'Europe/Moscow')).toMatch(/Fri.*10:00/);
    expect(formatWhen(at, 'en-US', 'Mars/Olympus')).toBe(formatWhen(at, 'en-US', 'UTC'));
  });
});
