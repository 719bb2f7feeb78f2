import { render, type ComponentChild } from 'preact';

/** The one class every element the widget adds to the page carries; all CSS is scoped under it. */
export const ROOT_CLASS = 'task-guard';

const styleUsers = new Map<string, { element: HTMLStyleElement; users: number }>();

/**
 * Injects a style sheet once per id and returns its undo; the sheet leaves the page with its last user, so
 * render/init running again on every page never stacks copies.
 */
export const injectStyle = (id: string, css: string, doc: Document = document): (() => void) => {
  const key = `task-guard-style-${id}`;
  let entry = styleUsers.get(key);
  if (!entry || !entry.element.isConnected) {
    const element = doc.getElementById(key) as HTMLStyleElement | null;
    const style = element ?? doc.createElement('style');
    style.id = key;
    style.textContent = css;
    if (!element) doc.head.appendChild(style);
    entry = { element: style, users: 0 };
    styleUsers.set(key, entry);
  }
  entry.users += 1;
  const owned = entry;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    owned.users -= 1;
    if (owned.users <= 0) {
      owned.element.remove();
      // A stale undo (its sheet was replaced after the page removed it) must not forget the newer sheet.
      if (styleUsers.get(key) === owned) styleUsers.delete(key);
    }
  };
};

/**
 * Renders a Preact tree into `where` (or into a new scoped container appended to the body) and returns the undo,
 * which unmounts it and removes the container it created.
 */
export const mount = (vnode: ComponentChild, where?: HTMLElement, doc: Document = document): (() => void) => {
  const container = where ?? doc.createElement('div');
  if (!where) {
    container.className = ROOT_CLASS;
    doc.body.appendChild(container);
  } else {
    container.classList.add(ROOT_CLASS);
  }
  render(vnode, container);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    render(null, container);
    if (!where) container.remove();
  };
};
