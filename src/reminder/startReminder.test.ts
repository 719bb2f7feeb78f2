import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import type { WidgetContext } from '../host/amo';
import { ApiError, createApi, type Api } from '../host/api';
import { realClock } from '../host/clock';
import { mount as mountForTest } from '../host/mount';
import { joinTabs, sharedValue } from '../host/tabs';
import { createTranslate } from '../i18n';
import { ACCOUNT_EVERY, startReminderWith, type SnoozeRecord, type TabMessage } from './startReminder';

vi.mock('../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

const NOW = Date.parse('2026-11-26T09:00:00Z');
const S = NOW / 1000;

const lead = (id: number, closest: number | null = null) => ({
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
const fakeApi = (
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

const ctx = (patch: Partial<WidgetContext> = {}): WidgetContext => ({
  widgetCode: 'task_guard',
  userId: 2,
  userName: 'Anna',
  isAdmin: false,
  language: 'en',
  accountId: 1,
  subdomain: 'demo',
  timezone: 'Europe/Moscow',
  currency: 'RUB',
  managers: [
    { id: 1, name: 'Admin', isAdmin: true, active: true },
    { id: 2, name: 'Anna', isAdmin: false, active: true },
  ],
  taskTypes: [{ id: 1, name: 'Follow-up' }],
  area: 'leads-pipeline',
  pagePath: '/leads/pipeline/1/',
  path: '',
  version: '1733000000',
  widgetVersion: '0.1.0',
  rawConfig: JSON.stringify({ mode: 'gentle' }),
  ...patch,
});

const memory = () => {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
};

const start = (patch: Partial<WidgetContext> = {}, api = fakeApi().api) => {
  const snoozes = sharedValue<SnoozeRecord>('snooze', memory());
  const feature = startReminderWith(
    { ctx: ctx(patch), t: createTranslate(en) },
    { api, clock: realClock, snoozes, tabs: joinTabs<TabMessage>('tg', { clock: realClock }) },
  );
  return { feature, snoozes };
};

const dialog = () => document.querySelector('.task-guard [role="dialog"]');
const settle = () => vi.advanceTimersByTimeAsync(50);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
});

describe('startReminder', () => {
  it('shows a manager the deals without a next step', async () => {
    const { feature } = start();
    await settle();
    expect(dialog()).not.toBeNull();
    const links = [...document.querySelectorAll('.task-guard a.task-guard__link')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(['/leads/detail/1', '/leads/detail/2']);
    feature.stop();
    expect(dialog()).toBeNull();
  });

  it('leaves admins alone by default, without a single request', async () => {
    const { api } = fakeApi();
    const { feature } = start({ userId: 1, isAdmin: true }, api);
    await settle();
    expect(dialog()).toBeNull();
    expect(api.sent).toBe(0);
    feature.stop();
  });

  it('creates the task on the deal for the user, in Unix seconds, and drops the row', async () => {
    const { api, posts } = fakeApi();
    const { feature } = start({}, api);
    await settle();
    const area = document.querySelector<HTMLTextAreaElement>('.task-guard textarea');
    if (!area) throw new Error('no form');
    area.value = 'Call back';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector('.task-guard form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    const body = (posts[0]?.body as Record<string, unknown>[])[0];
    expect(posts[0]?.path).toBe('/api/v4/tasks');
    expect(body).toMatchObject({ text: 'Call back', entity_type: 'leads', responsible_user_id: 2, task_type_id: 1 });
    expect(Number.isInteger(body?.complete_till)).toBe(true);
    expect(body?.complete_till).toBeGreaterThan(S);
    expect(String(body?.request_id)).toMatch(/^task-guard-/);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });

  it('gentle: closing snoozes in every tab, up to the daily limit', async () => {
    const { feature, snoozes } = start();
    await settle();
    document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
    await settle();
    expect(dialog()).toBeNull();
    expect(snoozes.read()).toMatchObject({ count: 1, until: NOW + 50 + 30 * 60_000 });
    // It comes back by itself when the snooze ends.
    await vi.advanceTimersByTimeAsync(30 * 60_000 + 100);
    expect(dialog()).not.toBeNull();
    // Three closings a day (the default), then it stays.
    for (let i = 0; i < 2; i += 1) {
      document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
      await vi.advanceTimersByTimeAsync(30 * 60_000 + 100);
    }
    expect(dialog()).not.toBeNull();
    expect(snoozes.read()?.count).toBe(3);
    expect(document.querySelector('.task-guard__close')).toBeNull();
    expect(document.querySelector('.task-guard__snoozes')?.textContent).toContain('No snoozes left today');
    feature.stop();
  });

  it('strict: no way to close while deals remain', async () => {
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) });
    await settle();
    expect(dialog()).not.toBeNull();
    expect(document.querySelector('.task-guard__close')).toBeNull();
    feature.stop();
  });

  it('a failing first check never shows a blocking dialog', async () => {
    const { api } = fakeApi({ fail: true });
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
    await settle();
    expect(dialog()).toBeNull();
    feature.stop();
  });

  it.each([
    ['a server error (500)', 'http', 'could not check your deals'],
    ['a network failure', 'network', 'No connection'],
  ] as const)(
    'strict mode: %s on the next check unlocks the reminder already shown, and closing works',
    async (_name, kind, notice) => {
      const failLater = { on: false, kind };
      const { api } = fakeApi({ failLater });
      const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
      await settle();
      // The first check succeeded: strict, nothing to close it with.
      expect(dialog()).not.toBeNull();
      expect(document.querySelector('.task-guard__close')).toBeNull();
      failLater.on = true;
      await vi.advanceTimersByTimeAsync(5 * 60_000 + 100);
      expect(dialog()).not.toBeNull();
      expect(document.querySelector('.task-guard__notice-line')?.textContent).toContain(notice);
      const close = document.querySelector<HTMLButtonElement>('.task-guard__close');
      expect(close).not.toBeNull();
      close?.click();
      await settle();
      expect(dialog()).toBeNull();
      feature.stop();
    },
  );

  it('reads the account and its stages once per hour of checks, and again after a failed check', async () => {
    const failLater = { on: false, kind: 'http' as const };
    const { api, gets } = fakeApi({ failLater });
    const { feature } = start({}, api);
    const reads = () => gets.filter((p) => p === '/api/v4/account' || p === '/api/v4/leads/pipelines').length;
    const fullCheck = () => vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle();
    expect(dialog()).not.toBeNull();
    expect(reads()).toBe(2);
    await fullCheck();
    await fullCheck();
    // Two more full checks, no more reads of the account: each costs only the deals and the tasks.
    expect(reads()).toBe(2);
    failLater.on = true;
    await fullCheck();
    failLater.on = false;
    await fullCheck();
    // A failed check drops what was kept: the next one reads the account afresh.
    expect(reads()).toBe(4);
    for (let i = 1; i < ACCOUNT_EVERY; i += 1) await fullCheck();
    expect(reads()).toBe(4);
    await fullCheck();
    // And at least once every ACCOUNT_EVERY checks, so a pipeline edited meanwhile shows up.
    expect(reads()).toBe(6);
    feature.stop();
  });

  it('a check that was under way when a task was created does not bring its row back', async () => {
    let answer: (tasks: unknown[]) => void = () => undefined;
    let hold = false;
    const { api } = fakeApi({
      tasks: () => (hold ? new Promise((resolve) => (answer = resolve)) : Promise.resolve([])),
    });
    const { feature } = start({}, api);
    await settle();
    hold = true;
    // Navigation: a quick re-check starts and waits for its answer.
    feature.navigated?.('leads');
    await settle();
    const area = document.querySelector<HTMLTextAreaElement>('.task-guard textarea');
    if (!area) throw new Error('no form');
    area.value = 'Call';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector('.task-guard form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    // The old answer (no tasks anywhere) arrives after the task was created.
    hold = false;
    answer([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });

  it('strict mode: a later failed check makes the shown reminder closable, with a notice', async () => {
    const failLater = { on: false };
    const { api } = fakeApi({ failLater });
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
    await settle();
    expect(document.querySelector('.task-guard__close')).toBeNull();
    failLater.on = true;
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 100);
    expect(document.querySelector('.task-guard__notice-line')?.textContent).toContain('limiting requests');
    document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
    await settle();
    expect(dialog()).toBeNull();
    feature.stop();
  });

  it.each([
    ['the Integrations page', 'widgetsSettings', '/settings/widgets/'],
    ['the login log', 'authlog', '/settings/authlog/'],
    ['any other settings page, whatever its area', 'users', '/settings/users/'],
    ['the widget page', 'advanced-settings:task_guard', '/settings/widgets/task_guard/'],
    ['a deal card', 'leads_card', '/leads/detail/1'],
  ])('stays off %s', async (_name, area, path) => {
    const { feature } = start();
    await settle();
    expect(dialog()).not.toBeNull();
    feature.navigated?.(area, path);
    await settle();
    expect(dialog()).toBeNull();
    feature.navigated?.('leads-pipeline', '/leads/pipeline/1/');
    await settle();
    expect(dialog()).not.toBeNull();
    feature.stop();
  });

  it('gives way to the widget settings modal while it is open, even in strict mode', async () => {
    document.body.innerHTML = '<div id="task_guard_custom_content"></div>';
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) });
    await settle();
    expect(dialog()).not.toBeNull();
    const root = document.getElementById('task_guard_custom_content') as HTMLElement;
    const close = feature.settings?.({ root, saved: undefined, set: () => undefined });
    await settle();
    expect(dialog()).toBeNull();
    close?.();
    await settle();
    expect(dialog()).not.toBeNull();
    feature.stop();
  });

  it('offers the built-in call and meeting types and every type of the account', async () => {
    const { feature } = start({
      taskTypes: [
        { id: 1, name: '' },
        { id: 2, name: '' },
        { id: 3, name: 'Письмо' },
        { id: 7, name: 'Отправить КП' },
      ],
    });
    await settle();
    const options = [...document.querySelectorAll<HTMLOptionElement>('.task-guard [role="dialog"] select option')];
    const offered = options.map((option) => option.textContent);
    expect(offered).toEqual(
      expect.arrayContaining([en.reminder.types.call, en.reminder.types.meeting, 'Письмо', 'Отправить КП']),
    );
    feature.stop();
  });
});

