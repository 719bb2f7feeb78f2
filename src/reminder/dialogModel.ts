/**
 * The dialog's rules as a pure function of the reminder's state: whether it shows, whether it can be closed, how
 * many snoozes are left, which notice it carries and whether the emergency dismiss is offered. The runtime decides
 * from it when to load the dialog (reminder.js); the view decides from it what to draw.
 */
import { ApiError } from '../host/api';
import type { Translate } from '../i18n';
import type { Config } from './config';
import type { DialogRules } from './ReminderDialog';
import type { FlaggedDeal } from './scan';
import type { SnoozeRecord } from './snooze';

/** Why the last check failed; the reminder never locks anyone out over it. */
export type CheckFailure = 'blocked' | 'offline' | 'failed';

/** What the reminder knows this moment, in this tab. */
export interface ViewState {
  deals: FlaggedDeal[];
  failure: CheckFailure | undefined;
  working: boolean;
  area: string;
  pagePath: string;
  /** The widget's settings modal is open on this page. */
  settingsOpen: boolean;
  now: number;
  /** When the last check's answer arrived (0: none yet). */
  checkedAt: number;
  /** This tab only: closed after a failed check, until then. */
  hiddenUntil: number;
  snooze: SnoozeRecord;
}

/** Areas of the settings pages (GitHub `biradrags/amo-docs`, `amocrm_docs_md/web_sdk/env_variables.md`). */
const QUIET_AREAS = new Set(['widgetsSettings', 'authlog']);

/**
 * Pages the reminder never covers: every settings page (the Integrations page is area `widgetsSettings`, and the
 * admin must always be able to fix the policy or switch the widget off: `requirements.md` §2.2 of the same
 * repository), the widget's own page, and cards being edited.
 */
export const isQuietPage = (area: string, pagePath = ''): boolean =>
  QUIET_AREAS.has(area) ||
  area.startsWith('settings') ||
  area.startsWith('advanced-settings') ||
  area.endsWith('_card') ||
  /^\/settings(\/|$)/.test(pagePath);

/** What a failed check (or task) ran into, as the dialog tells it. */
export const failureOf = (error: unknown): CheckFailure => {
  if (error instanceof ApiError) {
    if (error.failure.kind === 'blocked' || error.failure.kind === 'rate-limited') return 'blocked';
    if (error.failure.kind === 'network') return 'offline';
  }
  return 'failed';
};

/** True while the dialog is to be shown: deals without a task, working hours, a page it may cover, no snooze. */
export const isShown = (state: ViewState): boolean =>
  state.working &&
  state.deals.length > 0 &&
  !state.settingsOpen &&
  !isQuietPage(state.area, state.pagePath) &&
  state.now >= state.hiddenUntil &&
  state.now >= state.snooze.until;

/** The dialog's rules for `state`, or undefined when nothing is to be shown. */
export const dialogRules = (state: ViewState, config: Config, t: Translate): DialogRules | undefined => {
  if (!isShown(state)) return undefined;
  const gentle = config.mode === 'gentle';
  return {
    // A failed check never locks anyone out; gentle mode closes while snoozes are left.
    canClose: state.failure !== undefined || (gentle && state.snooze.count < config.maxSnoozes),
    snoozesLeft: gentle ? Math.max(0, config.maxSnoozes - state.snooze.count) : undefined,
    notice: state.failure ? t(`reminder.notice.${state.failure}`) : undefined,
    // Offered whenever the reminder cannot be closed: strict mode, or gentle with the snoozes used up.
    emergency: config.emergencyDismiss,
  };
};
