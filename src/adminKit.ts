/**
 * admin.js as the inspector reads it: its part of the module, typed here, at the bottom of the house, so that the
 * feature contract (feature.ts) can offer it without importing an entry. The reminder declares its own part
 * beside itself (reminder/lazy.ts); src/admin.ts only assembles the two.
 */
import type { Captured } from './host/network/captured';
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
