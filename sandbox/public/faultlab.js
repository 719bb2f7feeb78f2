/* The fault lab page: host-style failing calls for every error body shape and catalog code, through fetch,
 * XMLHttpRequest and jQuery, so the widget's inspector can be watched against each of them. */
(function () {
  'use strict';
  /** RequireJS's global loader (AMD), not CommonJS. */
  var amdRequire = window.require;
  var el = window.__el;
  var t = window.__hostT;
  var sandbox = window.__sandbox;

  /** @typedef {{id: string, group: string, label: string, method: string, url: string}} FaultItem */

  var body = function (item) {
    return item.method === 'GET' ? undefined : JSON.stringify([{ name: 'sandbox' }]);
  };

  /** Each transport resolves with `{status, text}`; nothing is thrown, like a page that handles its errors. */
  var transports = {
    fetch: function (item) {
      return fetch(item.url, {
        method: item.method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
        body: body(item),
      }).then(
        function (r) {
          return r.text().then(function (text) {
            return { status: r.status, text: text };
          });
        },
        function (e) {
          return { status: 0, text: String(e) };
        },
      );
    },
    xhr: function (item) {
      return new Promise(function (resolve) {
        var x = new XMLHttpRequest();
        x.open(item.method, item.url);
        x.setRequestHeader('content-type', 'application/json');
        x.addEventListener('loadend', function () {
          resolve({ status: x.status, text: x.responseText });
        });
        x.send(body(item) || null);
      });
    },
    jquery: function (item) {
      return new Promise(function (resolve) {
        amdRequire(['jquery'], function ($) {
          var jq = $.ajax({
            url: item.url,
            type: item.method,
            contentType: 'application/json',
            data: body(item),
            dataType: 'text',
          });
          // always() gets (data, 'nocontent', jqXHR) for a 204, so read the jqXHR itself.
          jq.always(function () {
            resolve({ status: jq.status, text: jq.responseText || '' });
          });
        });
      });
    },
  };
  sandbox.fireFault = function (id, via) {
    var item = (sandbox.faultMenu || []).filter(function (f) {
      return f.id === id;
    })[0];
    return item ? transports[via || 'fetch'](item) : Promise.reject(new Error('no fault ' + id));
  };

  /** The fault-lab case `id` fired by the second widget, Lead Sync, from its own script (not the lab's). */
  sandbox.fireWidgetFault = function (id, via) {
    var item = (sandbox.faultMenu || []).filter(function (f) {
      return f.id === id;
    })[0];
    if (!item) return Promise.reject(new Error('no fault ' + id));
    if (!sandbox.leadSync) return Promise.reject(new Error('Lead Sync is not loaded'));
    return sandbox.leadSync.fire(item, via || 'fetch');
  };
  /** Lead Sync reads deals `perSecond` times a second for `seconds` (10 a second: over amoCRM's 7). */
  sandbox.burstWidget = function (perSecond, seconds) {
    if (!sandbox.leadSync) return Promise.reject(new Error('Lead Sync is not loaded'));
    return sandbox.leadSync.burst(perSecond || 10, seconds || 2);
  };

  /** The second widget's texts (kept here: they belong to this section only). */
  var WIDGET_TEXTS = {
    ru: [
      'Второй виджет: Lead Sync',
      'Вызовы из скрипта другого виджета (/upl/lead_sync/widget/script.js): инспектор называет его отправителем.',
      'Случай',
      'Всплеск: 10 запросов в секунду',
    ],
    en: [
      'Second widget: Lead Sync',
      "Calls from another widget's script (/upl/lead_sync/widget/script.js): the inspector names it as the sender.",
      'Case',
      'Burst: 10 requests a second',
    ],
    es: [
      'Segundo widget: Lead Sync',
      'Llamadas desde el script de otro widget (/upl/lead_sync/widget/script.js): el inspector lo nombra como remitente.',
      'Caso',
      'Ráfaga: 10 solicitudes por segundo',
    ],
    pt: [
      'Segundo widget: Lead Sync',
      'Chamadas do script de outro widget (/upl/lead_sync/widget/script.js): o inspetor o aponta como remetente.',
      'Caso',
      'Rajada: 10 requisições por segundo',
    ],
  };

  /** The second widget's controls: one failing call through each transport, and a burst of 10 requests a second. */
  function secondWidget(menu) {
    var texts = WIDGET_TEXTS[window.__SANDBOX_BOOT__.lang] || WIDGET_TEXTS.en;
    var fault = el('select#fault-widget-case', { 'aria-label': texts[2] });
    menu.forEach(function (item) {
      fault.appendChild(el('option', { value: item.id, text: item.label }));
    });
    var result = el('span.fault-result#fault-widget-result');
    var show = function (promise) {
      result.textContent = '…';
      promise.then(function (answer) {
        result.textContent = Array.isArray(answer) ? answer.join(' ') : answer.status + ' ' + answer.text.slice(0, 70);
      });
    };
    var bar = el('div.fault-bar', null, fault);
    ['fetch', 'xhr', 'jquery'].forEach(function (via) {
      bar.appendChild(
        el(
          'button.button',
          {
            type: 'button',
            'data-widget-via': via,
            onclick: function () {
              show(sandbox.fireWidgetFault(fault.value, via));
            },
          },
          via,
        ),
      );
    });
    bar.appendChild(
      el(
        'button.button.button--primary#fault-widget-burst',
        {
          type: 'button',
          onclick: function () {
            show(sandbox.burstWidget(10, 3));
          },
        },
        texts[3],
      ),
    );
    return el('div.fault-widget', null, el('h3', { text: texts[0] }), el('p', { text: texts[1] }), bar, result);
  }

  var STATUSES = ['rights', 'rights288', 'adminOnly', 'blocked', 'html403', 500, 401, 'html502', 'offline'];

  /**
   * "Next calls": the next N API calls with a method and path (e.g. POST /api/v4/tasks) answer with a chosen
   * failure, through `POST /_sandbox/faults`; the widget's own calls hit them, not only the lab's buttons.
   */
  function nextCalls(rules) {
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

  window.__hostPages.faults = function (root) {
    sandbox.area = 'sandbox-faults';
    sandbox.baseEntity = '';
    return fetch('/_sandbox/faults', { credentials: 'same-origin' })
      .then(function (r) {
        return r.json();
      })
      .then(function (data) {
        /** @type {FaultItem[]} */
        var menu = data.menu;
        sandbox.faultMenu = menu;
        var results = {};
        var fire = function (item, via) {
          var cell = results[item.id];
          cell.textContent = '…';
          return transports[via](item).then(function (answer) {
            cell.textContent = via + ': ' + answer.status + ' ' + answer.text.replace(/\s+/g, ' ').slice(0, 70);
            cell.className =
              'fault-result ' +
              (answer.status >= 200 && answer.status < 300 ? 'fault-result--ok' : 'fault-result--bad');
          });
        };
        var fireAll = function (via) {
          // One after another, so the lab itself never trips the 7-per-second limit.
          return menu.reduce(function (p, item) {
            return p.then(function () {
              return fire(item, via);
            });
          }, Promise.resolve());
        };
        var bar = el('div.fault-bar', null, el('span', { text: t('faults.all') + ': ' }));
        ['fetch', 'xhr', 'jquery'].forEach(function (via) {
          bar.appendChild(
            el(
              'button.button',
              {
                type: 'button',
                'data-fire-all': via,
                onclick: function () {
                  fireAll(via);
                },
              },
              via,
            ),
          );
        });
        var table = el(
          'table.list-table.fault-table',
          null,
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              el('th', { text: t('faults.case') }),
              el('th', { text: 'URL' }),
              el('th'),
              el('th', { text: t('faults.result') }),
            ),
          ),
        );
        var tbody = el('tbody');
        var group = '';
        menu.forEach(function (item) {
          if (item.group !== group) {
            group = item.group;
            tbody.appendChild(el('tr.fault-group', null, el('td', { colspan: 4, text: group })));
          }
          var result = el('td.fault-result');
          results[item.id] = result;
          var buttons = el('td.fault-buttons');
          ['fetch', 'xhr', 'jquery'].forEach(function (via) {
            buttons.appendChild(
              el(
                'button.button.button--small',
                {
                  type: 'button',
                  'data-fault': item.id,
                  'data-via': via,
                  onclick: function () {
                    fire(item, via);
                  },
                },
                via,
              ),
            );
          });
          tbody.appendChild(
            el(
              'tr',
              { 'data-fault-row': item.id },
              el('td', { text: item.label }),
              el('td', null, el('code', { text: item.method + ' ' + item.url })),
              buttons,
              result,
            ),
          );
        });
        table.appendChild(tbody);
        root.appendChild(
          el(
            'div.faults-page',
            null,
            el('div.page-header', null, el('h1.page-title', { text: t('faults.title') })),
            el('p.faults-intro', { text: t('faults.intro') }),
            nextCalls(data.rules),
            secondWidget(menu),
            bar,
            table,
          ),
        );
      });
  };
})();