describe('a task amoCRM rejects', () => {
  const reject = async (adminKit: () => Promise<unknown>) => {
    const { api, posts } = fakeApi({ rejectPost: true });
    const feature = startReminderWith(
      { ctx: ctx(), t: createTranslate(en), adminKit: adminKit as never },
      {
        api,
        clock: realClock,
        snoozes: sharedValue<SnoozeRecord>('snooze', memory()),
        tabs: joinTabs<TabMessage>('tg', { clock: realClock }),
      },
    );
    // The tabs meet over a real BroadcastChannel, whose messages no fake timer hurries: wait for the form.
    const text = await vi.waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('.task-guard [role="dialog"] textarea');
      if (!found) throw new Error('no task form');
      return found;
    });
    text.value = 'Call back about the contract';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector<HTMLButtonElement>('.task-guard [role="dialog"] button[type="submit"]')?.click();
    await settle();
    const problem = document.querySelector('.task-guard__problem')?.textContent ?? '';
    const kept = document.querySelector<HTMLTextAreaElement>('.task-guard [role="dialog"] textarea')?.value;
    feature.stop();
    return { problem, kept, posts };
  };

  it('is explained from the catalog in admin.js, loaded only now, and keeps the typed text', async () => {
    const explainFailure = vi.fn(() => ({
      code: 'FieldMissing',
      section: 'tasks',
      title: 'Catalog title',
      explanation: 'Catalog explanation',
      advice: 'Catalog advice',
      rows: [],
    }));
    const adminKit = vi.fn(async () => ({ explainFailure }));
    const { problem, kept, posts } = await reject(adminKit);
    expect(posts).toHaveLength(1);
    expect(adminKit).toHaveBeenCalledTimes(1);
    expect(explainFailure).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', status: 400, body: '{"title":"Bad Request"}' }),
      expect.any(Function),
    );
    expect(problem).toContain('Catalog explanation');
    expect(kept).toBe('Call back about the contract');
  });

  it('still says so, plainly, when admin.js cannot load', async () => {
    const { problem, kept } = await reject(async () => {
      throw new Error('script error');
    });
    expect(problem).toContain(en.reminder.taskFailed);
    expect(problem).toContain(en.reminder.taskNotice.failed);
    expect(kept).toBe('Call back about the contract');
  });
});

