import {
  array,
  boolean,
  integer,
  maxLength,
  maxValue,
  minValue,
  nullable,
  number,
  picklist,
  pipe,
  record,
  regex,
  safeParse,
  string,
  type GenericSchema,
} from 'valibot';
import { DEFAULT_CONFIG } from './defaultConfig';

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

// In its own module: the settings form (admin.js) needs the defaults without the validators below.
export { DEFAULT_CONFIG };

const int = (min: number, max: number) => pipe(number(), integer(), minValue(min), maxValue(max));
const id = int(1, Number.MAX_SAFE_INTEGER);

// One schema per field, so a single bad value falls back to its default instead of discarding the whole policy.
const FIELDS: { [K in keyof Config]: GenericSchema<unknown, Config[K]> } = {
  stages: nullable(record(pipe(string(), regex(/^\d+$/)), array(id))),
  excludedUsers: array(id),
  includeAdmins: boolean(),
  mode: picklist(['gentle', 'strict']),
  snoozeMinutes: int(1, 24 * 60),
  maxSnoozes: int(0, 50),
  graceMinutes: int(0, 30 * 24 * 60),
  intervalMinutes: int(1, 24 * 60),
  workDays: array(int(1, 7)),
  workStart: pipe(string(), regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  workEnd: pipe(string(), regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)),
  overdueIsNoTask: boolean(),
  horizonDays: int(0, 3650),
  linkedTasksCount: boolean(),
  emergencyDismiss: boolean(),
  templates: array(pipe(string(), maxLength(1000))),
};

/** Why the stored value was not taken as it is; the settings form shows these to the admin. */
export type ConfigWarning = { code: 'empty' } | { code: 'malformed' } | { code: 'field'; field: keyof Config };

export interface ParsedConfig {
  config: Config;
  warnings: ConfigWarning[];
}

/** Minutes since midnight of an `HH:MM` string (already validated). */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const fresh = (): Config => ({
  ...DEFAULT_CONFIG,
  excludedUsers: [],
  workDays: [...DEFAULT_CONFIG.workDays],
  templates: [],
});

/**
 * Reads the custom field's value (a JSON string, an already parsed object, or nothing). Never throws: empty or
 * malformed input gives the defaults, a bad field gives that field's default, each with a warning for the admin.
 */
export const parseConfig = (raw: unknown): ParsedConfig => {
  const config = fresh();
  let value: unknown = raw;
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { config, warnings: [{ code: 'empty' }] };
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { config, warnings: [{ code: 'malformed' }] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config, warnings: [{ code: 'malformed' }] };
  }
  const input = value as Record<string, unknown>;
  const warnings: ConfigWarning[] = [];
  const target = config as unknown as Record<string, unknown>;
  for (const field of Object.keys(FIELDS) as (keyof Config)[]) {
    if (!(field in input)) continue;
    const result = safeParse(FIELDS[field], input[field]);
    if (result.success) target[field] = result.output;
    else warnings.push({ code: 'field', field });
  }
  // Cross-field rules: a working day that ends before it starts would never let the reminder show.
  if (minutesOf(config.workEnd) <= minutesOf(config.workStart)) {
    config.workStart = DEFAULT_CONFIG.workStart;
    config.workEnd = DEFAULT_CONFIG.workEnd;
    warnings.push({ code: 'field', field: 'workEnd' });
  }
  config.workDays = [...new Set(config.workDays)].sort((a, b) => a - b);
  return { config, warnings };
};

/** The value the settings form stores in the custom field. */
export const serializeConfig = (config: Config): string => JSON.stringify(config);
