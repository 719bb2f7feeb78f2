import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT_CLASS, injectStyle, mount } from './mount';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('injectStyle', () => {
  it('adds one sheet however often it is asked, and removes it with its last user', () => {
    const first = injectStyle('x', '.task-guard{color:red}');
    const second = injectStyle('x', '.task-guard{color:red}');
    expect(document.querySelectorAll('style').length).toBe(1);
    first();
    first();
    expect(document.querySelectorAll('style').length).toBe(1);
    second();
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});

describe('injectStyle after the page removed our sheet', () => {
  it('keeps the new sheet when the old user lets go of its stale one', () => {
    const stale = injectStyle('y', '.task-guard{color:red}');
    document.head.innerHTML = '';
    const fresh = injectStyle('y', '.task-guard{color:red}');
    stale();
    const later = injectStyle('y', '.task-guard{color:red}');
    fresh();
    // `later` still uses the sheet: it must stay on the page until its own undo.
    expect(document.querySelectorAll('style').length).toBe(1);
    later();
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});

describe('mount', () => {
  it('renders into a scoped container of its own and takes it away on undo', () => {
    const undo = mount(h('p', null, 'hello'));
    const root = document.querySelector(`.${ROOT_CLASS}`);
    expect(root?.textContent).toBe('hello');
    undo();
    expect(document.querySelector(`.${ROOT_CLASS}`)).toBeNull();
  });

  it('renders into a given element and leaves the element in place', () => {
    const where = document.createElement('div');
    document.body.appendChild(where);
    const undo = mount(h('b', null, 'x'), where);
    expect(where.classList.contains(ROOT_CLASS)).toBe(true);
    undo();
    expect(where.isConnected).toBe(true);
    expect(where.textContent).toBe('');
  });
});

describe('mount of a static tree', () => {
  it('draws attributes and handlers, leaves what the host had in the element, and refuses components', () => {
    const where = document.createElement('div');
    where.innerHTML = '<input type="hidden" id="kept">';
    document.body.appendChild(where);
    let clicks = 0;
    const undo = mount(
      h('p', { class: 'line', role: 'alert' }, 'x', h('button', { type: 'button', onClick: () => (clicks += 1) }, 'y')),
      where,
    );
    const line = where.querySelector('[role="alert"]');
    expect(line?.className).toBe('line');
    where.querySelector('button')?.click();
    expect(clicks).toBe(1);
    undo();
    expect(where.querySelector('#kept')).not.toBeNull();
    expect(where.querySelector('p')).toBeNull();
    const Component = () => h('p', null, 'no');
    expect(() => mount(h(Component, null))).toThrow();
  });
});
