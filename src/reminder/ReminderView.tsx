import { useEffect, useState } from 'preact/hooks';
import { ReminderDialog, type ReminderDialogProps } from './ReminderDialog';
import type { Store } from './store';

/** What the dialog needs beyond the store's state: the runtime's callbacks and fixed values. */
export type ReminderViewProps<S> = {
  store: Store<S>;
  /** Maps the state to the dialog's props, or to nothing when the dialog is not to be shown. */
  select(state: S): ReminderDialogProps | undefined;
};

/** Subscribes to the runtime's store and shows the dialog while there is something to show. */
export const ReminderView = <S,>({ store, select }: ReminderViewProps<S>) => {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const undo = store.subscribe(setState);
    // Preact runs effects after paint: a change that came in between (another tab's answer) is picked up here.
    setState(store.get());
    return undo;
  }, [store]);
  const props = select(state);
  return props ? <ReminderDialog {...props} /> : null;
};
