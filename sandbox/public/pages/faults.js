/* The fault lab page: host-style failing calls for every error body shape and catalog code, through fetch,
 * XMLHttpRequest and jQuery, so the widget's inspector can be watched against each of them. */
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { transports } from './faultTransports.js';
import { leadSyncPanel } from './leadSyncPanel.js';
import { nextCalls } from './nextCalls.js';

export function faults(root) {
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
            'fault-result ' + (answer.status >= 200 && answer.status < 300 ? 'fault-result--ok' : 'fault-result--bad');
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
          leadSyncPanel(menu),
          bar,
          table,
        ),
      );
    });
}
