import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallbacks } from './callbacks';
import type { AmoWidget } from './amo';
import type { AdminKit } from '../admin';
import type { Feature, StartFeature } from '../feature';

const widget = (): AmoWidget => ({
  callbacks: {} as AmoWidget['callbacks'],
  get_settings: () => ({ widget_code: 'task_guard' }),
  langs: { common: { close: 'Закрыть' } },
});

const recorder = (overrides: Partial<Feature> = {}) => {
  const calls: string[] = [];
  const start: StartFeature = (env) => {
    calls.push(`start:${env.t('common.close')}`);
    return {
      navigated: (area) => calls.push(`navigated:${area}`),
      stop: () => calls.push('stop'),
      ...overrides,
    };
  };
  return { calls, start };
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createCallbacks', () => {
  it('starts features once at init, tells them about later pages, stops them at destroy', () => {
    const { calls, start } = recorder();
    const callbacks = createCallbacks(widget(), { features: [start] });
    expect(callbacks.render()).toBe(true);
    expect(callbacks.bind_actions()).toBe(true);
    expect(callbacks.init()).toBe(true);
    callbacks.init();
    callbacks.render();
    callbacks.destroy();
    expect(calls).toEqual(['start:Закрыть', 'navigated:', 'stop']);
  });

  it('keeps the host running when a feature throws on start, on navigation or on stop', () => {
    const broken: StartFeature = () => {
      throw new Error('boom');
    };
    const { calls, start } = recorder({
      navigated: () => {
        throw new Error('boom');
      },
      stop: () => {
        throw new Error('boom');
      },
    });
    const callbacks = createCallbacks(widget(), { features: [broken, start] });
    expect(() => {
      callbacks.render();
      callbacks.init();
      callbacks.render();
      callbacks.destroy();
    }).not.toThrow();
    expect(calls).toEqual(['start:Закрыть']);
  });

  it('hands features a loader of admin.js at the widget path and version, which only runs when asked', async () => {
    const kit = {} as AdminKit;
    const loadAdminKit = vi.fn(async () => kit);
    let asked: (() => Promise<AdminKit>) | undefined;
    const start: StartFeature = (env) => {
      asked = env.adminKit;
      return { stop: () => undefined };
    };
    const host = { ...widget(), get_settings: () => ({ widget_code: 'task_guard', path: '/upl/w', version: '2.0.0' }) };
    createCallbacks(host, { features: [start], loadAdminKit }).init();
    expect(loadAdminKit).not.toHaveBeenCalled();
    await expect(asked?.()).resolves.toBe(kit);
    expect(loadAdminKit).toHaveBeenCalledWith(expect.objectContaining({ path: '/upl/w', version: '2.0.0' }));
  });

  it('combines the features answers to onSave: false blocks, promises are awaited', async () => {
    const yes = recorder({ save: () => true }).start;
    const later = recorder({ save: () => Promise.resolve(true) }).start;
    const no = recorder({ save: () => false }).start;
    expect(createCallbacks(widget(), { features: [yes] }).onSave({ fields: {} })).toBe(true);
    await expect(createCallbacks(widget(), { features: [yes, later] }).onSave({ fields: {} })).resolves.toBe(true);
    expect(createCallbacks(widget(), { features: [yes, no] }).onSave({ fields: {} })).toBe(false);
  });

  it('hands the settings modal custom field to features and announces changes to the modal', () => {
    document.body.innerHTML =
      '<input type="hidden" id="task_guard_custom" value="{}"><div id="task_guard_custom_content"></div>';
    const seen: string[] = [];
    const undo = vi.fn();
    const start: StartFeature = () => ({
      settings(field) {
        seen.push(String(field.value));
        field.set('{"mode":"strict"}');
        return undo;
      },
      stop: () => undefined,
    });
    const input = document.getElementById('task_guard_custom') as HTMLInputElement;
    const changed = vi.fn();
    input.addEventListener('change', changed);
    const callbacks = createCallbacks(widget(), { features: [start] });
    callbacks.settings();
    expect(seen).toEqual(['{}']);
    expect(input.value).toBe('{"mode":"strict"}');
    expect(changed).toHaveBeenCalledTimes(1);
    callbacks.destroy();
    expect(undo).toHaveBeenCalledTimes(1);
  });

  it('draws each feature section on the advanced settings page and removes them at destroy', () => {
    document.body.innerHTML = '<div id="work-area-task_guard"></div>';
    const start: StartFeature = () => ({
      advanced(root) {
        root.textContent = 'report';
        return () => undefined;
      },
      stop: () => undefined,
    });
    const callbacks = createCallbacks(widget(), { features: [start] });
    callbacks.advancedSettings();
    expect(document.getElementById('work-area-task_guard')?.textContent).toBe('report');
    callbacks.destroy();
    expect(document.getElementById('work-area-task_guard')?.textContent).toBe('');
  });
});

describe('drawings of the settings window and the advanced page', () => {
  it('are taken away when the host shows them again or another page, not only at destroy', () => {
    document.body.innerHTML =
      '<input type="hidden" id="task_guard_custom" value=""><div id="task_guard_custom_content"></div>' +
      '<div id="work-area-task_guard"></div>';
    const undone: string[] = [];
    const start: StartFeature = () => ({
      settings: () => () => undone.push('settings'),
      advanced(root) {
        root.textContent = 'report';
        return () => undone.push('advanced');
      },
      stop: () => undefined,
    });
    const callbacks = createCallbacks(widget(), { features: [start] });
    callbacks.render();
    callbacks.advancedSettings();
    callbacks.advancedSettings();
    // The second showing replaced the first: one section, the first drawing undone.
    expect(document.querySelectorAll('#work-area-task_guard section')).toHaveLength(1);
    expect(undone).toEqual(['advanced']);
    callbacks.settings();
    expect(undone).toEqual(['advanced', 'advanced']);
    callbacks.render();
    expect(undone).toEqual(['advanced', 'advanced', 'settings']);
    callbacks.destroy();
    expect(undone).toHaveLength(3);
  });
});
