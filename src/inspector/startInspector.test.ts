import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import adminKit, { type AdminKit } from '../admin';
import type { WatchKit } from '../adminKit';
import ru from '../../i18n/ru.json';
import type { WidgetContext } from '../host/amo';
import type { Captured, Listener } from '../host/network/captured';
import type { Slot } from '../host/network/sessionSlot';
import { injectStyle, mount } from '../host/mount';
import { createTranslate, type Langs } from '../i18n';
import type { Feature } from '../feature';
import { createStartInspector } from './startInspector';
import { allByRole, byRole } from './testing/queries';

const context = (over: Partial<WidgetContext> = {}): WidgetContext => ({
  widgetCode: 'task_guard',
  userId: 1,
  userName: 'Admin',
  isAdmin: true,
  language: 'ru',
  accountId: 1,
  subdomain: 'demo',
  timezone: 'Europe/Moscow',
  currency: 'RUB',
  managers: [],
  taskTypes: [],
  area: 'dashboard',
  pagePath: '/dashboard/',
  path: '',
  version: '1733000000',
  widgetVersion: '0.1.0',
  rawConfig: undefined,
  ...over,
});

const failure = (over: Partial<Captured> = {}): Captured => ({
  source: 'fetch',
  outcome: 'http',
  method: 'POST',
  url: 'https://demo.amocrm.ru/api/v4/tasks?USER_HASH=0c0e8f9dedfd8d24',
  status: 400,
  statusText: 'Bad Request',
  headers: { 'x-request-id': 'req-42' },
  body: JSON.stringify({
    'validation-errors': [
      {
        request_id: '0',
        errors: [{ code: 'NotSupportedChoice', path: 'entity_id', detail: '<img src=x onerror="window.pwned=1">' }],
      },
    ],
    title: '<b>Bad</b> Request',
    status: 400,
    detail: 'Request validation failed for ivan@example.com, access_token=abcdef123456',
  }),
  truncated: false,
  at: Date.now(),
  ...over,
});

/**
 * Starts the inspector against fake host pieces; the test feeds captured failures to its listener. admin.js is the
 * source kit, handed over a task later as RequireJS would, unless the test gives its own loader.
 */
