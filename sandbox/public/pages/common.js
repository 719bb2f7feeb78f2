/* Helpers the host's pages share: formatting in the account's zone and the user's language, names from the boot
 * data, the sandbox UI endpoints, links the router follows, the deal markers and the page header. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { t } from '../lang.js';

const tz = boot.account.timezone;
const locale = { ru: 'ru-RU', en: 'en-GB', es: 'es-ES', pt: 'pt-BR' }[boot.lang] || 'ru-RU';

export const money = function (n) {
  return new Intl.NumberFormat('ru-RU').format(n) + ' ₽';
};
export const when = function (unix) {
  return new Intl.DateTimeFormat(locale, {
    timeZone: tz,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(unix * 1000));
};
export const userName = function (id) {
  var m = boot.managers[id];
  return m ? m.title : '#' + id;
};
export const statusOf = function (pipelineId, statusId) {
  var p = boot.pipelines.filter(function (x) {
    return x.id === pipelineId;
  })[0];
  var s =
    p &&
    p.statuses.filter(function (x) {
      return x.id === statusId;
    })[0];
  return s || { name: String(statusId), color: '#ddd' };
};
/** The host's own pages name every type: the built-in call (1) and meeting (2) and the account's own ones. */
export const typeName = function (id) {
  var x = boot.allTaskTypes.filter(function (type) {
    return type.id === id;
  })[0];
  return x ? x.name : '#' + id;
};
export const get = function (url) {
  return fetch(url, { credentials: 'same-origin' }).then(function (r) {
    return r.json();
  });
};
export const post = function (url, body) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body || {}),
  });
};
export const link = function (href, text, cls) {
  return el('a' + (cls ? '.' + cls : ''), { href: href, 'data-nav': true }, text);
};

export function markerNode(marker) {
  if (marker.kind === 'noTask')
    return el('span.marker.marker--none', { title: t('marker.noTask') }, t('marker.noTask'));
  if (marker.kind === 'overdue')
    return el(
      'span.marker.marker--overdue',
      null,
      marker.days ? t('marker.overdue', { n: marker.days }) : t('marker.overdueToday'),
    );
  if (marker.kind === 'today') return el('span.marker.marker--today', null, t('marker.today'));
  return null;
}

export function header(title, extra) {
  return el(
    'div.page-header',
    null,
    el('h1.page-title', { text: title }),
    el('div.page-search', { text: t('search') }),
    extra || null,
  );
}
