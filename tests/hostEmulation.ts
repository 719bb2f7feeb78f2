/**
 * A jsdom emulation of the amoCRM host for the BUILT script.js: a RequireJS-style `define`, the `APP` global, the
 * widget base object and the loader's order (render, bind_actions, init after a truthy render; render again on
 * every page for init_once widgets; destroy then `$(document).off(ns)`), and the page's global `require`, which
 * loads the BUILT admin.js when the widget asks for it. Test-only: never imported by src/.
 */
import jqueryFactory from 'jquery';
import type { AmoCallbacks, AmoWidget } from '../src/host/amo';

export interface HostOptions {
  script: string;
  /** The built admin.js the page's `require` hands over; without it, loading admin.js fails as a 404 would. */
  admin?: string;
  langs: Record<string, unknown>;
  userId?: number;
  isAdmin?: boolean;
  language?: string;
  config?: string;
  area?: string;
  /** A base object with none of the host's methods or settings: what a broken or future host might hand over. */
  bareWidget?: boolean;
}

export interface LoadedWidget {
  widget: AmoWidget;
  callbacks: AmoCallbacks;
  /** The host's life cycle for a first page: render, bind_actions, then init when render resolved truthy. */
  start(): Promise<void>;
  /** A navigation inside the single-page app: `page:changed`, then render again (init_once). */
  navigate(area: string): Promise<void>;
  destroy(): void;
  /** Every module id the widget asked the page's `require` for, in order. */
  required: string[];
}

/** The module id admin.js has under the emulated widget settings (`<path>/admin.js?v=<version>`). */
export const ADMIN_ID = '/widgets/task_guard/admin.js?v=0.1.0';

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

export const loadWidget = (options: HostOptions): LoadedWidget => {
  const $ = hostJquery();
  const userId = options.userId ?? 2;
  let area = options.area ?? 'dashboard';
  const managers = {
    1: { id: 1, title: 'Анна Админова', is_admin: 'Y', active: true },
    2: { id: 2, title: 'Иван Петров', is_admin: 'N', active: true },
  };
  const app = {
    constant: (name: string): unknown =>
      ({
        user: { id: userId, name: userId === 1 ? 'Анна Админова' : 'Иван Петров' },
        user_rights: { is_admin: options.isAdmin ?? userId === 1 },
        account: { id: 100, subdomain: 'demo', timezone: 'Europe/Moscow', currency: 'RUB' },
        managers,
        task_types: { 1: { id: 1, option_name: 'Связаться' }, 2: { id: 2, option_name: 'Встреча' } },
      })[name],
    lang_id: options.language ?? 'ru',
    getWidgetsArea: () => area,
    getBaseEntity: () => 'leads',
    isCard: () => false,
    data: { current_card: false },
    notifications: { show_message: () => undefined, show_message_error: () => undefined, add_error: () => undefined },
  };
  // RequireJS's global require: asynchronous like the real one; only admin.js is there to load.
  const required: string[] = [];
  const amdRequire = (ids: string[], ok: (...modules: unknown[]) => void, fail?: (error: unknown) => void): void => {
    required.push(...ids);
    setTimeout(() => {
      try {
        const modules = ids.map((id) => {
          if (id !== ADMIN_ID || options.admin === undefined) throw new Error(`Script error for "${id}"`);
          return evaluateAmd(options.admin, {}).value;
        });
        ok(...modules);
      } catch (error) {
        fail?.(error);
      }
    }, 0);
  };
  Object.assign(window, { APP: app, AMOCRM: app, require: amdRequire });

  const { value: Ctor } = evaluateAmd(options.script, { jquery: $ });
  if (typeof Ctor !== 'function') throw new Error('script.js did not resolve to a constructor function');
  const settings = { widget_code: 'task_guard', path: '/widgets/task_guard', version: '0.1.0', config: options.config };
  const base = {
    ns: '.widget:task_guard',
    init_once: true,
    langs: options.langs,
    system: () => ({ area, amouser_id: userId, subdomain: 'demo' }),
    get_settings: () => settings,
    set_settings: (values: Record<string, unknown>) => Object.assign(settings, values),
    get_version: () => settings.version,
    i18n: (key: string) => key,
  };
  // The host's `extend`: the constructor's prototype becomes the widget base object, then `new`.
  (Ctor as { prototype: object }).prototype = options.bareWidget ? {} : base;
  const widget = new (Ctor as new () => AmoWidget)();
  const callbacks = widget.callbacks;
  return {
    widget,
    callbacks,
    required,
    async start() {
      const rendered = await Promise.resolve(callbacks.render());
      callbacks.bind_actions();
      if (rendered) {
        $(document).trigger('widget:task_guard:loaded');
        callbacks.init();
      }
    },
    async navigate(next: string) {
      area = next;
      $(document).trigger('page:changed');
      await Promise.resolve(callbacks.render());
    },
    destroy() {
      callbacks.destroy();
      $(document).off('.widget:task_guard');
    },
  };
};
