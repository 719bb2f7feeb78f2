/* The fault lab's "next calls" rules: the next N API calls with a method and path answer with a chosen failure. */
import { el } from '../dom.js';
import { t } from '../lang.js';

var STATUSES = ['rights', 'rights288', 'adminOnly', 'blocked', 'html403', 500, 401, 'html502', 'offline'];

/**
 * "Next calls": the next N API calls with a method and path (e.g. POST /api/v4/tasks) answer with a chosen
 * failure, through `POST /_sandbox/faults`; the widget's own calls hit them, not only the lab's buttons.
 */
export function nextCalls(rules) {
  var method = el('select#fault-next-method', { 'aria-label': 'method' });
  ['POST', 'GET', 'PATCH'].forEach(function (m) {
    method.appendChild(el('option', { value: m, text: m }));
  });
  var path = el('input#fault-next-path.text-input', { type: 'text', value: '/api/v4/tasks', 'aria-label': 'path' });
  var status = el('select#fault-next-status', { 'aria-label': 'status' });
  STATUSES.forEach(function (s) {
    status.appendChild(el('option', { value: String(s), text: t('faults.s.' + s) }));
  });
  var count = el('input#fault-next-count.text-input', { type: 'number', min: 1, value: 1, 'aria-label': 'N' });
  var list = el('ul.fault-rules');
  var show = function (current) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!current.length) list.appendChild(el('li', { text: t('faults.none') }));
    current.forEach(function (rule) {
      list.appendChild(
        el('li', {
          text:
            (rule.method || '*') +
            ' ' +
            (rule.path || rule.pathPrefix + '…') +
            ' → ' +
            (rule.status === undefined ? rule.latencyMs + ' ms' : t('faults.s.' + rule.status)) +
            ' × ' +
            (rule.count === null ? '∞' : rule.count),
        }),
      );
    });
  };
  var send = function (httpMethod, body) {
    return fetch('/_sandbox/faults', {
      method: httpMethod,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
      .then(function (r) {
        return r.json();
      })
      .then(function (data) {
        show(data.rules);
      });
  };
  show(rules);
  return el(
    'div.fault-next',
    null,
    el('h3', { text: t('faults.next') }),
    el('p', { text: t('faults.nextIntro') }),
    el(
      'div.fault-bar',
      null,
      method,
      path,
      status,
      count,
      el(
        'button.button.button--primary#fault-next-add',
        {
          type: 'button',
          onclick: function () {
            var s = status.value;
            send('POST', {
              method: method.value,
              path: path.value,
              status: /^\d+$/.test(s) ? Number(s) : s,
              count: Math.max(1, Number(count.value) || 1),
            });
          },
        },
        t('faults.add'),
      ),
      el(
        'button.button#fault-next-clear',
        {
          type: 'button',
          onclick: function () {
            send('DELETE');
          },
        },
        t('faults.clear'),
      ),
    ),
    el('div', { text: t('faults.rules') + ':' }),
    list,
  );
}
