import { render, type ComponentChild } from 'preact';
import { once, type Undo } from '../undo';
import { container } from './mount';

/**
 * Renders a Preact tree into `where` (or into a new scoped container appended to the body) and returns the undo,
 * which unmounts it and removes the container it created. Only the lazy halves (admin.js, reminder.js) use it, so
 * Preact's renderer ships with them and not in script.js.
 */
export const mountView = (vnode: ComponentChild, where?: HTMLElement, doc: Document = document): Undo => {
  const { element, remove } = container(where, doc);
  render(vnode, element);
  return once(() => {
    render(null, element);
    remove();
  });
};
