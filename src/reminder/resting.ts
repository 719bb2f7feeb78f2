import type { Observable } from '../observable';
import type { Config } from './config';
import { nextWorkingStart } from './workingHours';

/**
 * Why the reminder shows nothing to this user now, and when it looks again: a newcomer who opens amoCRM at night
 * sees no reminder, and the widget's page has to say why rather than leave them guessing.
 */
export type ReminderRest =
  | { kind: 'notWatched' }
  | { kind: 'noWorkingDays' }
  | { kind: 'offHours'; next: number }
  | { kind: 'paused'; until: number }
  | { kind: 'snoozed'; until: number }
  | { kind: 'failed'; next: number }
  | { kind: 'waiting' }
  | { kind: 'nothing'; next: number }
  | { kind: 'showing'; count: number; next: number };

/** What the reminder knows of itself, as plain values. */
export interface RestInput {
  watched: boolean;
  now: number;
  config: Config;
  timezone: string;
  /** When the last check ended (0: none yet in this browser). */
  checkedAt: number;
  deals: number;
  failed: boolean;
  /** Until when the API client refuses calls after a 429 or a block (0: free). */
  pausedUntil: number;
  snoozedUntil: number;
}

/** The one reason that matters most to the user, in the order it would keep the dialog away. */
export const restOf = (input: RestInput): ReminderRest => {
  const { now, config } = input;
  if (!input.watched) return { kind: 'notWatched' };
  const start = nextWorkingStart(now, config, input.timezone);
  if (start === undefined) return { kind: 'noWorkingDays' };
  if (start > now) return { kind: 'offHours', next: start };
  if (input.pausedUntil > now) return { kind: 'paused', until: input.pausedUntil };
  if (input.snoozedUntil > now && input.deals > 0) return { kind: 'snoozed', until: input.snoozedUntil };
  const next = Math.max(now, input.checkedAt + config.intervalMinutes * 60_000);
  if (input.failed) return { kind: 'failed', next };
  if (!input.checkedAt) return { kind: 'waiting' };
  if (input.deals === 0) return { kind: 'nothing', next };
  return { kind: 'showing', count: input.deals, next };
};

/** How the reminder tells the admin's page why it rests: a value and its changes. */
export type RestSource = Observable<ReminderRest>;
