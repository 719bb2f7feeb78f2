/**
 * The shared loader (sandbox/public/loader.js, run by the sandbox page and by hostEmulation.ts) against tiny
 * hand-written widgets: the host's life-cycle order, the settings markup and the Save flow of its base form.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INSTALL_STAMP, INTEGRATION_NAME, hostJquery, loadWidget } from './hostEmulation';

/** A widget script whose callbacks record their order; `render` answers with `RENDER` (an expression). */
const widgetScript = (render: string, extra = '') => `define(['jquery'], function ($) {
  return function () {
    var self = this;
    window.__order = [];
    this.callbacks = {
      render: function () { window.__order.push('render'); return ${render}; },
      init: function () { window.__order.push('init'); return true; },
      bind_actions: function () { window.__order.push('bind_actions'); return true; },
      settings: function ($body) { ${extra} return true; },
      onSave: function (data) { window.__order.push('onSave'); return window.__onSave ? window.__onSave(data) : true; },
      destroy: function () {},
    };
  };
});`;

const order = () => (window as unknown as { __order: string[] }).__order;
const scope = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete scope.__order;
  delete scope.__onSave;
  document.body.innerHTML = '';
});

describe('the shared widget loader', () => {
  it('calls render, init, bind_actions for a synchronous truthy render (jQuery Deferred)', async () => {
    hostJquery();
    const host = loadWidget({ script: widgetScript('true'), langs: {} });
    await host.start();
    expect(order()).toEqual(['render', 'init', 'bind_actions']);
  });

  it('delays only init behind a thenable render', async () => {
    const host = loadWidget({ script: widgetScript('Promise.resolve(true)'), langs: {} });
    const started = host.start();
    expect(order()).toEqual(['render', 'bind_actions']);
    await started;
    expect(order()).toEqual(['render', 'bind_actions', 'init']);
  });

  it('never calls init after a falsy render', async () => {
    const host = loadWidget({ script: widgetScript('false'), langs: {} });
    await host.start();
    expect(order()).toEqual(['render', 'bind_actions']);
  });

  it('sets the install stamp as version and writes the integration name over langs.widget.name', () => {
    const host = loadWidget({ script: widgetScript('true'), langs: { widget: { name: 'From the archive' } } });
    expect(host.widget.get_settings?.().version).toBe(INSTALL_STAMP);
    expect(host.widget.i18n?.('widget.name')).toBe(INTEGRATION_NAME);
  });

  it('hands the saved custom value decoded to get_settings and renders it into the input as the template does', () => {
    const host = loadWidget({ script: widgetScript('true'), langs: {}, config: { mode: 'strict' } });
    expect(host.widget.get_settings?.().config).toEqual({ mode: 'strict' });
    const { body } = host.openSettings();
    expect(body.querySelector<HTMLInputElement>('#task_guard_custom')?.value).toBe('[object Object]');
    expect(body.querySelector('.widget_settings_block #widget_settings__fields_wrapper')).not.toBeNull();
  });

  it('serializes named inputs except .js-form-changes-skip, and stores what onSave wrote into fields', async () => {
    const inputs =
      '$body.find(\'#task_guard_custom_content\').append(\'<input name="stray" value="x">' +
      '<input name="quiet" class="js-form-changes-skip" value="y">\');';
    const host = loadWidget({ script: widgetScript('true', inputs), langs: {} });
    scope.__onSave = (data: { fields: Record<string, unknown> }) => {
      data.fields.config = JSON.stringify({ mode: 'strict' });
      return Promise.resolve(true);
    };
    const result = await host.openSettings().save();
    expect(result.ok).toBe(true);
    expect(Object.keys(result.fields).sort()).toEqual(['config', 'stray']);
    expect(host.saved).toEqual({ config: { mode: 'strict' } });
  });

  it.each([
    ['false', () => false],
    ['a rejected promise', () => Promise.reject(new Error('no'))],
    ['a promise of false', () => Promise.resolve(false)],
  ])('keeps the saved value when onSave answers %s', async (_what, answer) => {
    const host = loadWidget({ script: widgetScript('true'), langs: {}, config: { mode: 'strict' } });
    scope.__onSave = (data: { fields: Record<string, unknown> }) => {
      data.fields.config = '{}';
      return answer();
    };
    const result = await host.openSettings().save();
    expect(result.ok).toBe(false);
    expect(host.saved).toEqual({ config: { mode: 'strict' } });
  });
});
