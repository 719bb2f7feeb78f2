/*
 * The APP global (AMOCRM alias) and RequireJS's configuration: host code, not widget code. `window.APP` stays a
 * global because the widget reads it as one on amoCRM (GitHub `biradrags/amo-docs`
 * `amocrm_docs_md/web_sdk/env_variables.md`); host modules import `APP` from here.
 */
import { amdRequire } from './amd.js';
import { boot } from './boot.js';
import { el } from './dom.js';
import { sandbox } from './sandbox.js';

amdRequire.config({
  paths: { jquery: '/vendor/jquery', underscore: '/vendor/underscore' },
  waitSeconds: 30,
});

function toast(kind, message) {
  const header = (message && message.header) || '';
  const text = (message && message.text) || '';
  sandbox.notifications.push({ kind, header, text });
  const holder = document.getElementById('notifications');
  if (!holder) return;
  const note = el('div.toast.toast--' + kind, null, el('b', { text: header }), el('div', { text }));
  holder.appendChild(note);
  setTimeout(() => note.remove(), 6000);
}

const callbacks = {};

export const APP = {
  constant(name) {
    switch (name) {
      case 'user':
        return boot.user;
      case 'user_rights':
        return boot.userRights;
      case 'account':
        return boot.account;
      case 'managers':
        return boot.managers;
      case 'task_types':
        return boot.taskTypes;
      case 'lang':
        return boot.lang;
      default:
        return undefined;
    }
  },
  lang_id: boot.lang,
  getWidgetsArea() {
    return sandbox.area;
  },
  /** The deprecated twin the loader itself reads (`widget.advanced_settings` on the widget's own page). */
  getV3WidgetsArea() {
    return sandbox.area.indexOf('advanced-settings:') === 0 ? 'widget.advanced_settings' : sandbox.area;
  },
  getBaseEntity() {
    return sandbox.baseEntity || '';
  },
  isCard() {
    return sandbox.area === 'leads_card';
  },
  data: { current_card: false },
  notifications: {
    show_message: (m) => toast('message', m),
    show_message_error: (m) => toast('error', m),
    add_error: (m) => toast('error', m),
    add_call: (m) => toast('message', m),
  },
  widgets: {
    system: {
      amouser_id: String(boot.user.id),
      amouser: boot.user.login,
      subdomain: boot.account.subdomain,
      domain: 'demo.amocrm.ru',
      area: '',
    },
    list: {},
  },
  /** init_once widgets may subscribe to the notification centre. */
  addNotificationCallback(code, cb) {
    callbacks[code] = cb;
  },
  router: {
    navigate: (path) => sandbox.navigate(path),
  },
};

window.APP = APP;
window.AMOCRM = APP;
