import { minutesOf, type Config } from './config';
import { zonedDateFormat } from './zonedDateFormat';

/** A wall-clock moment in some time zone; weekday is ISO (1 = Monday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

// Parts in en-US with a 23-hour clock: numbers to read, whatever the user's language.
const formatter = (timeZone: string): Intl.DateTimeFormat =>
  zonedDateFormat('wall', 'en-US', timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });

/** ISO weekday of a calendar date (no time zone involved). */
export const weekdayOf = (year: number, month: number, day: number): number =>
  ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;

/** The wall clock in `timeZone` at the instant `ms` (no date library: Intl knows the zones). */
export const wallTime = (ms: number, timeZone: string): WallTime => {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return { year, month, day, weekday: weekdayOf(year, month, day), hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
};

/** The instant at which the wall clock in `timeZone` shows the given date and minutes since midnight. */
export const zonedInstant = (year: number, month: number, day: number, minutes: number, timeZone: string): number => {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (ms: number) => {
    const w = wallTime(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000;
  };
  const first = guess - offsetAt(guess);
  // A second pass settles the offset when the first guess fell on the other side of a DST switch.
  return guess - offsetAt(first);
};

/** The calendar date `days` after the given one. */
export const addDays = (
  year: number,
  month: number,
  day: number,
  days: number,
): { year: number; month: number; day: number } => {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

/** True within the configured working days and hours, in the account's time zone. */
export const isWorkingTime = (ms: number, config: Config, timeZone: string): boolean => {
  const now = wallTime(ms, timeZone);
  if (!config.workDays.includes(now.weekday)) return false;
  const minute = now.hour * 60 + now.minute;
  return minute >= minutesOf(config.workStart) && minute < minutesOf(config.workEnd);
};

/**
 * The next instant working hours begin, at or after `ms` (`ms` itself when they already run); undefined when the
 * policy has no working day at all.
 */
export const nextWorkingStart = (ms: number, config: Config, timeZone: string): number | undefined => {
  if (isWorkingTime(ms, config, timeZone)) return ms;
  const today = wallTime(ms, timeZone);
  for (let days = 0; days <= 7; days += 1) {
    const date = addDays(today.year, today.month, today.day, days);
    if (!config.workDays.includes(weekdayOf(date.year, date.month, date.day))) continue;
    const start = zonedInstant(date.year, date.month, date.day, minutesOf(config.workStart), timeZone);
    if (start > ms) return start;
  }
  return undefined;
};
