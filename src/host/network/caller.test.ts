import { describe, expect, it } from 'vitest';
import { callerKey, callerOf, type Caller } from './caller';
import { readWidgetList } from './widgetList';

const HOST = 'https://demo.amocrm.ru';
const OWN = `${HOST}/upl/task_guard/widget/script.js?v=1700000000`;
const SYNC = 'https://widgets.example.com/lead_sync/2.1/script.js';

/** The host's widget list as the loader leaves it: instances with their settings and their language block. */
const app = {
  APP: {
    widgets: {
      list: {
        task_guard: { params: { widget_code: 'task_guard', path: '/upl/task_guard/widget' }, langs: {} },
        lead_sync: {
          get_settings: () => ({ widget_code: 'lead_sync', path: 'https://widgets.example.com/lead_sync/2.1/' }),
          langs: { widget: { name: 'Lead Sync' } },
        },
        broken: {
          get_settings: () => {
            throw new Error('a widget of its own mind');
          },
        },
      },
    },
  },
};
const widgets = readWidgetList(app, `${HOST}/leads/`);
const where = { selfPath: `${HOST}/upl/task_guard/widget`, widgets };

const chromium = (...urls: string[]) =>
  ['Error', ...urls.map((url, i) => `    at f${i} (${url}:1:${i + 1})`)].join('\n');
const firefox = (...urls: string[]) => urls.map((url, i) => `f${i}@${url}:1:${i + 1}`).join('\n');

describe('readWidgetList', () => {
  it('reads code, absolute path and name of every entry, from get_settings() or params', () => {
    expect(widgets).toEqual([
      { code: 'task_guard', path: `${HOST}/upl/task_guard/widget`, name: 'task_guard' },
      { code: 'lead_sync', path: 'https://widgets.example.com/lead_sync/2.1', name: 'Lead Sync' },
    ]);
  });

  it.each([{}, { APP: null }, { APP: { widgets: {} } }, { APP: { widgets: { list: [1] } } }, null])(
    'gives nothing for a host without a readable list (%j)',
    (scope) => expect(readWidgetList(scope)).toEqual([]),
  );
});

describe('callerOf', () => {
  it.each<[string, string | undefined, Caller]>([
    [
      'a widget by the path in the host list',
      chromium(OWN, `${SYNC}?v=9`),
      { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' },
    ],
    [
      "a widget behind jQuery's and RequireJS's frames",
      chromium(OWN, `${HOST}/frontend/build/vendor/jquery-2.1.4.min.js`, `${HOST}/vendor/require.js`, SYNC),
      { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' },
    ],
    [
      "a widget behind the host's own bundles",
      firefox(OWN, `${HOST}/frontend/build/75620.907dc87499035442ff59.js`, SYNC),
      { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' },
    ],
    [
      "an unlisted widget by amoCRM's /upl/<code>/widget/ pattern",
      chromium(OWN, `${HOST}/upl/amo_chat_bot/widget/script.js?v=3`),
      { kind: 'widget', code: 'amo_chat_bot', name: 'amo_chat_bot' },
    ],
    ['the page itself', chromium(OWN, `${HOST}/frontend/app/leads.js`, SYNC), { kind: 'page' }],
    ['the page when only library frames remain', chromium(OWN, `${HOST}/vendor/jquery.js`), { kind: 'page' }],
    [
      'never Task Guard itself: its script.js and admin.js are skipped',
      chromium(OWN, `${HOST}/upl/task_guard/widget/admin.js?v=1`, SYNC),
      { kind: 'widget', code: 'lead_sync', name: 'Lead Sync' },
    ],
    ['unknown without a stack', undefined, { kind: 'unknown' }],
    [
      'unknown when no frame has a script URL',
      'Error\n    at <anonymous>:1:1\n    at new Promise (<anonymous>)',
      { kind: 'unknown' },
    ],
  ])('%s', (_name, stack, expected) => {
    expect(callerOf(stack, where)).toEqual(expected);
  });

  it('prefers the longest matching path when one widget lives under another', () => {
    const nested = [
      { code: 'outer', path: 'https://cdn.example.com/w', name: 'Outer' },
      { code: 'inner', path: 'https://cdn.example.com/w/inner', name: 'Inner' },
    ];
    expect(callerOf(chromium(OWN, 'https://cdn.example.com/w/inner/script.js'), { widgets: nested })).toEqual({
      kind: 'widget',
      code: 'inner',
      name: 'Inner',
    });
  });

  it('keys callers for grouping', () => {
    expect([
      callerKey({ kind: 'widget', code: 'lead_sync', name: 'Lead Sync' }),
      callerKey({ kind: 'page' }),
      callerKey(undefined),
    ]).toEqual(['widget:lead_sync', 'page', 'unknown']);
  });
});
