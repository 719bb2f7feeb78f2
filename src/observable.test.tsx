import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { observable } from './observable';
import { useObservable } from './useObservable';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('observable', () => {
  it('tells every listener of a change, even when one of them throws, and stops after the undo', () => {
    const store = observable({ count: 0 });
    const heard: number[] = [];
    store.subscribe(() => {
      throw new Error('a broken listener');
    });
    const undo = store.subscribe(() => heard.push(store.get().count));
    store.set({ count: 1 });
    undo();
    store.set({ count: 2 });
    expect(heard).toEqual([1]);
    expect(store.get()).toEqual({ count: 2 });
  });
});

describe('useObservable', () => {
  it('shows the current value, follows changes, and catches one made before it subscribed', async () => {
    const store = observable({ count: 0 });
    const View = () => h('p', null, `count ${useObservable(store).count}`);
    const root = document.createElement('div');
    document.body.appendChild(root);
    act(() => {
      render(h(View, null), root);
      // Between the render and the effect that subscribes: the view must still end up showing it.
      store.set({ count: 1 });
    });
    expect(root.textContent).toBe('count 1');
    act(() => store.set({ count: 2 }));
    expect(root.textContent).toBe('count 2');
    act(() => render(null, root));
    store.set({ count: 3 });
    expect(root.textContent).toBe('');
  });
});
