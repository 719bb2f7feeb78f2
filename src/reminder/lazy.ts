/**
 * The reminder's lazy halves, declared beside it: the dialog (reminder.js, loaded only when there is something to
 * show), the checks (checks.js, loaded by the tab that checks) and its part of admin.js (the settings form, the team
 * report, and the catalog's explanation of a rejected task). Types and guards only: the implementations are ui.ts,
 * checksKit.ts and admin.ts of this folder.
 */
import type { Api } from '../host/api';
import type { explainFailure } from '../inspector/explainFailure';
import { hasFunctions } from '../lazy';
import type { Undo } from '../undo';
import type { createChecks } from './checks';
import type { ReminderViewProps } from './ReminderView';
import type { SettingsFormProps } from './settings/SettingsForm';
import type { TeamReportProps } from './settings/TeamReport';

/** The dialog's module beside script.js (`<path>/reminder.js?v=…`). */
export const REMINDER_CHUNK = 'reminder';

/** What reminder.js hands back. */
export interface ReminderUi {
  /** Draws the dialog, which shows and hides itself as the state changes; `root` undefined: on the page's body. */
  showReminder(props: ReminderViewProps, root?: HTMLElement): Undo;
}

export const isReminderUi = hasFunctions<ReminderUi>(['showReminder']);

/** The checks' module beside script.js (`<path>/checks.js?v=…`): what a check reads, loaded by the tab that checks. */
export const CHECKS_CHUNK = 'checks';

/**
 * What checks.js hands back: the engine that reads the account (checks.ts with the replica, the events feed and the
 * full scan). Only the leader tab of a watched manager, in working hours, loads it; other pages never do.
 */
export interface ChecksKit {
  createChecks: typeof createChecks;
}

export const isChecksKit = hasFunctions<ChecksKit>(['createChecks']);

/** What script.js hands the settings form: admin.js reads the stages itself through `api`. */
export type SettingsFieldProps = Omit<SettingsFormProps, 'loadStages'> & { api: Api };

/** What script.js hands the team report: admin.js brings its own scan. */
export type TeamReportInput = Omit<TeamReportProps, 'run'>;

/** The reminder's part of admin.js. */
export interface ReminderAdmin {
  /** The settings modal's custom field. */
  settingsForm(root: HTMLElement, props: SettingsFieldProps): Undo;
  /** The team report on the advanced settings page. */
  teamReport(root: HTMLElement, props: TeamReportInput): Undo;
  /**
   * The error catalog's explanation of a failed call. The reminder asks for it when amoCRM rejects a task, the one
   * time a manager's page loads admin.js: the catalog need not weigh on every page.
   */
  explainFailure: typeof explainFailure;
}

export const REMINDER_ADMIN_ENTRIES = ['settingsForm', 'teamReport', 'explainFailure'] as const;

export const isReminderAdmin = hasFunctions<ReminderAdmin>(REMINDER_ADMIN_ENTRIES);

/** The one piece of admin.js a manager's page asks for: the catalog's explanation of a rejected task. */
export const isExplainer = hasFunctions<Pick<ReminderAdmin, 'explainFailure'>>(['explainFailure']);
