/**
 * The admin's policy as plain values: its type, the defaults, the bounds of every number and the time arithmetic.
 * No validator here: script.js and the settings form (admin.js) read it; `parseConfig.ts` reads a stored value.
 */

/** How hard the reminder insists: gentle can be closed (snoozed), strict stays while deals remain. */
export type Mode = 'gentle' | 'strict';

/** The admin's policy, stored as JSON in the widget's custom settings field `config`. */
export interface Config {
  /** Watched stages per pipeline id; `null` = every open stage except "unsorted". */
  stages: Record<string, number[]> | null;
  /** Users never reminded. */
  excludedUsers: number[];
  /** Admins are reminded too. */
  includeAdmins: boolean;
  mode: Mode;
  snoozeMinutes: number;
  /** Snoozes (closings) per day in gentle mode; after that the reminder stays. */
  maxSnoozes: number;
  /** Deals younger than this are left alone. */
  graceMinutes: number;
  /** Minutes between full checks. */
  intervalMinutes: number;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday, in the account's time zone. */
  workDays: number[];
  /** `HH:MM`, account time. */
  workStart: string;
  /** `HH:MM` or `24:00`, account time. */
  workEnd: string;
  /** An overdue task counts as no task. */
  overdueIsNoTask: boolean;
  /** A task due further than this many days away does not count; 0 = off. */
  horizonDays: number;
  /** Open tasks on the deal's contacts or companies count for the deal (amoCRM itself says no). */
  linkedTasksCount: boolean;
  /** Strict mode offers an emergency dismiss that leaves a note on every listed deal. */
  emergencyDismiss: boolean;
  /** Task text templates; `{deal}` and `{stage}` are filled in. Empty = the built-in ones. */
  templates: string[];
}

/** The policy of a fresh install; also what any unreadable field of a saved one falls back to. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze({
  stages: null,
  excludedUsers: [],
  includeAdmins: false,
  mode: 'gentle',
  snoozeMinutes: 30,
  maxSnoozes: 3,
  graceMinutes: 30,
  intervalMinutes: 5,
  workDays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '19:00',
  overdueIsNoTask: false,
  horizonDays: 0,
  linkedTasksCount: false,
  emergencyDismiss: false,
  templates: [],
});

/** The number fields of the policy. */
export type NumberField = 'snoozeMinutes' | 'maxSnoozes' | 'graceMinutes' | 'intervalMinutes' | 'horizonDays';

/** The bounds of every number field, written once: the schema (parseConfig.ts) and the settings form both use them. */
export const LIMITS: Readonly<Record<NumberField, { min: number; max: number }>> = {
  snoozeMinutes: { min: 1, max: 24 * 60 },
  maxSnoozes: { min: 0, max: 50 },
  graceMinutes: { min: 0, max: 30 * 24 * 60 },
  intervalMinutes: { min: 1, max: 24 * 60 },
  horizonDays: { min: 0, max: 3650 },
};

/** Why the stored value was not taken as it is; the settings form shows these to the admin. */
export type ConfigWarning = { code: 'empty' } | { code: 'malformed' } | { code: 'field'; field: keyof Config };

export interface ParsedConfig {
  config: Config;
  warnings: ConfigWarning[];
}

/** Minutes since midnight of an `HH:MM` string (already validated). */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
