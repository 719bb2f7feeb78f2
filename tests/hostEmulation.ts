/**
 * A jsdom emulation of the amoCRM host for the BUILT script.js. The loader and the widget base object are NOT
 * written here: this imports the sandbox's own `sandbox/public/loader.js` (the same module the sandbox page loads), so
 * both emulations follow the real host alike (GitHub `Psiant/two` `frontend/bild/75620.907dc87499035442ff59.js`
 * l.1892-1990): render, then init once render answered truthy (at once for a synchronous answer, through a jQuery
 * Deferred), then bind_actions; render again on every page for init_once widgets; destroy then `$(document).off(ns)`.
 * This file adds what jsdom lacks: `APP` with the real shapes of its constants, a module loader for script.js and
 * the language file, and the page's global `require`, which hands over the BUILT admin.js, watchers.js and checks.js. Test-only.
 */
import jqueryFactory from 'jquery';
import { createWidgetHost, shortArea } from '../sandbox/public/loader.js';
import type { AmoCallbacks, AmoWidget } from '../src/host/amo';

/** The install stamp the emulated host gives as `get_settings().version` and in every `?v=` (`installed_version`). */
export const INSTALL_STAMP = '1733050000';
export const WIDGET_PATH = '/widgets/task_guard';
/** The module id admin.js has under the emulated widget settings (`<path>/admin.js?v=<install stamp>`). */
export const ADMIN_ID = `${WIDGET_PATH}/admin.js?v=${INSTALL_STAMP}`;
/** The module id of watchers.js, the admins' network watchers, loaded before admin.js. */
export const WATCHERS_ID = `${WIDGET_PATH}/watchers.js?v=${INSTALL_STAMP}`;
/** The module id of checks.js, what a check reads, loaded by the tab that checks. */
export const CHECKS_ID = `${WIDGET_PATH}/checks.js?v=${INSTALL_STAMP}`;
/** The integration's name in amoMarket, which the loader writes over `langs.widget.name`. */
export const INTEGRATION_NAME = 'Task Guard';

/** The demo account's own task types, as `APP.constant('task_types')` holds them: never the built-in 1 and 2. */
export const OWN_TASK_TYPES = {
  key_3: { id: '3', option: 'Письмо', color: '#c8e6ff', icon_id: 3 },
  key_4: { id: '4', option: 'Отправить КП', color: '#ffc8c8', icon_id: 5 },
};

export interface HostOptions {
  script: string;
  /** The built admin.js the page's `require` hands over; without it, loading admin.js fails as a 404 would. */
  admin?: string;
  /** The built watchers.js the page's `require` hands over to an admin's inspector; without it, a 404 as above. */
  watchers?: string;
  /** The built checks.js the page's `require` hands over for the first check; without it, a 404 as above. */
  checks?: string;
  langs: Record<string, unknown>;
  /** Dictionaries the page's `require` hands over for `json!<path>/i18n/<lang>.json?v=...`, by language. */
  dictionaries?: Record<string, Record<string, unknown>>;
  userId?: number;
  isAdmin?: boolean;
  language?: string;
  /** The saved custom field as the host hands it to `get_settings().config`: decoded (an object) on today's host. */
  config?: unknown;
  area?: string;
  /** `APP.constant('task_types')`; the account's own types by default. */
  taskTypes?: unknown;
  /** A base object with none of the host's methods or settings: what a broken or future host might hand over. */
  bareWidget?: boolean;
}

/** One Save of the settings form: what onSave got and what the emulated server kept. */
export interface SettingsResult {
  ok: boolean;
  /** The fields the form posted (after onSave, which may write into them). */
  fields: Record<string, unknown>;
}

export interface OpenedSettings {
  /** The modal's body, holding the host's settings block. */
  body: HTMLElement;
  /** Presses Save: the host's form serialization, onSave, then the server's decoding. */
  save(): Promise<SettingsResult>;
}

