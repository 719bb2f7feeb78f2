import type { ComponentChild } from 'preact';
import type { AdminKit } from './adminKit';
import { element } from './host/mount';
import type { Translate } from './i18n';
import type { Undo } from './undo';

/** What drawing an admin-only view needs from the eager bundle. */
export interface AdminDrawing<Kit = AdminKit> {
  /** Loads the lazy half; missing when the host cannot load it (then the failure line shows at once). */
  load: (() => Promise<Kit>) | undefined;
  t: Translate;
  /** Draws the static failure line (host/mount.ts `mount`). */
  mount: (vnode: ComponentChild, where?: HTMLElement) => Undo;
  injectStyle: (id: string, css: string) => Undo;
}

/** The failure line's look: inline in a section, or where the inspector's launcher would be. */
export const ADMIN_UNAVAILABLE_CSS = `
.task-guard .task-guard__unavailable{margin:8px 0;padding:6px 12px;border-left:3px solid #e2574c;background:#fdf1f0;color:#313942;font:13px/1.4 "PT Sans",Arial,sans-serif}
.task-guard .task-guard__unavailable--floating{position:fixed;right:24px;bottom:84px;z-index:10050;max-width:320px;margin:0;box-shadow:0 1px 4px rgba(0,0,0,.12)}
`;

/**
 * Draws a lazily loaded view once its module arrived (admin.js for the admin's views). If it cannot load (or its
 * view throws), the user gets a
 * localized line in its place instead of an exception into the host. The undo works at any time: before the kit
 * arrives it cancels the drawing.
 */
export const drawAdmin = <Kit = AdminKit>(
  drawing: AdminDrawing<Kit>,
  where: HTMLElement | undefined,
  draw: (kit: Kit) => Undo,
): Undo => {
  let undo: Undo | undefined;
  let cancelled = false;
  const unavailable = (): Undo => {
    const style = drawing.injectStyle('admin', ADMIN_UNAVAILABLE_CSS);
    const line = element(
      'p',
      { class: `task-guard__unavailable${where ? '' : ' task-guard__unavailable--floating'}`, role: 'alert' },
      drawing.t('admin.unavailable'),
    );
    const unmount = drawing.mount(line, where);
    return () => {
      unmount();
      style();
    };
  };
  const settle = (loaded: { kit: Kit } | undefined): void => {
    if (cancelled) return;
    try {
      undo = loaded ? draw(loaded.kit) : unavailable();
    } catch {
      if (loaded) settle(undefined);
    }
  };
  new Promise<Kit>((resolve, reject) => {
    if (!drawing.load) throw new Error('admin.js cannot be loaded here');
    drawing.load().then(resolve, reject);
  }).then(
    (kit) => settle({ kit }),
    () => settle(undefined),
  );
  return () => {
    cancelled = true;
    const done = undo;
    undo = undefined;
    done?.();
  };
};
