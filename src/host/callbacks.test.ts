import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallbacks } from './callbacks';
import type { AmoWidget } from './amo';
import type { Feature, FeatureEnv, StartFeature } from '../feature';

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

  it('hands features a loader of lazy halves at the widget path and version, which only runs when asked', async () => {
    const kit = { explainFailure: () => undefined };
    const loadChunk = vi.fn(async () => kit as never);
    let asked: FeatureEnv['load'];
    const start: StartFeature = (env) => {
      asked = env.load;
      return { stop: () => undefined };
    };
    const host = { ...widget(), get_settings: () => ({ widget_code: 'task_guard', path: '/upl/w', version: '2.0.0' }) };
    createCallbacks(host, { features: [start], loadChunk }).init();
    expect(loadChunk).not.toHaveBeenCalled();
    const isKit = (value: unknown): value is typeof kit => value === kit;
    await expect(asked?.('admin', isKit)).resolves.toBe(kit);
    expect(loadChunk).toHaveBeenCalledWith(
      expect.objectContaining({ path: '/upl/w', version: '2.0.0' }),
      'admin',
      isKit,
    );
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
        seen.push(String(field.saved));
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

  // The host's template: the hidden input INSIDE the container, no label (GitHub `Psiant/two`,
  // `frontend/bild/42355.11df5f2239bfa2f2ab8e.js`); what the input holds for a saved object is not documented.
  const customField = (value: string) =>
    `<div class="widget_settings_block__input_field" id="task_guard_custom_content">` +
    `<input name="config" id="task_guard_custom" type="hidden" value="${value}"></div>`;
  const savedWidget = (config: unknown): AmoWidget => {
    let params: Record<string, unknown> = { widget_code: 'task_guard', config };
    return {
      callbacks: {} as AmoWidget['callbacks'],
      get_settings: () => params,
      set_settings: (values) => {
        params = { ...params, ...values };
      },
    };
  };
  const seenBy =
    (seen: unknown[]): StartFeature =>
    () => ({
      settings(field) {
        seen.push(field.saved);
        return () => undefined;
      },
      stop: () => undefined,
    });

  it.each<[string, string, unknown, unknown]>([
    ['an input the host filled with the decoded object', '[object Object]', { mode: 'strict' }, { mode: 'strict' }],
    ['an empty input', '', { mode: 'strict' }, { mode: 'strict' }],
    ['an older host: the saved value as a JSON string', '', '{"mode":"strict"}', '{"mode":"strict"}'],
    ['an input holding JSON', '{&quot;mode&quot;:&quot;gentle&quot;}', { mode: 'strict' }, '{"mode":"gentle"}'],
  ])('seeds the form from get_settings() unless the input holds JSON: %s', (_case, input, saved, expected) => {
    document.body.innerHTML = customField(input);
    const seen: unknown[] = [];
    createCallbacks(savedWidget(saved), { features: [seenBy(seen)] }).settings();
    expect(seen).toEqual([expected]);
  });

  it('lets the features write their field into what the host saves, and shows it when the modal opens again', () => {
    document.body.innerHTML = customField('[object Object]');
    const start: StartFeature = () => ({
      save(request) {
        request.fields.config = '{"mode":"strict"}';
        return true;
      },
      stop: () => undefined,
    });
    const seen: unknown[] = [];
    const host = savedWidget(undefined);
    const callbacks = createCallbacks(host, { features: [start, seenBy(seen)] });
    const data: { active: string; fields?: Record<string, unknown> } = { active: 'Y' };
    expect(callbacks.onSave(data)).toBe(true);
    expect(data.fields).toEqual({ config: '{"mode":"strict"}' });
    callbacks.settings();
    expect(seen).toEqual(['{"mode":"strict"}']);
  });

  it('tells the features when the admin is switching the widget off, and never refuses that', () => {
    const actives: boolean[] = [];
    const start: StartFeature = () => ({
      save(request) {
        actives.push(request.active);
        // A feature that refuses every save, as a form with unconfirmed changes does.
        return false;
      },
      stop: () => undefined,
    });
    const callbacks = createCallbacks(widget(), { features: [start] });
    expect(callbacks.onSave({ active: 'N', fields: {} })).toBe(true);
    expect(callbacks.onSave({ active: 'Y', fields: {} })).toBe(false);
    expect(actives).toEqual([false, true]);
  });

  it("gives the custom field the modal's whole width and takes it back", () => {
    document.body.innerHTML = customField('');
    const callbacks = createCallbacks(widget(), { features: [seenBy([])] });
    callbacks.settings();
    expect(document.getElementById('task_guard_custom_content')?.style.width).toBe('100%');
    callbacks.destroy();
    expect(document.getElementById('task_guard_custom_content')?.style.width).toBe('');
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
