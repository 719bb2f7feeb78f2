/**
 * E2E harness: a real Chromium (Debian's /usr/bin/chromium through playwright-core) against the sandbox.
 *
 *   const browser = await launchBrowser();
 *   const sb = await startSandbox();                       // in-process, free port, seeded demo account
 *   const page = await openPage(browser, sb.url + 'leads/pipeline/', { user: 2, lang: 'en' });
 *   await navigate(page, '/dashboard/');                   // SPA navigation: page:changed + render() again
 *   expect(errorsOf(page).pageErrors).toEqual([]);
 *   await sb.stop(); await browser.close();
 *
 * In a test file, `const { sb, open } = useSandbox();` does the starting, the stopping and the reset between tests.
 *
 * The tests assume `npm run build` produced widget/ (the sandbox serves those exact bytes); e2e/globalSetup.ts
 * builds it when it is missing.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions, type SettingsSave } from '../sandbox/server';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Installs Debian's chromium when it is missing (CI machines start fresh); needs root. */
export const ensureChromium = (): string => {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: run "apt-get install -y chromium" as root`);
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
  return CHROMIUM;
};

/**
 * Headless Chromium with the flags that keep it quiet and offline. Playwright's `launch` gives every browser a
 * fresh temporary profile (its own --user-data-dir), removed on close.
 */
export const launchBrowser = async (): Promise<Browser> =>
  chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export interface SandboxHandle {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  port: number;
  /** The in-process sandbox: `store` (the data), `config`, `faults`, `stats`, `limiter`. */
  sandbox: Sandbox;
  /**
   * Re-seeds the account (same options unless given), clears stats, fault rules, the limiter and saved settings,
   * and sets the clock back to the start's (`at`).
   */
  reset(options?: SandboxOptions): Promise<void>;
  /**
   * Request counts per `"METHOD /path"` plus `api` = all /api/ calls, and every Save of the settings modal
   * (`settingsSaves[i].extra`: posted names that are not manifest settings).
   */
  stats(): { api: number; byPath: Record<string, number>; settingsSaves: SettingsSave[] };
  stop(): Promise<void>;
}

/**
 * Starts a sandbox in this process on a free port of 127.0.0.1. Options: `deals`, `managers`, `now`, `seed`,
 * `rateLimit` (false to switch amoCRM's 7 req/s limit off, or partial limits), `apiFilter`, `widgetDir`, `at`
 * (the sandbox's time, e.g. `2026-12-02T11:00` in the account's zone), `settingsAsString` (an older host).
 */
export const startSandbox = async (options: SandboxOptions = {}): Promise<SandboxHandle> => {
  const sandbox = createSandbox(options);
  const { port, url } = await sandbox.listen(0);
  const initialOffset = sandbox.clock.offsetMs;
  return {
    url,
    port,
    sandbox,
    reset: async (next) => {
      sandbox.clock.offsetMs = initialOffset;
      sandbox.store.reset({ ...options, ...next });
      sandbox.stats.clear();
      sandbox.settingsSaves.length = 0;
      sandbox.faults.length = 0;
      sandbox.limiter.reset();
    },
    stats: () => {
      const byPath = Object.fromEntries(sandbox.stats);
      const api = Object.entries(byPath)
        .filter(([k]) => / \/api\//.test(k))
        .reduce((n, [, v]) => n + v, 0);
      return { api, byPath, settingsSaves: [...sandbox.settingsSaves] };
    },
    stop: () => sandbox.close(),
  };
};

/** What went wrong on a page: uncaught errors, console.error output, and failed HTTP responses (kept apart). */
export interface PageProblems {
  pageErrors: string[];
  /** console.error messages, without Chromium's "Failed to load resource" lines (those are in `failedResponses`). */
  consoleErrors: string[];
  /** `STATUS METHOD URL` of every response >= 400 (the fault lab and the API emulator produce these on purpose). */
  failedResponses: string[];
}

const problems = new WeakMap<Page, PageProblems>();

/** The problems collected on a page opened with `openPage`. */
export const errorsOf = (page: Page): PageProblems =>
  problems.get(page) ?? { pageErrors: [], consoleErrors: [], failedResponses: [] };

export interface OpenOptions {
  /** 1 = the admin, 2.. = managers. Sticks for later navigations (cookie). */
  user?: number;
  lang?: 'ru' | 'en' | 'es' | 'pt';
  /** Wait for the host to be ready (page drawn, widget loaded); default true. */
  waitReady?: boolean;
}

/**
 * Opens `url` as `user` in `lang` in a new page (a new context when given a Browser), collecting page errors and
 * console errors from the start, and waits until the host drew the page and ran the widget's life cycle.
 */
export const openPage = async (
  target: Browser | BrowserContext,
  url: string,
  options: OpenOptions = {},
): Promise<Page> => {
  const context = 'newContext' in target ? await target.newContext({ viewport: { width: 1360, height: 860 } }) : target;
  const page = await context.newPage();
  const found: PageProblems = { pageErrors: [], consoleErrors: [], failedResponses: [] };
  problems.set(page, found);
  page.on('pageerror', (error) => found.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      found.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      found.failedResponses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const target_ = new URL(url);
  if (options.user !== undefined) target_.searchParams.set('user', String(options.user));
  if (options.lang !== undefined) target_.searchParams.set('lang', options.lang);
  await page.goto(target_.toString());
  if (options.waitReady !== false) await waitReady(page);
  return page;
};

/** What `useSandbox` gives a test file. */
export interface SandboxSession {
  /** The file's sandbox; throws before `beforeAll` started it. */
  sb(): SandboxHandle;
  /** `openPage` on `on` (the file's sandbox unless given); the page's context is closed after the test. */
  open(path: string, options?: OpenOptions, on?: SandboxHandle): Promise<Page>;
}

/**
 * One browser and one sandbox for the calling test file, started before its first test and stopped after its last;
 * after each test the pages it opened are closed and the sandbox is reset, so every test starts from the seed.
 */
export const useSandbox = (options: SandboxOptions = {}): SandboxSession => {
  let browser: Browser | undefined;
  let sb: SandboxHandle | undefined;
  const pages: Page[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser and the sandbox start in beforeAll');
    return value;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
    sb = await startSandbox(options);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await sb?.reset();
  });
  afterAll(async () => {
    await sb?.stop();
    await browser?.close();
  });
  return {
    sb: () => started(sb),
    open: async (path, openOptions = {}, on) => {
      const page = await openPage(started(browser), (on ?? started(sb)).url + path.replace(/^\//, ''), openOptions);
      pages.push(page);
      return page;
    },
  };
};

/** Waits until the host finished drawing the current page and telling the widget about it. */
export const waitReady = async (page: Page): Promise<void> => {
  await page.waitForFunction(
    () => (window as unknown as { __sandbox?: { ready?: boolean } }).__sandbox?.ready === true,
  );
};

/** Single-page navigation inside the host (no reload), resolved once the widget got `render()` again. */
export const navigate = async (page: Page, path: string): Promise<void> => {
  await page.evaluate(
    (p) => (window as unknown as { __sandbox: { navigate(path: string): Promise<void> } }).__sandbox.navigate(p),
    path,
  );
};

export interface LifecycleEntry {
  call: string;
  area: string;
  at: number;
}

/** The host's record of every widget callback it made (`render`, `bind_actions`, `init`, `settings`, ...). */
export const lifecycle = async (page: Page): Promise<LifecycleEntry[]> =>
  page.evaluate(() => (window as unknown as { __sandbox: { lifecycle: LifecycleEntry[] } }).__sandbox.lifecycle);

/** Saves a screenshot to e2e/screenshots/<name>.png (git-ignored) and returns its path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path });
  return path;
};
