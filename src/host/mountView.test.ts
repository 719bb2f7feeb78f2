import { h } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT_CLASS } from './mount';
import { mountView } from './mountView';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('mountView', () => {
  it('renders components with hooks into a scoped container of its own and takes it away on undo', () => {
    const Counter = () => {
      const [count] = useState(3);
      return h('p', null, `count ${count}`);
    };
    const undo = mountView(h(Counter, null));
    expect(document.querySelector(`.${ROOT_CLASS}`)?.textContent).toBe('count 3');
    undo();
    undo();
    expect(document.querySelector(`.${ROOT_CLASS}`)).toBeNull();
  });
});
