import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { archiveText, readArchive } from './builtWidget';
import {
  ADMIN_ID,
  CHECKS_ID,
  INSTALL_STAMP,
  WATCHERS_ID,
  INTEGRATION_NAME,
  evaluateAmd,
  hostJquery,
  loadWidget,
} from './hostEmulation';
import { KIT_ENTRIES } from '../src/adminKit';

const archive = readArchive();
const script = archiveText(archive, 'script.js');
const admin = archiveText(archive, 'admin.js');
const watchers = archiveText(archive, 'watchers.js');
const checks = archiveText(archive, 'checks.js');
const langs = JSON.parse(archiveText(archive, 'i18n/ru.json')) as Record<string, unknown>;

/** Own enumerable properties of window, which a widget must not add to (moderation: "no globals"). */
const globalNames = () => new Set(Object.keys(window));
/** What the emulated host itself puts on window (the shared loader, sandbox/public/loader.js, is a module: none). */
const HOST_GLOBALS = ['APP', 'AMOCRM', 'require'];

const widgetTraces = () => ({
  roots: document.querySelectorAll('.task-guard').length,
  styles: document.querySelectorAll('style[id^="task-guard"]').length,
});

describe('the built script.js in an emulated amoCRM host', () => {
  let before: Set<string>;

  beforeEach(() => {
    // Every API call answers "nothing found", as amoCRM does with 204: the life cycle must not depend on data.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    hostJquery();
    before = globalNames();
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    sessionStorage.clear();
  });

  it('resolves to a plain constructor function, also on a page that defines module and exports', () => {
    const scope = window as unknown as Record<string, unknown>;
    scope.module = { exports: {} };
    scope.exports = {};
    try {
      const { deps, value, defines } = evaluateAmd(script, { jquery: hostJquery() });
      expect(defines).toBe(1);
      expect(deps).toEqual(['jquery']);
      expect(typeof value).toBe('function');
      // A class constructor cannot be called without new; the host's prototype swap needs a plain function.
      expect(String(value).startsWith('class')).toBe(false);
      expect((scope.module as { exports: object }).exports).toEqual({});
    } finally {
      delete scope.module;
      delete scope.exports;
    }
  });

  it('has an admin.js that is one anonymous AMD module without dependencies, resolving to the admin kit', () => {
    const scope = window as unknown as Record<string, unknown>;
    scope.module = { exports: {} };
    scope.exports = {};
    try {
      const { deps, value, defines } = evaluateAmd(admin, {});
      expect(defines).toBe(1);
      expect(deps).toEqual([]);
      const kit = value as Record<string, unknown>;
      for (const name of KIT_ENTRIES) expect(typeof kit[name], name).toBe('function');
      expect((scope.module as { exports: object }).exports).toEqual({});
    } finally {
      delete scope.module;
      delete scope.exports;
    }
  });

  it.each([
    ['a manager', 2, 0, []],
    ['an admin', 1, 1, [WATCHERS_ID, ADMIN_ID]],
  ])(
    'runs render, init, bind_actions, render on 20 pages and destroy for %s, leaving nothing behind',
    async (_who, userId, launchers, required) => {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      const host = loadWidget({ script, admin, watchers, checks, langs, userId });
      // checks.js comes when a check is due (working hours, after the day's jitter): not what this counts.
      const asked = () => host.required.filter((id) => id !== CHECKS_ID);
      const { callbacks } = host;
      for (const name of [
        'render',
        'bind_actions',
        'init',
        'settings',
        'onSave',
        'advancedSettings',
        'destroy',
      ] as const) {
        expect(typeof callbacks[name], name).toBe('function');
      }
      await host.start();
      // The host's order for a synchronous truthy render (jQuery Deferred): init before bind_actions.
      expect(host.calls).toEqual(['script-loaded', 'render', 'init', 'bind_actions']);
      // An admin's launcher comes with admin.js, asked for right after init; a manager never asks for it. Timers
      // run in order: the emulated require's (0 ms, set during init) and the promises after it settle before this.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(document.querySelectorAll('.tg-insp__launcher')).toHaveLength(launchers);
      expect(asked()).toEqual(required);
      const firstPage = widgetTraces();
      for (let page = 0; page < 20; page += 1) await host.navigate(page % 2 ? 'leads-pipeline' : 'dashboard');
      // Rendering again on every page must not stack roots or style sheets.
      expect(widgetTraces()).toEqual(firstPage);
      expect(firstPage.styles).toBeLessThanOrEqual(1);
      // Every rule the widget adds is scoped under its root class: nothing restyles the host page.
      const selectors = [...document.querySelectorAll<HTMLStyleElement>('style[id^="task-guard"]')].flatMap((style) =>
        [...(style.sheet?.cssRules ?? [])].flatMap((rule) =>
          rule instanceof CSSStyleRule ? rule.selectorText.split(',').map((part) => part.trim()) : [],
        ),
      );
      if (launchers > 0) expect(selectors.length).toBeGreaterThan(0);
      expect(selectors.filter((selector) => !selector.startsWith('.task-guard'))).toEqual([]);
      // One load per page, however many pages the host drew since.
      expect(asked()).toEqual(required);
      host.destroy();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(widgetTraces()).toEqual({ roots: 0, styles: 0 });
      expect([...globalNames()].filter((name) => !before.has(name) && !HOST_GLOBALS.includes(name))).toEqual([]);
      window.removeEventListener('error', onError);
      expect(errors).toEqual([]);
    },
  );

  it('can be destroyed and created again, as the host does when the widget is switched off and on', async () => {
    const first = loadWidget({ script, admin, langs, userId: 1 });
    await first.start();
    first.destroy();
    const second = loadWidget({ script, admin, langs, userId: 1 });
    await second.start();
    await second.navigate('leads');
    await vi.waitFor(() => expect(document.querySelectorAll('.tg-insp__launcher')).toHaveLength(1));
    second.destroy();
    expect(widgetTraces()).toEqual({ roots: 0, styles: 0 });
    // admin.js arriving for the destroyed first instance draws nothing.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(widgetTraces()).toEqual({ roots: 0, styles: 0 });
  });

  it('gives an admin a line instead of the launcher when admin.js does not load, and no error', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const host = loadWidget({ script, langs, userId: 1 });
    await host.start();
    await vi.waitFor(() => expect(document.querySelector('.task-guard__unavailable')).not.toBeNull());
    expect(document.querySelector('.task-guard__unavailable')?.textContent).toBe(
      (langs as { admin: { unavailable: string } }).admin.unavailable,
    );
    expect(document.querySelector('.tg-insp__launcher')).toBeNull();
    host.destroy();
    expect(widgetTraces()).toEqual({ roots: 0, styles: 0 });
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
  });

  it('answers onSave with true or a promise, never throwing, even for a malformed configuration', async () => {
    const host = loadWidget({ script, langs, userId: 1, config: '{not json' });
    await host.start();
    const answer = await Promise.resolve(host.callbacks.onSave({ active: 'Y', fields: { config: '{not json' } }));
    // The form only ever writes valid JSON; a bad hand-edited value is read as defaults, so saving goes through.
    expect(answer).toBe(true);
    host.destroy();
  });

  it('gets the install stamp as its version and the integration name as widget.name, as the loader sets them', () => {
    const host = loadWidget({ script, langs, userId: 2 });
    expect(host.widget.get_settings?.().version).toBe(INSTALL_STAMP);
    expect(host.widget.get_version?.()).toBe(INSTALL_STAMP);
    expect(host.widget.i18n?.('widget.name')).toBe(INTEGRATION_NAME);
    host.destroy();
  });

  it('shows the host settings markup: the hidden input inside #task_guard_custom_content, no host label', async () => {
    const host = loadWidget({ script, admin, langs, userId: 1, config: { mode: 'strict' } });
    await host.start();
    const { body } = host.openSettings();
    const input = body.querySelector('#task_guard_custom_content > input#task_guard_custom');
    expect(input?.getAttribute('type')).toBe('hidden');
    expect(input?.getAttribute('name')).toBe('config');
    // What the host's twig prints for a saved object: escape(value), i.e. its String().
    expect((input as HTMLInputElement).value).toBe('[object Object]');
    const title = body
      .querySelector('#task_guard_custom_content')
      ?.parentElement?.querySelector('.widget_settings_block__title_field');
    expect(title?.textContent).toBe('');
    host.destroy();
  });

  it('keeps a saved strict policy through Save when the hidden input does not hold it', async () => {
    const policy = { mode: 'strict', snoozeMinutes: 45, includeAdmins: true };
    const host = loadWidget({ script, admin, langs, userId: 1, config: policy });
    await host.start();
    const settings = host.openSettings();
    await vi.waitFor(() => expect(settings.body.querySelector('.task-guard__settings')).not.toBeNull());
    const result = await settings.save();
    expect(result.ok).toBe(true);
    expect(host.saved.config).toMatchObject(policy);
    // Nothing of the widget's own form reaches the host's serialization besides the field itself.
    expect(Object.keys(result.fields)).toEqual(['config']);
    host.destroy();
  });

  it('keeps working when the host gives no APP, no langs and no settings', async () => {
    const scope = window as unknown as Record<string, unknown>;
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const host = loadWidget({ script, langs: {}, userId: 2, bareWidget: true });
    delete scope.APP;
    delete scope.AMOCRM;
    await expect(host.start()).resolves.toBeUndefined();
    await host.navigate('leads');
    await new Promise((resolve) => setTimeout(resolve, 10));
    host.destroy();
    window.removeEventListener('error', onError);
    // Nothing thrown into the page, asynchronously either, and nothing left behind.
    expect(errors).toEqual([]);
    expect(widgetTraces()).toEqual({ roots: 0, styles: 0 });
  });
});
