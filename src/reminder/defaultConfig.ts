import type { Config } from './config';

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
