/* The host shell: left menu, top bar with the user and language switchers and the sandbox clock, notifications. */
import { boot } from './boot.js';
import { el } from './dom.js';
import { t } from './lang.js';

/**
 * Draws the shell into `#page_holder`.
 * @returns {{work: HTMLElement, items: Record<string, HTMLElement>}} the work area the router fills, and the
 *   menu items by route name (the router marks the active one)
 */
export function drawShell() {
  const MENU = [
    ['dashboard', '/dashboard/', 'menu.dashboard', '▦'],
    ['pipeline', '/leads/pipeline/', 'menu.pipeline', '◧'],
    ['list', '/leads/list/', 'menu.list', '☰'],
    ['tasks', '/todo/list/', 'menu.tasks', '✓'],
    ['settings', '/settings/widgets/', 'menu.settings', '⚙'],
    ['advanced', '/settings/widgets/' + boot.widget.code + '/', null, '★'],
    ['faults', '/sandbox/faults/', 'menu.faults', '⚠'],
  ];

  const menu = el('nav.left-menu');
  menu.appendChild(el('div.left-menu__logo', { text: 'amo' }));
  const items = {};
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
  const reloadWith = function (key, value) {
    document.cookie = key + '=' + value + '; path=/; SameSite=Lax';
    location.reload();
  };
  const users = el('select#user-switch', { 'aria-label': t('user') });
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
  const langs = el('select#lang-switch', { 'aria-label': t('lang') });
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
  const clockInput = el('input#clock-input', {
    type: 'datetime-local',
    value: boot.clock.wall,
    'aria-label': t('clock.label'),
    title: t('clock.hint', { tz: boot.clock.timezone }),
  });
  const setClock = function (body) {
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
  const clockNow = el(
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
  const clock = el(
    'label.top-bar__clock' + (boot.clock.offsetMs ? '.top-bar__clock--shifted' : ''),
    null,
    t('clock.label') + ' ',
    clockInput,
    ' ',
    clockNow,
  );

  const work = el('div#work_area.work-area-main');
  const holder = document.getElementById('page_holder');
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
  return { work, items };
}
