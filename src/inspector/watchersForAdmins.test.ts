import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import adminKit from '../admin';
import { ADMIN_CHUNK, isAdminKit, WATCHERS_CHUNK } from '../adminKit';
import type { Feature, FeatureEnv } from '../feature';
import type { WidgetContext } from '../host/amo';
import { reportOwnFailure } from '../host/network/registry';
import { createTranslate } from '../i18n';
import type { LoadChunk } from '../lazy';
import { ADMIN_ON_DASHBOARD, widgetContext } from '../testing/widgetContext';
import { startInspector } from './startInspector';
import watchKit from './watch';

/** The admin on the dashboard, or a manager (Anna, id 2) on the same page. */
const context = (isAdmin: boolean): WidgetContext =>
  widgetContext(isAdmin ? ADMIN_ON_DASHBOARD : { ...ADMIN_ON_DASHBOARD, userId: 2, userName: 'Anna', isAdmin: false });

/**
 * The page's RequireJS as the inspector sees it: every chunk asked for is noted; watchers.js arrives when the test
 * lets it (`arrive`), admin.js a task later.
 */
const page = () => {
  const requested: string[] = [];
  let arrive: () => void = () => undefined;
  const watchersArrived = new Promise<void>((resolve) => (arrive = resolve));
  const load: LoadChunk = async (chunk, guard) => {
    requested.push(chunk);
    if (chunk === WATCHERS_CHUNK) await watchersArrived;
    else await new Promise((resolve) => setTimeout(resolve, 0));
    const module: unknown = chunk === WATCHERS_CHUNK ? watchKit : chunk === ADMIN_CHUNK ? adminKit : undefined;
    if (!guard(module)) throw new Error(`${chunk}.js is not the module expected`);
    return module;
  };
  const env = (isAdmin: boolean): FeatureEnv => ({
    ctx: context(isAdmin),
    t: createTranslate(en),
    load,
    adminKit: () => load(ADMIN_CHUNK, isAdminKit),
  });
  return { requested, arrive, env };
};

const launcherName = () => document.querySelector('.tg-insp__launcher')?.getAttribute('aria-label');

const pageFetch = vi.fn(async () => new Response('{"title":"Bad Request"}', { status: 400 }));
const pageSend = XMLHttpRequest.prototype.send;
let savedFetch: typeof fetch;
let running: Feature | undefined;
beforeEach(() => {
  savedFetch = globalThis.fetch;
  globalThis.fetch = pageFetch as unknown as typeof fetch;
});
afterEach(() => {
  running?.stop();
  running = undefined;
  globalThis.fetch = savedFetch;
  document.body.innerHTML = '';
  sessionStorage.clear();
  // The watchers' page-wide registry outlives their undo (by design); each test starts on a fresh page.
  Reflect.deleteProperty(globalThis, Symbol.for('task-guard.network.v3'));
});

describe('the watchers load and install for admins only', () => {
  it("leaves a manager's fetch and XMLHttpRequest as the page's own and never asks for watchers.js", async () => {
    const { requested, env } = page();
    running = startInspector(env(false));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(requested).toEqual([]);
    expect(globalThis.fetch).toBe(pageFetch);
    expect(XMLHttpRequest.prototype.send).toBe(pageSend);
    expect(Symbol.for('task-guard.network.v3') in globalThis).toBe(false);
  });

  it("asks for watchers.js first for an admin, and the widget's own failure from before it arrived reaches the panel", async () => {
    const { requested, arrive, env } = page();
    running = startInspector(env(true));
    expect(requested[0]).toBe(WATCHERS_CHUNK);
    // The reminder's first check fails while watchers.js is on its way.
    reportOwnFailure({ url: '/api/v4/leads', method: 'GET', status: 500, body: '' });
    await vi.waitFor(() => expect(launcherName()).toBe('API errors: 0'));
    expect(globalThis.fetch).toBe(pageFetch);
    arrive();
    await vi.waitFor(() => expect(launcherName()).toBe('API errors: 1'));
    expect(globalThis.fetch).not.toBe(pageFetch);
    // A failure of the page's own call, after the watchers went in.
    await fetch('/api/v4/tasks', { method: 'POST' });
    await vi.waitFor(() => expect(launcherName()).toBe('API errors: 2'));
    running.stop();
    running = undefined;
    expect(globalThis.fetch).toBe(pageFetch);
    expect(XMLHttpRequest.prototype.send).toBe(pageSend);
  });
});
