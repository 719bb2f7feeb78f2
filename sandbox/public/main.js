/* The host shell: left menu, top bar with the user and language switchers, notifications, and the single-page
 * router that fires page:changed and re-renders the widget on every navigation, like amoCRM. */
(function () {
  'use strict';
  /** RequireJS's global loader (AMD), not CommonJS. */
  var amdRequire = window.require;
  var boot = window.__SANDBOX_BOOT__;
  var sandbox = window.__sandbox;
  var el = window.__el;
  var t = window.__hostT;
  var pages = window.__hostPages;

  // ?user= and ?lang= were turned into cookies by the server; drop them so a reload follows the cookies.
  (function () {
    var url = new URL(location.href);
    if (!url.searchParams.has('user') && !url.searchParams.has('lang')) return;
    url.searchParams.delete('user');
    url.searchParams.delete('lang');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  })();

  var ROUTES = [
    [
      /^\/(dashboard\/?)?$/,
      function (root) {
        return pages.dashboard(root);
      },
      'dashboard',
    ],
    [
      /^\/leads\/pipeline\/?(\d+)?\/?$/,
      function (root, m) {
        return pages.pipeline(root, m[1] ? Number(m[1]) : 0);
      },
      'pipeline',
    ],
    [
      /^\/leads\/list\/?$/,
      function (root) {
        return pages.list(root, Number(new URLSearchParams(location.search).get('page')) || 1);
      },
      'list',
    ],
    [
      /^\/leads\/detail\/(\d+)\/?$/,
      function (root, m) {
        return pages.card(root, Number(m[1]));
      },
      'pipeline',
    ],
    [
      /^\/todo\/(list\/?)?$/,
      function (root) {
        return pages.tasks(root);
      },
      'tasks',
    ],
    [
      /^\/settings\/widgets\/?$/,
      function (root) {
        return pages.settings(root);
      },
      'settings',
    ],
    [
      new RegExp('^/settings/widgets/' + boot.widget.code + '/?$'),
      function (root) {
        return pages.advanced(root);
      },
      'advanced',
    ],
    [
      /^\/sandbox\/faults\/?$/,
      function (root) {
        return pages.faults(root);
      },
      'faults',
    ],
  ];

  var MENU = [
    ['dashboard', '/dashboard/', 'menu.dashboard', '▦'],
    ['pipeline', '/leads/pipeline/', 'menu.pipeline', '◧'],
    ['list', '/leads/list/', 'menu.list', '☰'],
    ['tasks', '/todo/list/', 'menu.tasks', '✓'],
    ['settings', '/settings/widgets/', 'menu.settings', '⚙'],
    ['advanced', '/settings/widgets/' + boot.widget.code + '/', null, '★'],
    ['faults', '/sandbox/faults/', 'menu.faults', '⚠'],
  ];

  var menu = el('nav.left-menu');
  menu.appendChild(el('div.left-menu__logo', { text: 'amo' }));
  var items = {};
  MENU.forEach(function (m) {
    var item = el(
      'a.left-menu__item',
      { href: m[1], 'data-nav': true, 'data-menu': m[0] },
      el('span.left-menu__icon', { text: m[3] }),
      el('span.left-menu__label', { text: m[2] ? t(m[2]) : 'Task Guard' }),
    );
    items[m[0]] = item;
    menu.appendChild(item);
  });

  /** Switching user or language reloads the page, like logging in again: APP and the widget start afresh. */
  var reloadWith = function (key, value) {
    document.cookie = key + '=' + value + '; path=/; SameSite=Lax';
    location.reload();
  };
  var users = el('select#user-switch', { 'aria-label': t('user') });
  boot.users.forEach(function (u) {
    var o = el('option', {
      value: u.id,
      text: u.name + ' (' + (u.isAdmin ? t('admin') : t('manager')) + ', id ' + u.id + ')',
    });
    if (u.id === boot.user.id) o.selected = true;
    users.appendChild(o);
  });
  users.addEventListener('change', function () {
    reloadWith('amo_user', users.value);
  });
  var langs = el('select#lang-switch', { 'aria-label': t('lang') });
  ['ru', 'en', 'es', 'pt'].forEach(function (l) {
    var o = el('option', { value: l, text: l.toUpperCase() });
    if (l === boot.lang) o.selected = true;
    langs.appendChild(o);
  });
  langs.addEventListener('change', function () {
    reloadWith('amo_lang', langs.value);
  });

  /**
   * The sandbox's clock: the account's wall-clock time (its time zone), kept by the server, so it holds across
   * pages and reloads; setting it reloads the page, whose Date the shell shifts before any script runs.
   */
  var clockInput = el('input#clock-input', {
    type: 'datetime-local',
    value: boot.clock.wall,
    'aria-label': t('clock.label'),
    title: t('clock.hint', { tz: boot.clock.timezone }),
  });
  var setClock = function (body) {
    return fetch('/_sandbox/clock', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (r) {
      if (!r.ok) throw new Error('clock: HTTP ' + r.status);
      location.reload();
    });
  };
  clockInput.addEventListener('change', function () {
    if (clockInput.value) setClock({ at: clockInput.value });
  });
  var clockNow = el(
    'button.button.button--small#clock-now',
    {
      type: 'button',
      disabled: boot.clock.offsetMs === 0,
      onclick: function () {
        setClock({ now: true });
      },
    },
    t('clock.now'),
  );
  var clock = el(
    'label.top-bar__clock' + (boot.clock.offsetMs ? '.top-bar__clock--shifted' : ''),
    null,
    t('clock.label') + ' ',
    clockInput,
    ' ',
    clockNow,
  );

  var work = el('div#work_area.work-area-main');
  var holder = document.getElementById('page_holder');
  holder.appendChild(menu);
  holder.appendChild(
    el(
      'div.main',
      null,
      el(
        'div.top-bar',
        null,
        el('span.top-bar__account', {
          text: boot.account.name + ' · ' + boot.account.subdomain + '.amocrm.ru (sandbox)',
        }),
        el('span.top-bar__spacer'),
        clock,
        el('label', null, t('user') + ' ', users),
        el('label', null, t('lang') + ' ', langs),
      ),
      work,
    ),
  );
  holder.appendChild(el('div#notifications.notifications'));

  var first = true;
  var routing = Promise.resolve();

  function route() {
    var path = location.pathname;
    var Modal = amdRequire('lib/components/base/modal');
    Modal.destroyAll();
    window.APP.data.current_card = false;
    while (work.firstChild) work.removeChild(work.firstChild);
    var match = null;
    var found = ROUTES.filter(function (r) {
      return (match = r[0].exec(path)) !== null;
    })[0];
    if (found) match = found[0].exec(path);
    Object.keys(items).forEach(function (k) {
      items[k].classList.toggle('left-menu__item--active', !!found && found[2] === k);
    });
    var drawn = found ? found[1](work, match) : pages.notFound(work);
    return Promise.resolve(drawn)
      .then(function () {
        window.APP.widgets.system.area = sandbox.shortArea(sandbox.area);
        if (first) {
          first = false;
          return sandbox.whenHost.then(function () {
            return sandbox.host.load();
          });
        }
        sandbox.navigations += 1;
        return sandbox.host.navigated();
      })
      .then(function () {
        sandbox.ready = true;
        document.documentElement.setAttribute('data-page', sandbox.area);
        document.documentElement.setAttribute('data-navigations', String(sandbox.navigations));
      });
  }

  amdRequire(['jquery', 'lib/components/base/modal'], function () {
    /**
     * Navigates without reloading, like amoCRM's router; resolves once the page is drawn and the widget was told.
     * @param {string} path
     * @param {{replace?: boolean}} [options]
     */
    sandbox.navigate = function (path, options) {
      sandbox.ready = false;
      if (options && options.replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
      routing = routing.then(function () {
        return route();
      });
      return routing;
    };
    document.addEventListener('click', function (e) {
      var a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      sandbox.navigate(a.getAttribute('href'));
    });
    window.addEventListener('popstate', function () {
      routing = routing.then(function () {
        return route();
      });
    });
    routing = route();
  });
})();
