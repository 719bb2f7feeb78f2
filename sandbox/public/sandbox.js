/*
 * The sandbox's test hook: what the e2e tests read and drive (the widget's life cycle, notifications, navigate,
 * ready). It is the page's ONE global of its own, `window.__sandbox`, because Playwright's `page.evaluate` can
 * only reach the page through window; host modules import `sandbox` from here instead.
 */
import { boot } from './boot.js';
import { shortArea } from './loader.js';

/** Set by widget.js once the shared loader is set up; the router waits for it before the first page. */
let hostReady = () => {};

export const sandbox = {
  boot,
  /** @type {{call: string, area: string, at: number, result?: unknown}[]} */
  lifecycle: [],
  /** @type {{kind: string, header: string, text: string}[]} */
  notifications: [],
  navigations: 0,
  ready: false,
  /** @type {unknown} */
  widget: null,
  area: '',
  baseEntity: '',
  /** Resolved by widget.js once the shared loader is set up; the router waits for it before the first page. */
  whenHost: new Promise((resolve) => {
    hostReady = resolve;
  }),
  hostReady: () => hostReady(),
  /** `APP.widgets.system.area` for a getWidgetsArea name: the shared loader's mapping (loader.js). */
  shortArea,
  log(call, extra) {
    const entry = { call, area: sandbox.area, at: Date.now() };
    if (extra !== undefined) entry.result = extra;
    sandbox.lifecycle.push(entry);
    document.documentElement.setAttribute('data-lifecycle', sandbox.lifecycle.map((e) => e.call).join(' '));
  },
};

window.__sandbox = sandbox;
