import { afterEach, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import type { Clock } from '../host/clock';
import { injectStyle, mount } from '../host/mount';
import { createTranslate } from '../i18n';
import type { LoadChunk } from '../lazy';
import { observable } from '../observable';
import { DEFAULT_CONFIG } from './config';
import type { ViewState } from './dialogModel';
import type { FlaggedDeal } from './scan';
import { RETRY_MS, showReminder } from './showReminder';
import reminderUi from './ui';

const NOW = Date.parse('2026-11-26T09:00:00Z');

const deal = (id: number): FlaggedDeal => ({
  id,
  name: `Deal ${id}`,
  price: 1000,
  responsibleUserId: 2,
  pipelineId: 1,
  statusId: 20,
  createdAt: NOW - 86_400_000,
  pipelineName: 'Sales',
  stageName: 'Proposal',
  since: NOW - 86_400_000,
});

const state = (patch: Partial<ViewState> = {}): ViewState => ({
  deals: [],
  failure: undefined,
  working: true,
  area: 'leads-pipeline',
  pagePath: '/leads/pipeline/1/',
  settingsOpen: false,
  now: NOW,
  checkedAt: NOW,
  hiddenUntil: 0,
  snooze: { day: '2026-11-26', count: 0, until: 0 },
  ...patch,
});

const setup = (load: LoadChunk) => {
  let now = NOW;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  const store = observable(state());
  const t = createTranslate(en);
  const display = {
    t,
    language: 'en',
    currency: 'RUB',
    timezone: 'Europe/Moscow',
    config: DEFAULT_CONFIG,
    taskTypes: [{ id: 1, name: 'Call' }],
    templates: [],
  };
  const actions = {
    drafts: new Map(),
    onClose: () => undefined,
    onEmergency: async () => true,
    create: async () => ({ ok: true as const }),
  };
  const undo = showReminder({ store, display, actions }, { load, clock, mount, injectStyle });
  return { store, undo, later: (ms: number) => (now += ms) };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const alert = () => document.querySelector('[role="alert"]');
const dialog = () => document.querySelector('[role="dialog"]');

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('showReminder', () => {
  it('loads the dialog only once there is something to show', async () => {
    const asked: string[] = [];
    const load: LoadChunk = async (chunk, guard) => {
      asked.push(chunk);
      if (!guard(reminderUi)) throw new Error('not the ui');
      return reminderUi;
    };
    const { store, undo } = setup(load);
    store.set({ deals: [], now: NOW + 1 });
    await flush();
    expect(asked).toEqual([]);
    store.set({ deals: [deal(1)] });
    await flush();
    expect(asked).toEqual(['reminder']);
    expect(dialog()).not.toBeNull();
    undo();
    expect(dialog()).toBeNull();
  });

  it('shows a plain localized line with the count when reminder.js cannot load, and tries again later', async () => {
    let online = false;
    let tries = 0;
    const load: LoadChunk = async (_chunk, guard) => {
      tries += 1;
      if (!online || !guard(reminderUi)) throw new Error('Script error');
      return reminderUi;
    };
    const { store, undo, later } = setup(load);
    store.set({ deals: [deal(1), deal(2)] });
    await flush();
    expect(dialog()).toBeNull();
    expect(alert()?.textContent).toContain('2 deals without a next step');
    expect(alert()?.textContent).toContain('could not be loaded');
    // Not at every change: a failed load waits before the next try.
    online = true;
    store.set({ now: NOW + 1000 });
    await flush();
    expect(tries).toBe(1);
    later(RETRY_MS);
    store.set({ now: NOW + RETRY_MS });
    await flush();
    expect(tries).toBe(2);
    expect(dialog()).not.toBeNull();
    expect(alert()).toBeNull();
    undo();
  });

  it('takes the line away when there is nothing to show any more', async () => {
    const { store, undo } = setup(async () => Promise.reject(new Error('offline')));
    store.set({ deals: [deal(1)] });
    await flush();
    expect(alert()).not.toBeNull();
    store.set({ deals: [] });
    expect(alert()).toBeNull();
    undo();
  });
});