export interface LoadedWidget {
  widget: AmoWidget;
  callbacks: AmoCallbacks;
  /** The host's life cycle for a first page: render, init (once render answered truthy), bind_actions. */
  start(): Promise<void>;
  /** A navigation inside the single-page app: `page:changed`, then render again (init_once). */
  navigate(area: string): Promise<void>;
  destroy(): void;
  /** The integrations modal: the host's settings markup, then `settings($body)`. */
  openSettings(): OpenedSettings;
  /** What the emulated server keeps of the settings (custom fields decoded). */
  saved: Record<string, unknown>;
  /** Every callback the host made, in order (`render`, `init`, `bind_actions`, ...). */
  calls: string[];
  /** Every module id the widget asked the page's `require` for, in order. */
  required: string[];
}

type Define = (deps: string[], factory: (...modules: unknown[]) => unknown) => void;

/** Evaluates script.js with a `define` that records what the module asks for, and returns the factory's result. */
export const evaluateAmd = (
  script: string,
  modules: Record<string, unknown>,
): { deps: string[]; value: unknown; defines: number } => {
  let deps: string[] = [];
  let value: unknown;
  let defines = 0;
  const define: Define & { amd: object } = Object.assign(
    (moduleDeps: string[], factory: (...args: unknown[]) => unknown) => {
      defines += 1;
      deps = moduleDeps;
      value = factory(...moduleDeps.map((name) => modules[name]));
    },
    { amd: { jQuery: true } },
  );
  // The host evaluates the file as a plain script: `define` is the only thing it needs from the page.
  new Function('define', script)(define);
  return { deps, value, defines };
};

type HostJquery = ((target: unknown) => { trigger(e: string): void; off(ns: string): void }) & { fn: object };

/** The real jQuery 2.x: its CommonJS entry gives jQuery itself when a document exists, else a factory. */
export const hostJquery = (): HostJquery => {
  const exported = jqueryFactory as HostJquery | ((w: Window) => HostJquery);
  return 'fn' in exported ? exported : (exported as (w: Window) => HostJquery)(window);
};

type AmdRequire = (ids: string[], ok: (...modules: unknown[]) => void, fail?: (error: unknown) => void) => void;

/** The manifest's settings as the loader's modal reads them (one custom field, `config`). */
const MANIFEST = {
  widget: { name: 'widget.name', description: 'widget.description' },
  settings: { config: { name: 'settings.config', type: 'custom', required: false } },
};

/**
 * What the server keeps of a custom field: decoded JSON, nothing for a string that is not JSON (GitHub
 * `biradrags/amo-docs` `amocrm_docs_md/integrations/custom_settings.md`).
 */
const decodeCustom = (value: unknown): { kept: boolean; value?: unknown } => {
  if (typeof value !== 'string') return { kept: true, value };
  try {
    return { kept: true, value: JSON.parse(value) as unknown };
  } catch {
    return { kept: false };
  }
};

