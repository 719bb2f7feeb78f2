import type { ComponentChild } from 'preact';
import { once, type Undo } from '../undo';

/** The one class every element the widget adds to the page carries; all CSS is scoped under it. */
export const ROOT_CLASS = 'task-guard';

const styleUsers = new Map<string, { element: HTMLStyleElement; users: number }>();

/**
 * Injects a style sheet once per id and returns its undo; the sheet leaves the page with its last user, so
 * render/init running again on every page never stacks copies.
 */
export const injectStyle = (id: string, css: string, doc: Document = document): Undo => {
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
  return once(() => {
    owned.users -= 1;
    if (owned.users <= 0) {
      owned.element.remove();
      // A stale undo (its sheet was replaced after the page removed it) must not forget the newer sheet.
      if (styleUsers.get(key) === owned) styleUsers.delete(key);
    }
  });
};

/** A scoped container: `where` marked with the root class, or a new element of that class on the page's body. */
export const container = (where: HTMLElement | undefined, doc: Document): { element: HTMLElement; remove: Undo } => {
  const element = where ?? doc.createElement('div');
  if (where) {
    element.classList.add(ROOT_CLASS);
    return { element, remove: () => undefined };
  }
  element.className = ROOT_CLASS;
  doc.body.appendChild(element);
  return { element, remove: () => element.remove() };
};

/**
 * A static element for `mount`, shaped like Preact's vnode (`type` and `props.children`) but made without Preact:
 * importing anything of Preact's runtime brings most of it (its module sets up prototypes as it loads).
 */
export const element = (type: string, props: Record<string, unknown>, ...children: ComponentChild[]): ComponentChild =>
  ({ type, props: { ...props, children } }) as unknown as ComponentChild;

/** One node of a static tree: text, or an element with string or number attributes, handlers and children. */
const draw = (node: ComponentChild, doc: Document): Node[] => {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint')
    return [doc.createTextNode(String(node))];
  if (Array.isArray(node)) return node.flatMap((child: ComponentChild) => draw(child, doc));
  if (typeof node !== 'object' || !('type' in node) || typeof node.type !== 'string')
    throw new Error('mount draws elements and text only; components mount with mountView (host/mountView.ts)');
  const element = doc.createElement(node.type);
  const props = (node.props ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children') continue;
    if (typeof value === 'function' && name.startsWith('on'))
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (name === 'class' || name === 'className') element.className = String(value);
    else if (typeof value === 'string' || typeof value === 'number') element.setAttribute(name, String(value));
    else if (value === true) element.setAttribute(name, '');
  }
  element.append(...draw(props.children as ComponentChild, doc));
  return [element];
};

/**
 * Draws a static tree (elements and text, such as the localized "could not load" lines) into `where`, or into a new
 * scoped container appended to the body, and returns the undo, which takes it away with the container it created.
 * It needs no renderer, so script.js, which every page of every user loads, carries none: views with components
 * and hooks come with the lazy halves and mount with `mountView` (host/mountView.ts).
 */
export const mount = (vnode: ComponentChild, where?: HTMLElement, doc: Document = document): Undo => {
  const nodes = draw(vnode, doc);
  const { element, remove } = container(where, doc);
  element.append(...nodes);
  return once(() => {
    for (const node of nodes) node.parentNode?.removeChild(node);
    remove();
  });
};
