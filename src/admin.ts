/**
 * admin.js: the admin-only views, built into their own AMD module that script.js loads on demand through the
 * page's RequireJS (`<path>/admin.js?v=…`, host/chunks.ts). It assembles each feature's part: the inspector's
 * launcher, panel, advanced-page section and history, and the reminder's settings form and team report
 * (reminder/admin.ts). It also carries the error catalog's explanations, which a manager's page loads only when
 * amoCRM rejects a task. Each view draws into a root and returns its undo; everything it needs comes in as props.
 */
import { h, type ComponentChild } from 'preact';
import type { AdminKit } from './adminKit';
import { injectStyle } from './host/mount';
import { mountView } from './host/mountView';
import { toEntry } from './inspector/entry';
import { explainFailure } from './inspector/explainFailure';
import { Inspector, InspectorPage, type InspectorProps } from './inspector/Inspector';
import { createStore } from './inspector/store';
import { INSPECTOR_CSS } from './inspector/styles';
import type { ReminderAdmin } from './reminder/lazy';
import { reminderAdmin } from './reminder/admin';
import type { Undo } from './undo';

export type { AdminKit, InspectorStore } from './adminKit';

/** Mounts `vnode` with its style sheet; one undo takes both away. */
const styled =
  <P>(id: string, css: string, view: (props: P) => ComponentChild) =>
  (root: HTMLElement | undefined, props: P): Undo => {
    const style = injectStyle(id, css);
    const unmount = mountView(view(props), root);
    return () => {
      unmount();
      style();
    };
  };

/** The inspector's part, as it was (its own folder is where it will move). */
const inspectorKit: AdminKit = {
  inspectorStore(slot) {
    const store = createStore(slot);
    return {
      ...store,
      capture(captured) {
        const entry = toEntry(captured);
        if (entry) store.add(entry);
      },
    };
  },
  inspector: styled('inspector', INSPECTOR_CSS, (props: InspectorProps) => h(Inspector, props)),
  inspectorPage: styled('inspector', INSPECTOR_CSS, (props: InspectorProps) => h(InspectorPage, props)),
  explainFailure,
};

const adminKit: AdminKit & ReminderAdmin = { ...inspectorKit, ...reminderAdmin };

export default adminKit;
