import { h } from 'preact';
import type { Feature, StartFeature, Undo } from '../feature';
import { copyText } from '../host/network/clipboard';
import type { Listener } from '../host/network/emitter';
import { installWatchers, subscribe, watchersTripped, type WatchOptions } from '../host/network/registry';
import { sessionSlot, type Slot } from '../host/network/sessionSlot';
import { injectStyle, mount } from '../host/mount';
import { toEntry } from './entry';
import { Inspector, InspectorPage } from './Inspector';
import { createStore } from './store';
import { INSPECTOR_CSS } from './styles';

/** The host-side pieces the inspector uses; tests pass their own. */
export interface InspectorIo {
  installWatchers: (options: WatchOptions) => Undo;
  subscribe: (listener: Listener) => Undo;
  slot: () => Slot;
  mount: typeof mount;
  injectStyle: (id: string, css: string) => Undo;
  copy: (text: string) => Promise<boolean>;
  tripped: () => boolean;
}

const hostIo: InspectorIo = {
  installWatchers: (options) => installWatchers(options),
  subscribe: (listener) => subscribe(listener),
  slot: () => sessionSlot('task-guard.inspector.v1'),
  mount,
  injectStyle: (id, css) => injectStyle(id, css),
  copy: (text) => copyText(text),
  tripped: () => watchersTripped(),
};

/**
 * The error inspector. Watchers go in for every user (they cost nothing until someone listens); only admins get
 * a store, the launcher, the panel and the advanced-page section. Managers see nothing.
 */
export const createStartInspector =
  (io: InspectorIo = hostIo): StartFeature =>
  ({ ctx, t, $ }) => {
    const undos: Undo[] = [io.installWatchers({ $ })];
    const stop = (): void => {
      while (undos.length) {
        try {
          undos.pop()?.();
        } catch {
          // One failing undo must not keep the others from running.
        }
      }
    };
    if (!ctx.isAdmin) return { stop };

    const store = createStore(io.slot());
    undos.push(
      io.subscribe((captured) => {
        const entry = toEntry(captured);
        if (entry) store.add(entry);
      }),
    );
    undos.push(io.injectStyle('inspector', INSPECTOR_CSS));
    const props = {
      store,
      t,
      language: ctx.language,
      timezone: ctx.timezone,
      subdomain: ctx.subdomain,
      version: ctx.version,
      copy: io.copy,
      tripped: io.tripped(),
    };
    undos.push(io.mount(h(Inspector, props)));
    const feature: Feature = {
      stop,
      advanced(root) {
        return io.mount(h(InspectorPage, { ...props, tripped: io.tripped() }), root);
      },
    };
    return feature;
  };

/** The inspector as the composition root lists it. */
export const startInspector: StartFeature = createStartInspector();
