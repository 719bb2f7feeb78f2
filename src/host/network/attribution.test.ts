import jqueryFactory from 'jquery';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JQueryLike } from './ajaxError';
import type { Captured } from './captured';
import { reportOwnFailure, type NetworkScope } from './registry';
import { installWatchers, subscribe, trafficRows } from './watchers';
import { FakeXhr } from './testing/FakeXhr';

const PAGE = 'https://demo.amocrm.ru/leads/';
const SYNC_SCRIPT = 'https://demo.amocrm.ru/upl/lead_sync/widget/script.js?v=7';
const HOST_SCRIPT = 'https://demo.amocrm.ru/frontend/app/leads.js';

/**
 * Code that runs as a widget's script: `sourceURL` gives its frames the widget's URL in the stack, as a script
 * RequireJS loaded from `/upl/lead_sync/widget/` would have.
 */
const asScript = <A extends unknown[], R>(url: string, fn: (...args: A) => R): ((...args: A) => R) =>
  (
    new Function('fn', `return function widgetCall() { return fn.apply(this, arguments); }\n//# sourceURL=${url}`) as (
      fn: (...args: A) => R,
    ) => (...args: A) => R
  )(fn);

type Page = NetworkScope & { fetch: typeof fetch; APP: unknown };

const pageWith = (answer: () => Response): Page => ({
  fetch: () => Promise.resolve(answer()),
  XMLHttpRequest: FakeXhr as unknown as { prototype: XMLHttpRequest },
  setTimeout: globalThis.setTimeout.bind(globalThis),
  location: { href: PAGE },
  document,
  // The host's widget list: the loader's instances with their settings and name.
  APP: {
    widgets: {
      list: {
        lead_sync: {
          get_settings: () => ({ widget_code: 'lead_sync', path: '/upl/lead_sync/widget' }),
          langs: { widget: { name: 'Lead Sync' } },
        },
      },
    },
  },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const SYNC = { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' };
const failing = () => new Response('{"title":"Too Many Requests"}', { status: 429 });
const fine = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

const saved = { open: FakeXhr.prototype.open, send: FakeXhr.prototype.send, abort: FakeXhr.prototype.abort };
const undo: (() => void)[] = [];
beforeEach(() => {
  FakeXhr.instances = [];
});
afterEach(() => {
  undo
    .splice(0)
    .reverse()
    .forEach((fn) => fn());
  Object.assign(FakeXhr.prototype, saved);
});

const admin = (page: Page, $?: JQueryLike): Captured[] => {
  const seen: Captured[] = [];
  undo.push(
    installWatchers({ $, self: { code: 'task_guard', path: 'https://demo.amocrm.ru/upl/task_guard/widget' } }, page),
    subscribe((c) => seen.push(c), page),
  );
  return seen;
};

describe('attribution', () => {
  it("names the widget whose script called fetch, and amoCRM for the page's own call", async () => {
    const page = pageWith(failing);
    const seen = admin(page);
    await asScript(SYNC_SCRIPT, () => page.fetch('/api/v4/leads'))();
    await asScript(HOST_SCRIPT, () => page.fetch('/api/v4/leads?page=2'))();
    await settle();
    expect(seen.map((c) => c.caller)).toEqual([SYNC, { kind: 'page' }]);
  });

  it('names the widget behind an XHR and behind $.ajax, whose frames are skipped', async () => {
    const page = pageWith(fine);
    const $ = jqueryFactory as unknown as JQueryLike & { ajax(settings: Record<string, unknown>): unknown };
    const native = window.XMLHttpRequest;
    window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    try {
      const seen = admin(page, $);
      asScript(SYNC_SCRIPT, () => {
        const xhr = new FakeXhr();
        xhr.open('GET', '/api/v4/tasks');
        xhr.send();
      })();
      FakeXhr.instances.at(-1)?.respond(500, 'oops', { 'content-type': 'text/plain' });
      asScript(SYNC_SCRIPT, () => $.ajax({ url: '/api/v4/contacts', dataType: 'json' }))();
      // A parse error on a 200: XHR saw a success, jQuery's ajaxError finds the caller XHR traced at send().
      FakeXhr.instances.at(-1)?.respond(200, '<html>login</html>', { 'content-type': 'text/plain' });
      await settle();
      expect(seen.map((c) => [c.source, c.status, c.caller])).toEqual([
        ['xhr', 500, SYNC],
        ['jquery', 200, SYNC],
      ]);
    } finally {
      window.XMLHttpRequest = native;
    }
  });

  it("counts an admin's successful calls per caller, a manager's not at all", async () => {
    const page = pageWith(fine);
    const stop = installWatchers({}, page);
    for (let i = 0; i < 3; i += 1) await asScript(SYNC_SCRIPT, () => page.fetch('/api/v4/leads'))();
    await settle();
    expect(trafficRows(Date.now(), page)).toEqual([]);
    stop();

    admin(page);
    for (let i = 0; i < 3; i += 1) await asScript(SYNC_SCRIPT, () => page.fetch('/api/v4/leads'))();
    await asScript(HOST_SCRIPT, () => page.fetch('/api/v4/account'))();
    await settle();
    expect(trafficRows(Date.now(), page).map((r) => [r.key, r.calls1m, r.failures1m, r.peak])).toEqual([
      ['widget:lead_sync', 3, 0, 3],
      ['page', 1, 0, 1],
    ]);
  });

  it("gives Task Guard's own failures to Task Guard, outside the traffic of the page's callers", async () => {
    const page = pageWith(fine);
    const seen = admin(page);
    reportOwnFailure({ url: '/api/v4/tasks', method: 'POST', status: 400, body: '' }, page);
    await settle();
    expect(seen[0]?.caller).toEqual({ kind: 'widget', code: 'task_guard', name: 'task_guard' });
    expect(trafficRows(Date.now(), page)).toEqual([]);
  });
});