const start = (
  ctx: WidgetContext,
  langs: Langs = ru,
  loadKit: () => Promise<AdminKit> = () => new Promise((resolve) => setTimeout(() => resolve(adminKit), 0)),
) => {
  const listeners: Listener[] = [];
  const copies: string[] = [];
  const saved: { value: string | null } = { value: null };
  const breaker = { tripped: false };
  const slot: Slot = {
    read: () => saved.value,
    save: (value) => {
      saved.value = value();
    },
    remove: () => {
      saved.value = null;
    },
  };
  const installs = vi.fn((listener: Listener) => {
    listeners.push(listener);
    return () => void listeners.splice(listeners.indexOf(listener), 1);
  });
  // watchers.js, handed over a task later as RequireJS would.
  const watchKit: WatchKit = {
    watch: ({ listener }) => installs(listener),
    tripped: () => breaker.tripped,
    traffic: () => [],
  };
  const watchers = vi.fn(() => new Promise<WatchKit>((resolve) => setTimeout(() => resolve(watchKit), 0)));
  const loads = vi.fn(loadKit);
  const feature = createStartInspector({
    watchers,
    slot: () => slot,
    mount,
    injectStyle: (id, css) => injectStyle(id, css),
    copy: async (text) => {
      copies.push(text);
      return true;
    },
  })({ ctx, t: createTranslate(langs), adminKit: loads });
  const emit = async (captured: Captured) => {
    for (const listener of listeners) listener(captured);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { feature, emit, copies, installs, watchers, listeners, saved, loads, breaker };
};

const launcher = () => document.querySelector<HTMLButtonElement>('.tg-insp__launcher');
/** The launcher appears once admin.js arrived. */
const shown = () => vi.waitFor(() => expect(launcher()).not.toBeNull());
let running: Feature | undefined;
afterEach(() => {
  running?.stop();
  running = undefined;
  document.body.innerHTML = '';
});

describe('startInspector', () => {
  it('shows a launcher whose name counts the failures, opening a named dialog', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 0');
    await s.emit(failure());
    await s.emit(failure({ status: 503, body: '', url: 'https://demo.amocrm.ru/api/v4/leads' }));
    // Preact subscribes in an effect (after the first frame): wait for it, as a user would.
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 2'));
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('tg-insp-title');
    expect(document.getElementById('tg-insp-title')?.textContent).toBe('Ошибки API');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('tg-insp-title'));
    // Newest first: the 503 leads the list.
    const titles = [...document.querySelectorAll('.tg-insp__card .tg-insp__head strong')].map((n) => n.textContent);
    expect(titles[0]).toBe('HTTP 503');
    expect(titles[1]).toBe('Код NotSupportedChoice · Валидация');
    dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(launcher()));
  });

  it('renders network text as inert text and never shows a secret', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    await s.emit(failure());
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const panel = document.querySelector('.tg-insp__panel');
    expect(panel?.querySelector('img, b, script')).toBeNull();
    expect(panel?.textContent).toContain('<img src=x onerror="window.pwned=1">');
    const html = document.body.innerHTML;
    expect(html).not.toContain('0c0e8f9dedfd8d24');
    expect(html).not.toContain('abcdef123456');
    expect(html).not.toContain('ivan@example.com');
    expect(s.saved.value).not.toContain('0c0e8f9dedfd8d24');
    expect(panel?.textContent).toContain('req-42');
  });

  it('copies a redacted Markdown report with the request id', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    await s.emit(failure());
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const copyButton = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Копировать отчёт');
    copyButton?.click();
    await vi.waitFor(() =>
      expect(document.querySelector('.tg-insp__actions [role="status"]')?.textContent).toBe('Скопировано'),
    );
    expect(s.copies[0]).toContain('req-42');
    expect(s.copies[0]).toContain('NotSupportedChoice');
    expect(s.copies[0]).not.toContain('0c0e8f9dedfd8d24');
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Копировать JSON')?.click();
    await vi.waitFor(() => expect(s.copies).toHaveLength(2));
    expect(JSON.parse(s.copies[1] ?? '{}')).toMatchObject({ failures: [{ requestIds: ['req-42'], status: 400 }] });
  });

  it('shows the breaker notice when the watchers trip after the panel was drawn', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    const notice = () =>
      [...document.querySelectorAll('.tg-insp__notice')].find((n) => n.textContent === ru.inspector.breaker);
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('.tg-insp__panel')).not.toBeNull();
    expect(notice()).toBeUndefined();
    s.breaker.tripped = true;
    // A store change redraws the open panel: it reads the breaker again.
    await s.emit(failure());
    await vi.waitFor(() => expect(notice()).toBeDefined());
    // Closed and opened again, the panel still says so.
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(notice()).toBeUndefined();
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(notice()).toBeDefined();
  });

  it('filters by status and clears', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    await s.emit(failure());
    await s.emit(failure({ status: 429, body: '{"title":"Too Many Requests","status":429}' }));
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const status = byRole(document.body, 'combobox', 'Статус') as HTMLSelectElement;
    status.value = '429';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(allByRole(byRole(document.body, 'list', 'Последние сбои'), 'listitem')).toHaveLength(1);
    byRole(document.body, 'button', 'Очистить').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 0'));
  });

  it('gives a manager no watchers: watchers.js is never asked for, nothing shown or kept, admin.js never loaded', async () => {
    const s = start(context({ isAdmin: false }));
    running = s.feature;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.watchers).not.toHaveBeenCalled();
    expect(s.installs).not.toHaveBeenCalled();
    expect(s.listeners).toHaveLength(0);
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(s.feature.advanced).toBeUndefined();
    expect(s.loads).not.toHaveBeenCalled();
  });

  it('keeps the failures captured while admin.js is still on its way', async () => {
    let arrive: (kit: AdminKit) => void = () => undefined;
    const s = start(context(), ru, () => new Promise((resolve) => (arrive = resolve)));
    running = s.feature;
    // Subscribed as soon as watchers.js arrived, before admin.js: the watchers report to someone from the first page on.
    expect(s.watchers).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(s.listeners).toHaveLength(1));
    await s.emit(failure());
    await s.emit(failure({ status: 503, body: '', url: 'https://demo.amocrm.ru/api/v4/leads' }));
    expect(launcher()).toBeNull();
    arrive(adminKit);
    await shown();
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 2'));
    await s.emit(failure({ status: 429, body: '{"title":"Too Many Requests","status":429}' }));
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 3'));
    expect(s.loads).toHaveBeenCalledTimes(1);
  });

  it('asks for admin.js once for the launcher and the advanced page', async () => {
    const s = start(context());
    running = s.feature;
    await shown();
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('.tg-insp__page')).not.toBeNull());
    expect(s.loads).toHaveBeenCalledTimes(1);
    undo?.();
  });

  it('tells the admin in a line when admin.js cannot be loaded, and tries again for the advanced page', async () => {
    const s = start(context(), ru, () => Promise.reject(new Error('script error')));
    running = s.feature;
    await s.emit(failure());
    await vi.waitFor(() => expect(document.querySelector('.task-guard__unavailable')).not.toBeNull());
    expect(document.querySelector('.task-guard__unavailable')?.textContent).toBe(ru.admin.unavailable);
    expect(launcher()).toBeNull();
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('.task-guard__unavailable')).not.toBeNull());
    expect(s.loads).toHaveBeenCalledTimes(2);
    undo?.();
    expect(root.childElementCount).toBe(0);
    root.remove();
    s.feature.stop();
    running = undefined;
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.querySelector('style[id^="task-guard"]')).toBeNull();
  });

  it('speaks English to an English user', async () => {
    const s = start(context({ language: 'en' }), en);
    running = s.feature;
    await shown();
    await s.emit(
      failure({
        url: 'https://demo.amocrm.ru/private/api/auth.php',
        status: 401,
        body: '{"response":{"error":"x","error_code":"110"}}',
      }),
    );
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('API errors: 1'));
    launcher()?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('.tg-insp__panel')?.textContent).toContain(
      'General authorization error. Incorrect login or password.',
    );
  });

  it('puts the history and the catalog search on the advanced settings page', async () => {
    const s = start(context());
    running = s.feature;
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('input[type="search"]')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('input[type="search"]');
    expect(input?.labels?.[0]?.textContent).toBe('Справочник ошибок amoCRM');
    if (!input) throw new Error('no search');
    input.value = 'капчи';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector('.tg-insp__results')?.textContent).toContain('Код 111 · Авторизация');
    undo?.();
    expect(root.childElementCount).toBe(0);
  });

  it('leaves the page as it found it on stop', async () => {
    const s = start(context());
    await shown();
    s.feature.stop();
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.getElementById('task-guard-style-inspector')).toBeNull();
    expect(s.listeners).toHaveLength(0);
  });

  it('draws nothing when stopped before admin.js arrived', async () => {
    const s = start(context());
    s.feature.stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.loads).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.querySelector('style[id^="task-guard"]')).toBeNull();
  });
});
