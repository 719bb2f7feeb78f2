/**
 * The reminder's part of admin.js: the settings form (the settings modal's custom field) and the team report (the
 * advanced settings page), each with its style sheets, and the reads they make (scan.ts): script.js carries none. src/admin.ts assembles it with the inspector's part.
 */
import { h } from 'preact';
import { injectStyle } from '../host/mount';
import { mountView } from '../host/mountView';
import { explainFailure } from '../inspector/explainFailure';
import type { Undo } from '../undo';
import type { ReminderAdmin } from './lazy';
import { SettingsForm } from './settings/SettingsForm';
import { SETTINGS_CSS } from './settings/styles';
import { TeamReport } from './settings/TeamReport';
import { loadStages, scan } from './scan';
import { REMINDER_CSS } from './styles';

/** Draws `view` with the reminder's shared buttons and fields and the settings' own look; one undo takes all away. */
const drawn = (root: HTMLElement, view: Parameters<typeof mountView>[0]): Undo => {
  // Its own id: admin.js counts the users of its sheets apart from reminder.js.
  const shared = injectStyle('reminder-admin', REMINDER_CSS);
  const own = injectStyle('settings', SETTINGS_CSS);
  const unmount = mountView(view, root);
  return () => {
    unmount();
    own();
    shared();
  };
};

export const reminderAdmin: ReminderAdmin = {
  settingsForm: (root, { api, ...props }) =>
    drawn(root, h(SettingsForm, { ...props, loadStages: () => loadStages(api) })),
  teamReport: (root, props) => drawn(root, h(TeamReport, { ...props, run: scan })),
  explainFailure,
};
