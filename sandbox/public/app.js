/* The APP global (AMOCRM alias), RequireJS configuration and the sandbox's test hooks. Host code, not widget code. */
(function () {
  'use strict';
  var boot = window.__SANDBOX_BOOT__;

  require.config({
    paths: { jquery: '/vendor/jquery', underscore: '/vendor/underscore' },
    waitSeconds: 30,
  });

  /** What tests read: the widget's life cycle, notifications, and a promise per navigation. */
  var sandbox = {
    boot: boot,
    /** @type {{call: string, area: string, at: number, result?: unknown}[]} */
    lifecycle: [],
    /** @type {{kind: string, header: string, text: string}[]} */
    notifications: [],
    navigations: 0,
    ready: false,
    /** @type {unknown} */
    widget: null,
    area: '',
    /** Resolved by widget.js once the shared loader is set up; the router waits for it before the first page. */
    whenHost: null,
    hostReady: null,
    /** `APP.widgets.system.area` for a getWidgetsArea name: the shared loader's mapping (loader.js). */
    shortArea: function (area) {
      return window.__amoWidgetHost.shortArea(area);
    },
    log: function (call, extra) {
      var entry = { call: call, area: sandbox.area, at: Date.now() };
      if (extra !== undefined) entry.result = extra;
      sandbox.lifecycle.push(entry);
      document.documentElement.setAttribute(
        'data-lifecycle',
        sandbox.lifecycle
          .map(function (e) {
            return e.call;
          })
          .join(' '),
      );
    },
  };
  sandbox.whenHost = new Promise(function (resolve) {
    sandbox.hostReady = resolve;
  });
  window.__sandbox = sandbox;

  /**
   * Tiny DOM builder for the host UI.
   * @param {string} tag  `div.class1.class2#id`
   * @param {Record<string, unknown> | null} [attrs]
   * @param {...(Node | string | number | null | undefined | false)} children
   */
  window.__el = function (tag, attrs) {
    var parts = tag.split(/(?=[.#])/);
    var node = document.createElement(parts[0] || 'div');
    parts.slice(1).forEach(function (p) {
      if (p[0] === '.') node.classList.add(p.slice(1));
      else node.id = p.slice(1);
    });
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k.slice(0, 2) === 'on' && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else if (k === 'text') node.textContent = String(v);
        else if (k === 'value') node.value = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  function toast(kind, message) {
    var header = (message && message.header) || '';
    var text = (message && message.text) || '';
    sandbox.notifications.push({ kind: kind, header: header, text: text });
    var holder = document.getElementById('notifications');
    if (!holder) return;
    var note = window.__el(
      'div.toast.toast--' + kind,
      null,
      window.__el('b', { text: header }),
      window.__el('div', { text: text }),
    );
    holder.appendChild(note);
    setTimeout(function () {
      note.remove();
    }, 6000);
  }

  var callbacks = {};
  var APP = {
    constant: function (name) {
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
    getWidgetsArea: function () {
      return sandbox.area;
    },
    /** The deprecated twin the loader itself reads (`widget.advanced_settings` on the widget's own page). */
    getV3WidgetsArea: function () {
      return sandbox.area.indexOf('advanced-settings:') === 0 ? 'widget.advanced_settings' : sandbox.area;
    },
    getBaseEntity: function () {
      return sandbox.baseEntity || '';
    },
    isCard: function () {
      return sandbox.area === 'leads_card';
    },
    data: { current_card: false },
    notifications: {
      show_message: function (m) {
        toast('message', m);
      },
      show_message_error: function (m) {
        toast('error', m);
      },
      add_error: function (m) {
        toast('error', m);
      },
      add_call: function (m) {
        toast('message', m);
      },
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
    addNotificationCallback: function (code, cb) {
      callbacks[code] = cb;
    },
    router: {
      navigate: function (path) {
        return sandbox.navigate(path);
      },
    },
  };
  window.APP = APP;
  window.AMOCRM = APP;
})();
