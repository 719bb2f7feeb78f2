import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import { drawAdmin, type AdminDrawing } from './drawAdmin';
import { injectStyle, mount } from './host/mount';
import { createTranslate } from './i18n';

type Kit = { draw(root: HTMLElement): () => void };

const kit: Kit = {
  draw(root) {
    root.textContent = 'the admin view';
    return () => {
      root.textContent = '';
    };
  },
};

const drawing = (load: AdminDrawing<Kit>['load']): AdminDrawing<Kit> => ({
  load,
  t: createTranslate(en),
  mount: (vnode, where) => mount(vnode, where),
  injectStyle: (id, css) => injectStyle(id, css),
});

const section = () => document.body.appendChild(document.createElement('section'));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('drawAdmin', () => {
  it('draws the view once admin.js arrived, and takes it away on undo', async () => {
    const root = section();
    const undo = drawAdmin(
      drawing(async () => kit),
      root,
      (loaded) => loaded.draw(root),
    );
    await vi.waitFor(() => expect(root.textContent).toBe('the admin view'));
    undo();
    expect(root.textContent).toBe('');
  });

  it.each<[string, AdminDrawing<Kit>['load'], (loaded: Kit, root: HTMLElement) => () => void]>([
    ['admin.js does not load', () => Promise.reject(new Error('404')), (loaded, root) => loaded.draw(root)],
    ['the host cannot load it', undefined, (loaded, root) => loaded.draw(root)],
    [
      'the view throws',
      async () => kit,
      () => {
        throw new Error('broken view');
      },
    ],
  ])('shows the localized line when %s, and removes it on undo', async (_case, load, draw) => {
    const root = section();
    const undo = drawAdmin(drawing(load), root, (loaded) => draw(loaded, root));
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe(en.admin.unavailable));
    expect(document.getElementById('task-guard-style-admin')).not.toBeNull();
    undo();
    expect(root.childElementCount).toBe(0);
    expect(document.getElementById('task-guard-style-admin')).toBeNull();
  });

  it('draws nothing when undone before admin.js arrived', async () => {
    const root = section();
    const undo = drawAdmin(
      drawing(async () => kit),
      root,
      (loaded) => loaded.draw(root),
    );
    undo();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.textContent).toBe('');
  });
});
