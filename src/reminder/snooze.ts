/**
 * Snooze bookkeeping: closings per day, shared by the tabs (the limit holds however many tabs are open), and the
 * arithmetic of how long a snooze, a close after a failed check and an emergency dismiss last. Pure.
 */
import { minutesOf, type Config } from './config';
import { wallTime, zonedInstant } from './workingHours';

/** Closings per day, shared by the tabs. */
export interface SnoozeRecord {
  day: string;
  count: number;
  until: number;
}

/** The account's calendar day of `now`, as the record names it. */
export const dayOf = (now: number, timezone: string): string => {
  const w = wallTime(now, timezone);
  return `${w.year}-${w.month}-${w.day}`;
};

/** Today's record: the stored one if it is today's, else a fresh one (a new day brings the snoozes back). */
export const todays = (stored: SnoozeRecord | undefined, now: number, timezone: string): SnoozeRecord => {
  const day = dayOf(now, timezone);
  return stored && stored.day === day ? stored : { day, count: 0, until: 0 };
};

/** One more closing of the gentle reminder: it counts, and the dialog rests for the snooze. */
export const snoozed = (record: SnoozeRecord, now: number, config: Config): SnoozeRecord => ({
  ...record,
  count: record.count + 1,
  until: now + config.snoozeMinutes * 60_000,
});

/** A close after a failed check hides the dialog in this tab until the next check is due. */
export const hiddenAfterFailure = (now: number, config: Config): number => now + config.intervalMinutes * 60_000;

/**
 * An emergency dismiss rests the reminder until the end of today's working hours (at least one snooze), without
 * counting as a snooze.
 */
export const afterEmergency = (record: SnoozeRecord, now: number, config: Config, timezone: string): SnoozeRecord => {
  const today = wallTime(now, timezone);
  const until = zonedInstant(today.year, today.month, today.day, minutesOf(config.workEnd), timezone);
  return { ...record, until: Math.max(until, now + config.snoozeMinutes * 60_000) };
};
