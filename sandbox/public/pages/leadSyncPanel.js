/* The fault lab's section for the second widget, Lead Sync: its failing calls and its request burst. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { sandbox } from '../sandbox.js';

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
export function leadSyncPanel(menu) {
  var texts = WIDGET_TEXTS[boot.lang] || WIDGET_TEXTS.en;
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
