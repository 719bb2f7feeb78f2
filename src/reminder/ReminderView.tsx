import type { Observable } from '../observable';
import { useObservable } from '../useObservable';
import { dialogRules, type ViewState } from './dialogModel';
import { ReminderDialog, type ReminderDialogProps } from './ReminderDialog';
import type { ReminderDisplay } from './reminderContext';

/** What the runtime does when the user acts in the dialog. */
export type ReminderActions = Pick<ReminderDialogProps, 'drafts' | 'onClose' | 'onEmergency' | 'create'>;

export interface ReminderViewProps {
  /** The reminder's state in this tab; the view re-reads it on every change. */
  store: Observable<ViewState>;
  /** What does not change while the reminder runs: the user's language and zone, the policy, the choices. */
  display: Omit<ReminderDisplay, 'now'>;
  actions: ReminderActions;
}

/** Shows the dialog while the rules (dialogModel) say there is something to show. */
export const ReminderView = ({ store, display, actions }: ReminderViewProps) => {
  const state = useObservable(store);
  const rules = dialogRules(state, display.config, display.t);
  return rules ? <ReminderDialog {...display} {...rules} {...actions} now={state.now} deals={state.deals} /> : null;
};
