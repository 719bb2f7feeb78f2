/**
 * Brings the dialog (reminder.js) onto the page only when there is something to show: a manager with nothing to do
 * loads nothing more than script.js. Once loaded, the dialog follows the state on its own. If it cannot load, the
 * manager gets a plain localized line with the count instead, and the next change of the state after RETRY_MS (the
 * next check at the latest) tries again; nothing typed is lost, since the drafts live in the runtime.
 */
import { ADMIN_UNAVAILABLE_CSS } from '../drawAdmin';
import type { ComponentChild } from 'preact';
import type { Clock } from '../host/clock';
import { element } from '../host/mount';
import { pluralKey } from '../i18n';
import type { LoadChunk } from '../lazy';
import { safely, type Undo } from '../undo';
import { isShown, type ViewState } from './dialogModel';
import { isReminderUi, REMINDER_CHUNK } from './lazy';
import type { ReminderViewProps } from './ReminderView';

/** How long a failed load of reminder.js waits before the next try. */
export const RETRY_MS = 60_000;

export interface ShowReminderDeps {
  load: LoadChunk;
  clock: Clock;
  /** Draws the static fallback line (host/mount.ts). */
  mount: (vnode: ComponentChild, where?: HTMLElement) => Undo;
  injectStyle: (id: string, css: string) => Undo;
}

/** Watches `props.store`; loads and draws the dialog the first time it is to be shown. Returns the undo. */
export const showReminder = (props: ReminderViewProps, deps: ShowReminderDeps): Undo => {
  const { store, display } = props;
  let shown: Undo | undefined;
  let fallback: Undo | undefined;
  let loading = false;
  let failedAt = -Infinity;
  let stopped = false;

  const dropFallback = () => {
    const undo = fallback;
    fallback = undefined;
    if (undo) safely(undo, undefined);
  };
  const drawFallback = (state: ViewState) => {
    dropFallback();
    const { t, language } = display;
    const count = state.deals.length;
    const deals = t(`reminder.count.${pluralKey(language, count)}`, { count });
    const style = deps.injectStyle('admin', ADMIN_UNAVAILABLE_CSS);
    const line = element(
      'p',
      { class: 'task-guard__unavailable task-guard__unavailable--floating', role: 'alert' },
      t('reminder.unavailable', { deals }),
    );
    const unmount = safely(() => deps.mount(line), undefined);
    fallback = () => {
      unmount?.();
      style();
    };
  };

  const update = () => {
    if (stopped || shown) return;
    const state = store.get();
    if (!isShown(state)) {
      dropFallback();
      return;
    }
    if (fallback) drawFallback(state);
    if (loading || deps.clock.now() - failedAt < RETRY_MS) return;
    loading = true;
    deps.load(REMINDER_CHUNK, isReminderUi).then(
      (ui) => {
        loading = false;
        if (stopped) return;
        dropFallback();
        shown = ui.showReminder(props);
      },
      () => {
        loading = false;
        failedAt = deps.clock.now();
        if (!stopped && isShown(store.get())) drawFallback(store.get());
      },
    );
  };

  const unsubscribe = store.subscribe(update);
  update();
  return () => {
    stopped = true;
    unsubscribe();
    dropFallback();
    const undo = shown;
    shown = undefined;
    undo?.();
  };
};
