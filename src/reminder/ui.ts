/**
 * reminder.js: the reminder's dialog, built into its own AMD module that script.js loads through the page's
 * RequireJS only when there is something to show (reminder/showReminder.ts). Preact, the dialog, the task form and
 * their style sheet weigh on no page where the manager has nothing to do.
 */
import { h } from 'preact';
import { injectStyle } from '../host/mount';
import { mountView } from '../host/mountView';
import type { ReminderUi } from './lazy';
import { ReminderView } from './ReminderView';
import { REMINDER_CSS } from './styles';

const reminderUi: ReminderUi = {
  showReminder(props, root) {
    const style = injectStyle('reminder', REMINDER_CSS);
    const unmount = mountView(h(ReminderView, props), root);
    return () => {
      unmount();
      style();
    };
  },
};

export default reminderUi;
