import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  errorsOf,
  launchBrowser,
  lifecycle,
  navigate,
  openPage,
  screenshot,
  startSandbox,
  waitReady,
  type SandboxHandle,
} from './harness';

let browser: Browser;
let sb: SandboxHandle;
const pages: Page[] = [];

const open = async (path: string, options: Parameters<typeof openPage>[2] = {}) => {
  const page = await openPage(browser, sb.url + path.replace(/^\//, ''), options);
  pages.push(page);
  return page;
};

const calls = async (page: Page) => (await lifecycle(page)).map((e) => e.call);

const expectClean = (page: Page) => {
  const { pageErrors, consoleErrors } = errorsOf(page);
  expect({ pageErrors, consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
};

beforeAll(async () => {
  browser = await launchBrowser();
  sb = await startSandbox();
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  await sb.reset();
});
afterAll(async () => {
  await sb?.stop();
  await browser?.close();
});

describe('the widget in the sandbox host', () => {
  it.each([
    ['the admin', 1, '/dashboard/'],
    ['a manager', 3, '/leads/pipeline/'],
  ])('loads for %s through the amoCRM life cycle without errors', async (_who, user, path) => {
    const page = await open(path, { user });
    // amoCRM's loader: a synchronous truthy render resolves a jQuery Deferred at once, so init runs before
    // bind_actions (GitHub `Psiant/two`, `frontend/bild/75620.907dc87499035442ff59.js`).
    expect(await calls(page)).toEqual(['script-loaded', 'render', 'init', 'bind_actions']);
    expect(
      await page.evaluate(
        () => (window as unknown as { APP: { constant(n: string): { id: number } } }).APP.constant('user').id,
      ),
    ).toBe(user);
    expectClean(page);
  });

  it('loads admin.js for the admin only, once per page, and never for a manager', async () => {
    const adminLoads = () =>
      Object.entries(sb.stats().byPath)
        .filter(([request]) => /^GET \/\S*\/admin\.js$/.test(request))
        .reduce((n, [, count]) => n + count, 0);
    const requested = (page: Page) =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => /\/admin\.js(\?|$)/.test(name)),
      );
    const manager = await open('/dashboard/', { user: 2 });
    for (const path of ['/leads/pipeline/', '/settings/widgets/', '/dashboard/']) await navigate(manager, path);
    expect(await manager.locator('.tg-insp__launcher').count()).toBe(0);
    expect(await requested(manager)).toEqual([]);
    expect(adminLoads()).toBe(0);

    const admin = await open('/dashboard/', { user: 1 });
    await admin.waitForSelector('.tg-insp__launcher');
    for (const path of ['/leads/pipeline/', '/settings/widgets/', '/dashboard/']) await navigate(admin, path);
    expect(await admin.locator('.tg-insp__launcher').count()).toBe(1);
    expect(await requested(admin)).toEqual([expect.stringMatching(/\/admin\.js\?v=\d/)]);
    expect(adminLoads()).toBe(1);
    expect(await requested(manager)).toEqual([]);
    expectClean(manager);
    expectClean(admin);
  });

  it('survives 20 navigations: render again each time, no errors, no duplicated styles or roots', async () => {
    const page = await open('/dashboard/', { user: 2 });
    const route = [
      '/leads/pipeline/',
      '/leads/list/',
      '/leads/detail/10000001',
      '/todo/list/',
      '/settings/widgets/',
      '/dashboard/',
    ];
    const snapshot = () =>
      page.evaluate(() => ({
        styles: [...document.querySelectorAll('style')].map((s) => s.id || s.textContent?.slice(0, 40)),
        roots: document.querySelectorAll('.task-guard').length,
      }));
    await navigate(page, route[0] ?? '/');
    const early = await snapshot();
    for (let i = 1; i <= 20; i += 1) await navigate(page, route[i % route.length] ?? '/');
    const late = await snapshot();
    const log = await calls(page);
    expect(log.filter((c) => c === 'render')).toHaveLength(22);
    expect(log.filter((c) => c === 'init')).toHaveLength(1);
    expect(new Set(late.styles).size).toBe(late.styles.length);
    expect(late.styles.length).toBeLessThanOrEqual(early.styles.length);
    expect(late.roots).toBeLessThanOrEqual(Math.max(early.roots, 1));
    expect(await page.getAttribute('html', 'data-navigations')).toBe('21');
    expectClean(page);
  });

  const saveConfig = async (config: Record<string, unknown>) => {
    const res = await fetch(`${sb.url}_sandbox/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: JSON.stringify(config) }),
    });
    expect(res.ok).toBe(true);
  };
  const openModal = async (page: Page) => {
    await page.click('.integration-card--ours');
    await page.waitForSelector('.widget-settings-modal:not(.modal--hidden) .task-guard__settings fieldset');
  };
  const strictChecked = (page: Page) => page.locator('.task-guard__settings input[type="radio"]').nth(1).isChecked();

  it('shows the saved strict policy in the form, and Save with an empty input keeps it', async () => {
    await saveConfig({ mode: 'strict', snoozeMinutes: 45 });
    const page = await open('/settings/widgets/', { user: 1, lang: 'en' });
    await openModal(page);
    expect(await calls(page)).toContain('settings');
    // The host renders the decoded saved object into the hidden input: no JSON there to read.
    expect(await page.inputValue('#task_guard_custom')).toBe('[object Object]');
    expect(await strictChecked(page)).toBe(true);
    // A custom field gets no host label: the form draws its own heading.
    expect((await page.textContent('.widget_settings_block__title_field')) ?? '').toBe('');
    expect(await page.textContent('.task-guard__settings h3')).toBe('Task Guard: deals without a next task');
    await screenshot(page, 'settings-modal');
    // The input emptied (an older or other host) and Save pressed without touching the form.
    await page.evaluate(() => {
      const input = document.getElementById('task_guard_custom') as HTMLInputElement;
      input.value = '';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.click('[data-action="save"]');
    await page.waitForFunction(() => document.documentElement.dataset.lifecycle?.includes('onSave:accepted'));
    await page.waitForSelector('.widget-settings-modal', { state: 'detached' });
    expect(sb.sandbox.store.widgetSettings.config).toMatchObject({ mode: 'strict', snoozeMinutes: 45 });
    // Only the policy reached the host's form: none of the form's own inputs was posted.
    expect(sb.stats().settingsSaves.at(-1)?.extra).toEqual([]);
    await page.reload();
    await waitReady(page);
    await openModal(page);
    expect(await strictChecked(page)).toBe(true);
    expectClean(page);
  });

  it('saves what the admin changed in the form, as a decoded object on the server', async () => {
    await saveConfig({ mode: 'gentle' });
    const page = await open('/settings/widgets/', { user: 1, lang: 'en' });
    await openModal(page);
    const save = page.locator('[data-action="save"]');
    expect(await save.isDisabled()).toBe(true);
    await page.locator('.task-guard__settings input[type="radio"]').nth(1).check();
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await page.waitForSelector('.widget-settings-modal', { state: 'detached' });
    expect(sb.sandbox.store.widgetSettings.config).toMatchObject({ mode: 'strict' });
    // The same page, the modal opened again: the instance shows what was just saved.
    await openModal(page);
    expect(await strictChecked(page)).toBe(true);
    expectClean(page);
  });

  it('renders the advanced settings page into #work-area-task_guard', async () => {
    const page = await open('/dashboard/', { user: 1 });
    await page.click('[data-menu="advanced"]');
    await page.waitForFunction(() => document.documentElement.dataset.lifecycle?.includes('advancedSettings'));
    const entry = (await lifecycle(page)).find((e) => e.call === 'advancedSettings');
    expect(entry?.area).toBe('advanced-settings:task_guard');
    expect(await page.locator('#work-area-task_guard').count()).toBe(1);
    expectClean(page);
  });

  it('switches the language: APP.lang_id and the widget language file follow', async () => {
    const page = await open('/dashboard/', { user: 2, lang: 'ru' });
    const langFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/i18n/')) langFiles.push(new URL(r.url()).pathname);
    });
    await Promise.all([page.waitForEvent('load'), page.selectOption('#lang-switch', 'en')]);
    await waitReady(page);
    expect(await page.evaluate(() => (window as unknown as { APP: { lang_id: string } }).APP.lang_id)).toBe('en');
    expect(langFiles).toContain('/upl/task_guard/widget/i18n/en.json');
    expect(await page.textContent('[data-menu="dashboard"]')).toContain('Dashboard');
    await navigate(page, '/leads/pipeline/');
    expect(await page.evaluate(() => (window as unknown as { APP: { lang_id: string } }).APP.lang_id)).toBe('en');
    expectClean(page);
  });

  it('switches the user with the user switcher', async () => {
    const page = await open('/dashboard/', { user: 1 });
    await Promise.all([page.waitForEvent('load'), page.selectOption('#user-switch', '4')]);
    await waitReady(page);
    const rights = await page.evaluate(() =>
      (window as unknown as { APP: { constant(n: string): { is_admin: boolean; id: number } } }).APP.constant(
        'user_rights',
      ),
    );
    expect(rights).toMatchObject({ is_admin: false, id: 4 });
  });

  it('gives the widget the host i18n(): false for a missing key, TypeError for a missing branch', async () => {
    const page = await open('/dashboard/');
    const result = await page.evaluate(() => {
      const w = (window as unknown as { __sandbox: { widget: { i18n(k: string): unknown } } }).__sandbox.widget;
      let threw = '';
      try {
        w.i18n('no_such_branch.key');
      } catch (error) {
        threw = (error as Error).name;
      }
      return { name: w.i18n('widget.name'), missing: w.i18n('widget.nope'), threw };
    });
    expect(result).toMatchObject({ missing: false, threw: 'TypeError' });
    expect(typeof result.name).toBe('string');
  });

  it('lets a manager set a task the native way from the deal card', async () => {
    const lead = sb.sandbox.store.data.leads.find(
      (l) => l.closestTaskAt === null && l.statusId !== 142 && l.statusId !== 143,
    );
    if (!lead) throw new Error('seed');
    const page = await open(`/leads/detail/${lead.id}`, { user: lead.responsibleUserId });
    expect(await page.locator('.card-feed .marker--none').count()).toBe(1);
    await page.fill('.composer-text', 'Перезвонить по договору');
    await page.click('.composer-submit');
    await page.waitForSelector('.feed-task');
    expect(lead.closestTaskAt).not.toBeNull();
    expect(await page.locator('.card-feed .marker--none').count()).toBe(0);
    expectClean(page);
  });

  it('runs API calls from the page as the logged-in user, under the 7-per-second limit', async () => {
    const page = await open('/dashboard/', { user: 2 });
    const answers = await page.evaluate(async () => {
      const users = (await fetch('/api/v4/users')).status;
      const me = ((await (await fetch('/api/v4/account')).json()) as { current_user_id: number }).current_user_id;
      const burst = await Promise.all(
        Array.from({ length: 10 }, () => fetch('/api/v4/leads/pipelines').then((r) => r.status)),
      );
      return { users, me, burst };
    });
    expect(answers.users).toBe(403);
    expect(answers.me).toBe(2);
    expect(answers.burst.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(sb.stats().byPath['GET /api/v4/leads/pipelines']).toBeGreaterThanOrEqual(10);
  });

  it.each(['fetch', 'xhr', 'jquery'])(
    'fires every fault lab case through %s without breaking the page',
    async (via) => {
      const page = await open('/sandbox/faults/', { user: 1 });
      const total = await page.locator('[data-fault-row]').count();
      await page.click(`[data-fire-all="${via}"]`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.fault-result--bad, .fault-result--ok').length === n,
        total,
        {
          timeout: 30_000,
        },
      );
      expect(total).toBeGreaterThan(60);
      expect(errorsOf(page).failedResponses.length).toBeGreaterThan(50);
      expect(errorsOf(page).pageErrors).toEqual([]);
    },
  );
});

describe('a widget without init_once', () => {
  let dir: string;
  let other: SandboxHandle;

  beforeAll(async () => {
    const built = fileURLToPath(new URL('../widget/', import.meta.url));
    dir = mkdtempSync(join(tmpdir(), 'task-guard-widget-'));
    cpSync(built, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { widget: { init_once: boolean } };
    manifest.widget.init_once = false;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    other = await startSandbox({ widgetDir: dir });
  });
  afterAll(async () => {
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is destroyed and created again on every page change', async () => {
    const page = await openPage(browser, `${other.url}dashboard/`, { user: 2 });
    pages.push(page);
    await navigate(page, '/leads/pipeline/');
    const log = await calls(page);
    expect(log).toEqual([
      'script-loaded',
      'render',
      'init',
      'bind_actions',
      'destroy',
      'render',
      'init',
      'bind_actions',
    ]);
    expectClean(page);
  });
});

describe('an archive whose admin.js does not load', () => {
  let dir: string;
  let broken: SandboxHandle;

  beforeAll(async () => {
    const built = fileURLToPath(new URL('../widget/', import.meta.url));
    dir = mkdtempSync(join(tmpdir(), 'task-guard-widget-'));
    cpSync(built, dir, { recursive: true });
    rmSync(join(dir, 'admin.js'));
    broken = await startSandbox({ widgetDir: dir });
  });
  afterAll(async () => {
    await broken?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the admin a line instead of the inspector, and nothing thrown into the page', async () => {
    const page = await openPage(browser, `${broken.url}dashboard/`, { user: 1, lang: 'en' });
    pages.push(page);
    const langs = JSON.parse(readFileSync(join(dir, 'i18n', 'en.json'), 'utf8')) as { admin: { unavailable: string } };
    await page.waitForSelector('.task-guard__unavailable');
    expect(await page.textContent('.task-guard__unavailable')).toBe(langs.admin.unavailable);
    expect(await page.locator('.tg-insp__launcher').count()).toBe(0);
    await navigate(page, '/leads/pipeline/');
    expect(await page.locator('.task-guard__unavailable').count()).toBe(1);
    expect(errorsOf(page).failedResponses).toEqual([expect.stringMatching(/^404 GET \S+\/admin\.js\?v=/)]);
    expectClean(page);
  });
});
