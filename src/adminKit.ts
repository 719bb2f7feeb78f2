/**
 * The inspector's lazy halves as it reads them, typed here, at the bottom of the house: its part of admin.js (so
 * that the feature contract, feature.ts, can offer it without importing an entry) and watchers.js, the network
 * watchers an admin's page loads at init (src/inspector/watch.ts). The reminder declares its own part of admin.js
 * beside itself (reminder/lazy.ts); src/admin.ts only assembles the two.
 */
import type { Captured, Listener } from './host/network/captured';
import type { HeldFailure, WatchOptions } from './host/network/registry';
import type { TrafficRow } from './host/network/traffic';
import type { Slot } from './host/network/sessionSlot';
import type { explainFailure } from './inspector/explainFailure';
import type { InspectorProps } from './inspector/Inspector';
import type { Store } from './inspector/store';
import { hasFunctions } from './lazy';
import { REMINDER_ADMIN_ENTRIES } from './reminder/lazy';
import type { Undo } from './undo';

export { ADMIN_CHUNK } from './lazy';

/** The admin's failure history: captured failures become redacted entries, kept in the tab's session. */
export interface InspectorStore extends Store {
  capture(captured: Captured): void;
}

/** The inspector's part of admin.js. */
export interface AdminKit {
  /** Creates the inspector's history (one per widget instance), restoring what this tab kept. */
  inspectorStore(slot: Slot): InspectorStore;
  /** The inspector's launcher and dialog; `root` undefined: a new scoped container on the page's body. */
  inspector(root: HTMLElement | undefined, props: InspectorProps): Undo;
  /** The inspector's section of the advanced settings page. */
  inspectorPage(root: HTMLElement, props: InspectorProps): Undo;
  /** The error catalog's explanation of a failed call (the reminder asks for it too, see reminder/lazy.ts). */
  explainFailure: typeof explainFailure;
}

const INSPECTOR_ENTRIES = ['inspectorStore', 'inspector', 'inspectorPage', 'explainFailure'] as const;

/** Everything admin.js hands back: the inspector's part and the reminder's. */
export const KIT_ENTRIES: readonly string[] = [...new Set([...INSPECTOR_ENTRIES, ...REMINDER_ADMIN_ENTRIES])];

/** Checks the inspector's part of admin.js. */
export const isAdminKit = hasFunctions<AdminKit>(INSPECTOR_ENTRIES);

/**
 * The lazy half with the network watchers (`<path>/watchers.js?v=…`): only admins' pages load it, so a manager's
 * fetch and XMLHttpRequest stay the page's own and a manager downloads no watcher code.
 */
export const WATCHERS_CHUNK = 'watchers';

/** watchers.js: the page's fetch, XHR and jQuery watchers (src/host/network/watchers.ts). */
export interface WatchKit {
  /**
   * Installs the watchers once per page, subscribes `listener` and hands it the widget's own failures `held`
   * while the module loaded; the undo unsubscribes and, with the last user, takes the watchers away.
   */
  watch(options: WatchOptions & { listener: Listener; held: readonly HeldFailure[] }): Undo;
  /** True when the circuit breaker turned the watchers into pass-through. */
  tripped(): boolean;
  /** Calls and failures per caller over the last five minutes. */
  traffic(now: number): TrafficRow[];
}

/** Checks watchers.js. */
export const isWatchKit = hasFunctions<WatchKit>(['watch', 'tripped', 'traffic']);
