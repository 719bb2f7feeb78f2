/**
 * The inspector started against fake host pieces, for its tests: an admin's context, a captured failure that carries
 * secrets and markup, and the launcher the tests open. Test-only.
 */
import { afterEach, expect, vi } from 'vitest';
import ru from '../../../i18n/ru.json';
import { isAdminKit, type AdminKit, type WatchKit } from '../../adminKit';
import type { Feature } from '../../feature';
import type { WidgetContext } from '../../host/amo';
import type { Captured, Listener } from '../../host/network/captured';
import type { Slot } from '../../host/network/sessionSlot';
import { injectStyle, mount } from '../../host/mount';
import { createTranslate, type Langs } from '../../i18n';
import { ADMIN_CHUNK } from '../../lazy';
// The real admin.js comes through the shared test loader: src/testing/ is where test code may import an entry.
import { ADMIN_ON_DASHBOARD, lazyHalves, widgetContext } from '../../testing/widgetContext';
import { createStartInspector } from '../startInspector';

/** The admin of a small Moscow account, in Russian, on the dashboard. */
export const context = (over: Partial<WidgetContext> = {}): WidgetContext =>
  widgetContext({ ...ADMIN_ON_DASHBOARD, language: 'ru', ...over });

/**
 * A task amoCRM rejected: a validation error whose texts hold markup, an e-mail and a token, a USER_HASH in the URL
 * and a request id in the headers, so a test can see what is shown, what is hidden and what is reported.
 */
export const failure = (over: Partial<Captured> = {}): Captured => ({
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

/** admin.js, handed over a task later as RequireJS would. */
const adminKitLater = async (): Promise<AdminKit> => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return lazyHalves()(ADMIN_CHUNK, isAdminKit);
};

/**
 * Starts the inspector against fake host pieces; the test feeds captured failures to its listener. admin.js is the
 * source kit, handed over a task later as RequireJS would, unless the test gives its own loader.
 */
/** Every feature `start` made in the running test: each is stopped after it (stopping twice does nothing). */
const started = new Set<Feature>();

export const start = (ctx: WidgetContext, langs: Langs = ru, loadKit: () => Promise<AdminKit> = adminKitLater) => {
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
  started.add(feature);
  const emit = async (captured: Captured) => {
    for (const listener of listeners) listener(captured);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { feature, emit, copies, installs, watchers, listeners, saved, loads, breaker };
};

export const launcher = () => document.querySelector<HTMLButtonElement>('.tg-insp__launcher');

/** The launcher appears once admin.js arrived. */
export const shown = () => vi.waitFor(() => expect(launcher()).not.toBeNull());

/** Opens the panel from the launcher, as a click does, and lets it draw. */
export const openPanel = async (): Promise<void> => {
  launcher()?.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Registers, for the calling test file, a clean-up after each test: every feature it started stops, the page empties. */
export const cleanUpAfterEach = (): void => {
  afterEach(() => {
    for (const feature of started) feature.stop();
    started.clear();
    document.body.innerHTML = '';
  });
};