export const loadWidget = (options: HostOptions): LoadedWidget => {
  const $ = hostJquery();
  const userId = options.userId ?? 2;
  let area = options.area ?? 'dashboard';
  const managers = {
    1: { id: 1, title: 'Анна Админова', is_admin: 'Y', active: true },
    2: { id: 2, title: 'Иван Петров', is_admin: 'N', active: true },
  };
  const system = { area: shortArea(area), amouser_id: String(userId), subdomain: 'demo' };
  const app = {
    constant: (name: string): unknown =>
      ({
        user: { id: userId, name: userId === 1 ? 'Анна Админова' : 'Иван Петров' },
        // A boolean, as the host reads it (`(APP.constant("user_rights") || {}).is_admin`).
        user_rights: { is_admin: options.isAdmin ?? userId === 1 },
        account: { id: 100, subdomain: 'demo', timezone: 'Europe/Moscow', currency: 'RUB' },
        managers,
        task_types: options.taskTypes ?? OWN_TASK_TYPES,
      })[name],
    lang_id: options.language ?? 'ru',
    getWidgetsArea: () => area,
    getV3WidgetsArea: () => (area.startsWith('advanced-settings:') ? 'widget.advanced_settings' : area),
    getBaseEntity: () => 'leads',
    isCard: () => false,
    data: { current_card: false },
    widgets: { system, list: {} },
    notifications: { show_message: () => undefined, show_message_error: () => undefined, add_error: () => undefined },
  };
  // RequireJS's global require: asynchronous like the real one; admin.js and the dictionaries are there to load.
  const required: string[] = [];
  const amdRequire: AmdRequire = (ids, ok, fail) => {
    required.push(...ids);
    setTimeout(() => {
      try {
        const modules = ids.map((id) => {
          if (id === ADMIN_ID && options.admin !== undefined) return evaluateAmd(options.admin, {}).value;
          if (id === WATCHERS_ID && options.watchers !== undefined) return evaluateAmd(options.watchers, {}).value;
          if (id === CHECKS_ID && options.checks !== undefined) return evaluateAmd(options.checks, {}).value;
          const dictionary = /^json!(.*)\/i18n\/(\w+)\.json(\?.*)?$/.exec(id);
          const found =
            dictionary && dictionary[1] === WIDGET_PATH ? options.dictionaries?.[dictionary[2] ?? ''] : undefined;
          if (found) return JSON.parse(JSON.stringify(found)) as unknown;
          throw new Error(`Script error for "${id}"`);
        });
        ok(...modules);
      } catch (error) {
        fail?.(error);
      }
    }, 0);
  };
  Object.assign(window, { APP: app, AMOCRM: app, require: amdRequire });

  const saved: Record<string, unknown> = {};
  if (options.config !== undefined) saved.config = options.config;
  const calls: string[] = [];
  const langs = JSON.parse(JSON.stringify(options.langs)) as Record<string, unknown>;
  const host = createWidgetHost({
    $,
    code: 'task_guard',
    path: WIDGET_PATH,
    version: INSTALL_STAMP,
    initOnce: true,
    active: true,
    integrationName: INTEGRATION_NAME,
    manifest: MANIFEST,
    lang: options.language ?? 'ru',
    bareBase: options.bareWidget === true,
    settings: () => saved,
    // The loader's own require: script.js and the language file, answered at once.
    require: (ids: string[], ok: (...modules: unknown[]) => void) =>
      ok(
        ...ids.map((id) =>
          id.startsWith(`${WIDGET_PATH}/script.js?v=`) ? evaluateAmd(options.script, { jquery: $ }).value : langs,
        ),
      ),
    advancedPage: () => area.startsWith('advanced-settings:'),
    log: (call: string) => calls.push(call),
    t: (key: string) => key,
    persist: (data: { fields: Record<string, unknown> }) => {
      // The manifest has one field, `config`: the server keeps it decoded, or nothing when it is not JSON.
      const decoded = decodeCustom(data.fields.config);
      if (decoded.kept && decoded.value !== undefined) saved.config = decoded.value;
      else delete saved.config;
      return Promise.resolve({ ...saved });
    },
  });
  let widget: AmoWidget | null = null;
  host.prepare((created) => {
    widget = created;
  });
  if (!widget) throw new Error('script.js did not give a widget the host accepts');
  const loaded: AmoWidget = widget;
  return {
    widget: loaded,
    callbacks: loaded.callbacks,
    required,
    calls,
    saved,
    start: () => host.start(),
    async navigate(next: string) {
      area = next;
      system.area = shortArea(next);
      await host.navigated();
    },
    destroy() {
      host.remove();
    },
    openSettings() {
      const body = document.createElement('div');
      body.className = 'modal-body';
      document.body.appendChild(body);
      const drawn = host.drawSettings($(body), () => body.remove());
      return { body, save: () => drawn.save() };
    },
  };
};
