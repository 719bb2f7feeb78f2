/** Shared builders of the reminder runtime tests: a tiny fake account, the runtime started with it. Test-only. */
import { afterEach, beforeEach, vi } from 'vitest';
import en from '../../i18n/en.json';
import type { WidgetContext } from '../host/amo';
import { ApiError, type Api } from '../host/api';
import { realClock } from '../host/clock';
import { joinTabs, sharedValue } from '../host/tabs';
import { createTranslate } from '../i18n';
import { lazyHalves, memory, widgetContext, type Halves } from './widgetContext';
import { createStartReminder, type ReminderDeps, type SnoozeRecord, type TabMessage } from '../reminder/startReminder';

/** The reminder as the host starts it, with these dependencies and lazy halves. */
export const startReminderWith = (
  env: { ctx: WidgetContext; t: ReturnType<typeof createTranslate>; halves?: Halves },
  deps: Partial<ReminderDeps>,
) => createStartReminder(deps)({ ctx: env.ctx, t: env.t, load: lazyHalves(env.halves) });

export const NOW = Date.parse('2026-11-26T09:00:00Z');
export const S = NOW / 1000;

export const lead = (id: number, closest: number | null = null) => ({
  id,
  name: `Deal ${id}`,
  price: 1000,
  responsible_user_id: 2,
  pipeline_id: 1,
  status_id: 20,
  created_at: S - 86_400 * 5,
  updated_at: S - 86_400,
  closest_task_at: closest,
});

/** An Api that answers like a tiny account and records what was posted. */
export const fakeApi = (
  options: {
    fail?: boolean;
    rejectPost?: boolean;
    tasks?: () => Promise<unknown[]>;
    failLater?: { on: boolean; kind?: 'blocked' | 'network' | 'http' };
  } = {},
) => {
  let sent = 0;
  const posts: { path: string; body: unknown }[] = [];
  const gets: string[] = [];
  const api: Api = {
    async get(path) {
      sent += 1;
      gets.push(path);
      if (options.fail) throw new ApiError({ kind: 'network', message: 'offline' }, 'GET', path);
      if (path === '/api/v4/account') return { is_api_filter_enabled: true };
      return {
        _embedded: {
          pipelines: [{ id: 1, name: 'Sales', _embedded: { statuses: [{ id: 20, name: 'Proposal', type: 0 }] } }],
        },
      };
    },
    async getAll(path, _query, key) {
      sent += 1;
      if (options.failLater?.on) {
        const kind = options.failLater.kind ?? 'blocked';
        if (kind === 'network') throw new ApiError({ kind: 'network', message: 'offline' }, 'GET', path);
        if (kind === 'http')
          throw new ApiError({ kind: 'http', status: 500, body: 'Internal Server Error' }, 'GET', path);
        throw new ApiError({ kind: 'blocked', until: NOW + 900_000 }, 'GET', path);
      }
      if (key === 'tasks' && options.tasks) return options.tasks();
      return key === 'leads' ? [lead(1), lead(2), lead(3, S + 3600)] : [];
    },
    async post(path, body) {
      sent += 1;
      posts.push({ path, body });
      if (options.rejectPost)
        throw new ApiError({ kind: 'http', status: 400, body: '{"title":"Bad Request"}' }, 'POST', path);
      return {};
    },
    get sent() {
      return sent;
    },
    blockedUntil: () => 0,
  };
  return { api, posts, gets };
};

export const ctx = widgetContext;

export const start = (patch: Partial<WidgetContext> = {}, api = fakeApi().api) => {
  const snoozes = sharedValue<SnoozeRecord>('snooze', memory());
  const feature = startReminderWith(
    { ctx: ctx(patch), t: createTranslate(en) },
    { api, clock: realClock, snoozes, tabs: joinTabs<TabMessage>('tg', { clock: realClock }) },
  );
  return { feature, snoozes };
};

export const dialog = () => document.querySelector('.task-guard [role="dialog"]');
export const settle = () => vi.advanceTimersByTimeAsync(50);

/** Fake timers at NOW for every test of the calling file, and a clean page after each. */
export const useReminderTime = (): void => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
    document.head.innerHTML = '';
  });
};
