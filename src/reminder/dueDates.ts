import { minutesOf, type Config } from './config';
import { addDays, wallTime, weekdayOf, zonedInstant } from './workingHours';

/** The due-time choices of the task form. */
export type DuePreset = 'today' | 'tomorrow' | 'twoDays' | 'custom';

export interface DueOption {
  preset: Exclude<DuePreset, 'custom'>;
  /** The instant (ms). */
  at: number;
}

/** Morning tasks go to 10:00, or to the start of the day when it starts later. */
const MORNING = 10 * 60;
/** "Today" is offered while at least this much of the working day is left. */
const MIN_LEFT_TODAY = 30;

/** The working day `n` working days after today (n >= 1), as a date. */
const workingDayAfter = (config: Config, timeZone: string, now: number, n: number) => {
  const today = wallTime(now, timeZone);
  const days = config.workDays.length ? config.workDays : [1, 2, 3, 4, 5, 6, 7];
  let found = 0;
  for (let offset = 1; offset <= 14 * n + 7; offset += 1) {
    const date = addDays(today.year, today.month, today.day, offset);
    if (days.includes(weekdayOf(date.year, date.month, date.day)) && ++found === n) return date;
  }
  return addDays(today.year, today.month, today.day, n);
};

/**
 * The presets inside working hours: "today by the end of the working day" (while enough of it is left),
 * "next working day 10:00", "in 2 working days 10:00".
 */
export const dueOptions = (now: number, config: Config, timeZone: string): DueOption[] => {
  const options: DueOption[] = [];
  const today = wallTime(now, timeZone);
  const start = minutesOf(config.workStart);
  // 24:00 means the end of the day; amoCRM's own "end of day" is 23:59.
  const end = Math.min(minutesOf(config.workEnd), 23 * 60 + 59);
  const current = today.hour * 60 + today.minute;
  if (config.workDays.includes(today.weekday) && end - current >= MIN_LEFT_TODAY) {
    options.push({ preset: 'today', at: zonedInstant(today.year, today.month, today.day, end, timeZone) });
  }
  const morning = Math.min(Math.max(MORNING, start), end);
  for (const [preset, n] of [
    ['tomorrow', 1],
    ['twoDays', 2],
  ] as const) {
    const date = workingDayAfter(config, timeZone, now, n);
    options.push({ preset, at: zonedInstant(date.year, date.month, date.day, morning, timeZone) });
  }
  return options;
};

/** `YYYY-MM-DDTHH:MM` of an instant in the zone, for the custom `datetime-local` input. */
export const toLocalInput = (ms: number, timeZone: string): string => {
  const w = wallTime(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
};

/** The instant of a `datetime-local` value read as account time; `undefined` when it is not a date. */
export const fromLocalInput = (value: string, timeZone: string): number | undefined => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return zonedInstant(y, mo, d, h * 60 + mi, timeZone);
};
