import { drawAdmin, type AdminDrawing } from '../drawAdmin';
import type { Feature, StartFeature, Undo } from '../feature';
import { copyText } from '../host/network/clipboard';
import { isWatchKit, WATCHERS_CHUNK, type AdminKit, type InspectorStore, type WatchKit } from '../adminKit';
import type { Captured } from '../host/network/captured';
import { holdOwnFailures, takeHeldFailures } from '../host/network/registry';
import { sessionSlot, type Slot } from '../host/network/sessionSlot';
import { injectStyle, mount } from '../host/mount';
import type { LoadChunk } from '../lazy';
import { undoAll } from '../undo';
import type { InspectorProps } from './Inspector';
import type { Store } from './store';

/** Failures kept while admin.js loads: as many as the store keeps (STORE_LIMIT, not imported: it ships in admin.js). */
const INBOX_LIMIT = 200;

/** How often an admin's page asks for watchers.js before it gives up until the next full page load. */
const WATCH_TRIES = 3;

/** admin.js and this widget instance's history, made by it. */
interface Loaded {
  kit: AdminKit;
  store: InspectorStore;
}

/** The host-side pieces the inspector uses; tests pass their own. */
export interface InspectorIo {
  /** Loads watchers.js (admins only); rejects when it cannot. */
  watchers: (load: LoadChunk | undefined) => Promise<WatchKit>;
  slot: () => Slot;
  mount: typeof mount;
  injectStyle: (id: string, css: string) => Undo;
  copy: (text: string) => Promise<boolean>;
}

const hostIo: InspectorIo = {
  watchers: (load) =>
    load ? load(WATCHERS_CHUNK, isWatchKit) : Promise.reject(new Error('watchers.js cannot be loaded here')),
  slot: () => sessionSlot('task-guard.inspector.v1'),
  mount,
  injectStyle: (id, css) => injectStyle(id, css),
  copy: (text) => copyText(text),
};

/**
 * The error inspector, for admins only: the watchers, a store, the launcher, the panel and the advanced-page
 * section. A manager's page installs no watcher and downloads no watcher code (only admins ever see a capture;
 * amoMarket's rules, GitHub `biradrags/amo-docs` `amocrm_docs_md/requirements.md` §1.5: collect nothing that is not
 * needed); it loads admin.js only to explain a task amoCRM rejected.
 *
 * For an admin, watchers.js is asked for at init, before admin.js, and the watchers subscribe the moment it
 * arrives; what they capture while admin.js is still on its way waits in an inbox (bounded) for the store.
 * What an admin's page can miss: calls started before the watchers arrived. That was already so for everything
 * before the widget's init (amoCRM starts widgets after its own page); the lazy watchers add one request for a
 * ~5 KB file, from the browser's cache after the first page (its URL carries the install stamp). amoCRM is a
 * single-page app, so this window opens once per full page load, not per page the admin visits, and the failures
 * an admin looks for repeat (a broken widget fails on every action, the 7 requests a second limit is a matter of
 * sustained traffic). The widget's own failures are not lost in the window: host/network/registry.ts holds them
 * until the watchers take them.
 */
export const createStartInspector =
  (io: InspectorIo = hostIo): StartFeature =>
  ({ ctx, t, $, adminKit, load: loadChunk }) => {
    if (!ctx.isAdmin) return { stop: () => undefined };
    const undos: Undo[] = [];
    let stopped = false;
    const stop = (): void => {
      stopped = true;
      undoAll(undos);
    };

    // Captured before admin.js arrives: kept here (bounded) for the store.
    let inbox: Captured[] = [];
    let take = (captured: Captured): void => {
      if (inbox.length < INBOX_LIMIT) inbox.push(captured);
    };

    // The watchers: asked for first; a failed load is tried again on the next pages the admin opens, a few times
    // (a file missing from the archive must not cost a request on every page).
    holdOwnFailures();
    let tries = 0;
    undos.push(() => void takeHeldFailures());
    let watchers: WatchKit | undefined;
    let watching: Promise<void> | undefined;
    const watch = (): void => {
      if (watchers || watching || stopped || tries >= WATCH_TRIES) return;
      tries += 1;
      const asked = io.watchers(loadChunk).then((kit) => {
        if (stopped) return;
        const self = { code: ctx.widgetCode, path: ctx.path };
        undos.push(kit.watch({ $, self, listener: (captured) => take(captured), held: takeHeldFailures() }));
        watchers = kit;
      });
      watching = asked;
      asked.catch(() => {
        watching = undefined;
      });
    };
    watch();

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
      tripped: () => watchers?.tripped() ?? false,
      traffic: (now) => watchers?.traffic(now) ?? [],
    });
    // Asked for right after init, so the launcher shows up promptly on the admin's first page.
    const drawing: AdminDrawing<Loaded> = { load, t, mount: io.mount, injectStyle: io.injectStyle };
    undos.push(drawAdmin(drawing, undefined, ({ kit, store }) => kit.inspector(undefined, props(store))));
    const feature: Feature = {
      stop,
      navigated: watch,
      advanced(root) {
        return drawAdmin(drawing, root, ({ kit, store }) => kit.inspectorPage(root, props(store)));
      },
    };
    return feature;
  };

/** The inspector as the composition root lists it. */
export const startInspector: StartFeature = createStartInspector();