describe('stop', () => {
  it('takes the dialog and its sheet away even when one undo throws', async () => {
    const snoozes = sharedValue<SnoozeRecord>('snooze', memory());
    const feature = startReminderWith(
      { ctx: ctx(), t: createTranslate(en) },
      {
        api: fakeApi().api,
        clock: realClock,
        snoozes,
        tabs: joinTabs<TabMessage>('tg', { clock: realClock }),
        // The mount's undo runs first (last in, first out) and fails.
        mount: (vnode, where) => {
          const undo = mountForTest(vnode, where);
          return () => {
            undo();
            throw new Error('unmount failed');
          };
        },
      },
    );
    await settle();
    expect(dialog()).not.toBeNull();
    expect(document.querySelectorAll('style').length).toBe(1);
    expect(() => feature.stop()).not.toThrow();
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});

describe('a task refused for rights', () => {
  it("fails only that task: the next deal's task is created at once, and checks go on", async () => {
    let refused = 0;
    const posted: unknown[] = [];
    const api = createApi({
      now: () => Date.now(),
      fetch: async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          if (posted.length === 1) {
            refused += 1;
            return Response.json(
              { title: 'Forbidden', status: 403, detail: 'Недостаточно прав. Доступ запрещен.' },
              { status: 403 },
            );
          }
          return Response.json({ _embedded: { tasks: [{ id: 99 }] } });
        }
        if (url.startsWith('/api/v4/account')) return Response.json({ is_api_filter_enabled: true });
        if (url.startsWith('/api/v4/leads/pipelines'))
          return Response.json({
            _embedded: {
              pipelines: [{ id: 1, name: 'Sales', _embedded: { statuses: [{ id: 20, name: 'Proposal', type: 0 }] } }],
            },
          });
        if (url.startsWith('/api/v4/leads')) return Response.json({ _embedded: { leads: [lead(1), lead(2)] } });
        return new Response(null, { status: 204 });
      },
    });
    const feature = startReminderWith(
      { ctx: ctx(), t: createTranslate(en), adminKit: async () => Promise.reject(new Error('offline')) },
      {
        api,
        clock: realClock,
        snoozes: sharedValue<SnoozeRecord>('snooze', memory()),
        tabs: joinTabs<TabMessage>('tg', { clock: realClock }),
      },
    );
    await vi.advanceTimersByTimeAsync(3_000);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(2);
    const submit = async () => {
      const open = document.querySelector('.task-guard__row--open');
      const text = open?.querySelector<HTMLTextAreaElement>('textarea');
      if (!open || !text) throw new Error('no task form');
      text.value = 'Call back';
      text.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      open.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await vi.advanceTimersByTimeAsync(1_000);
    };
    await submit();
    expect(refused).toBe(1);
    expect(document.querySelector('.task-guard__problem')?.textContent).toBeTruthy();
    expect(api.blockedUntil()).toBe(0);
    // The other deal: its task goes through at once, with no 15-minute pause.
    const other = [...document.querySelectorAll('.task-guard__row')].find(
      (row) => !row.classList.contains('task-guard__row--open'),
    );
    other?.querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    await submit();
    expect(posted).toHaveLength(2);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });
});
