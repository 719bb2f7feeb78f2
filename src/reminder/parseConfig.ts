/**
 * Reads a stored policy with valibot, field by field: the one place that validates it. The bounds of the number
 * fields come from `LIMITS` (config.ts), the same table the settings form's inputs use.
 */
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
import {
  DEFAULT_CONFIG,
  LIMITS,
  minutesOf,
  type Config,
  type ConfigWarning,
  type NumberField,
  type ParsedConfig,
} from './config';

const int = (min: number, max: number) => pipe(number(), integer(), minValue(min), maxValue(max));
const id = int(1, Number.MAX_SAFE_INTEGER);
const bounded = (field: NumberField) => int(LIMITS[field].min, LIMITS[field].max);

// One schema per field, so a single bad value falls back to its default instead of discarding the whole policy.
const FIELDS: { [K in keyof Config]: GenericSchema<unknown, Config[K]> } = {
  stages: nullable(record(pipe(string(), regex(/^\d+$/)), array(id))),
  excludedUsers: array(id),
  includeAdmins: boolean(),
  mode: picklist(['gentle', 'strict']),
  snoozeMinutes: bounded('snoozeMinutes'),
  maxSnoozes: bounded('maxSnoozes'),
  graceMinutes: bounded('graceMinutes'),
  intervalMinutes: bounded('intervalMinutes'),
  workDays: array(int(1, 7)),
  workStart: pipe(string(), regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  workEnd: pipe(string(), regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/)),
  overdueIsNoTask: boolean(),
  horizonDays: bounded('horizonDays'),
  linkedTasksCount: boolean(),
  emergencyDismiss: boolean(),
  templates: array(pipe(string(), maxLength(1000))),
};

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
