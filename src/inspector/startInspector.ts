import { drawAdmin, type AdminDrawing } from '../drawAdmin';
import type { Feature, StartFeature, Undo } from '../feature';
import { copyText } from '../host/network/clipboard';
import type { AdminKit, InspectorStore } from '../adminKit';
import type { Captured, Listener } from '../host/network/captured';
import { installWatchers, subscribe, trafficRows, watchersTripped, type WatchOptions } from '../host/network/registry';
import type { TrafficRow } from '../host/network/traffic';
import { sessionSlot, type Slot } from '../host/network/sessionSlot';
import { injectStyle, mount } from '../host/mount';
import { undoAll } from '../undo';
import type { InspectorProps } from './Inspector';
import type { Store } from './store';

/** Failures kept while admin.js loads: as many as the store keeps (STORE_LIMIT, not imported: it ships in admin.js). */
const INBOX_LIMIT = 200;

/** admin.js and this widget instance's history, made by it. */
interface Loaded {
  kit: AdminKit;
  store: InspectorStore;
}

/** The host-side pieces the inspector uses; tests pass their own. */
export interface InspectorIo {
  installWatchers: (options: WatchOptions) => Undo;
  subscribe: (listener: Listener) => Undo;
  slot: () => Slot;
  mount: typeof mount;
  injectStyle: (id: string, css: string) => Undo;
  copy: (text: string) => Promise<boolean>;
  tripped: () => boolean;
  traffic: (now: number) => TrafficRow[];
}

const hostIo: InspectorIo = {
  installWatchers: (options) => installWatchers(options),
  subscribe: (listener) => subscribe(listener),
  slot: () => sessionSlot('task-guard.inspector.v1'),
  mount,
  injectStyle: (id, css) => injectStyle(id, css),
  copy: (text) => copyText(text),
  tripped: () => watchersTripped(),
  traffic: (now) => trafficRows(now),
};

/**
 * The error inspector. Watchers go in for every user (they cost nothing until someone listens); only admins get
 * a store, the launcher, the panel and the advanced-page section. Managers see none of it (their page loads admin.js
 * only to explain a task amoCRM rejected).
 * The store subscribes at once, so failures captured while admin.js is on its way are in the panel when it opens.
 */
export const createStartInspector =
  (io: InspectorIo = hostIo): StartFeature =>
  ({ ctx, t, $, adminKit }) => {
    const undos: Undo[] = [io.installWatchers({ $, self: { code: ctx.widgetCode, path: ctx.path } })];
    const stop = (): void => undoAll(undos);
    if (!ctx.isAdmin) return { stop };

    // Subscribed at once, before admin.js arrives: what is captured meanwhile waits here (bounded) for the store.
    let inbox: Captured[] = [];
    let take = (captured: Captured): void => {
      if (inbox.length < INBOX_LIMIT) inbox.push(captured);
    };
    undos.push(io.subscribe((captured) => take(captured)));

    // One history per widget instance, made by admin.js when it first arrives; a failed load is tried again later.
    let loading: Promise<Loaded> | undefined;
    const load = (): Promise<Loaded> => {
      if (!loading) {
        loading = new Promise<AdminKit>((resolve, reject) => {
          if (!adminKit) throw new Error('admin.js cannot be loaded here');
          adminKit().then(resolve, reject);
        }).then((loaded) => {
          const store = loaded.inspectorStore(io.slot());
          for (const captured of inbox) store.capture(captured);
          inbox = [];
          take = (captured) => store.capture(captured);
          return { kit: loaded, store };
        });
        loading.catch(() => {
          loading = undefined;
        });
      }
      return loading;
    };
    const props = (store: Store): InspectorProps => ({
      store,
      t,
      language: ctx.language,
      timezone: ctx.timezone,
      subdomain: ctx.subdomain,
      version: ctx.widgetVersion,
      copy: io.copy,
      tripped: io.tripped,
      traffic: io.traffic,
    });
    // Asked for right after init, so the launcher shows up promptly on the admin's first page.
    const drawing: AdminDrawing<Loaded> = { load, t, mount: io.mount, injectStyle: io.injectStyle };
    undos.push(drawAdmin(drawing, undefined, ({ kit, store }) => kit.inspector(undefined, props(store))));
    const feature: Feature = {
      stop,
      advanced(root) {
        return drawAdmin(drawing, root, ({ kit, store }) => kit.inspectorPage(root, props(store)));
      },
    };
    return feature;
  };

/** The inspector as the composition root lists it. */
export const startInspector: StartFeature = createStartInspector();
