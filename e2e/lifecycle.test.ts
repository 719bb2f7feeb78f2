/**
 * The widget's life cycle in the sandbox host: amoCRM's callbacks in order, page changes with and without
 * init_once, and the admin-only admin.js (loaded once, for the admin only, and missed gracefully).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClean } from './expectClean';
import { errorsOf, lifecycle, navigate, startSandbox, useSandbox, type SandboxHandle } from './harness';

const { sb, open } = useSandbox();

const calls = async (page: Page) => (await lifecycle(page)).map((e) => e.call);

/** A copy of the built widget/ in a temporary folder, for a test to change; the caller removes it. */
const copyOfBuild = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'task-guard-widget-'));
  cpSync(fileURLToPath(new URL('../widget/', import.meta.url)), dir, { recursive: true });
  return dir;
};

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
      Object.entries(sb().stats().byPath)
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
});

describe('a widget without init_once', () => {
  let dir: string;
  let other: SandboxHandle;

  beforeAll(async () => {
    dir = copyOfBuild();
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
    const page = await open('/dashboard/', { user: 2 }, other);
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
    dir = copyOfBuild();
    rmSync(join(dir, 'admin.js'));
    broken = await startSandbox({ widgetDir: dir });
  });
  afterAll(async () => {
    await broken?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the admin a line instead of the inspector, and nothing thrown into the page', async () => {
    const page = await open('/dashboard/', { user: 1, lang: 'en' }, broken);
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
