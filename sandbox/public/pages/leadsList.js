/* The leads list: one row per deal with its stage, budget and closest task, paged. */
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { get, header, link, markerNode, money, statusOf, userName, when } from './common.js';

export function leadsList(root, page) {
  sandbox.area = 'leads';
  sandbox.baseEntity = 'leads';
  return get('/_sandbox/ui/leads?page=' + (page || 1)).then(function (data) {
    var table = el(
      'table.list-table',
      null,
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el('th', { text: t('list.name') }),
          el('th', { text: t('list.stage') }),
          el('th', { text: t('list.budget') }),
          el('th', { text: t('list.responsible') }),
          el('th', { text: t('list.task') }),
        ),
      ),
    );
    var body = el('tbody');
    data.rows.forEach(function (lead) {
      var s = statusOf(lead.pipelineId, lead.statusId);
      body.appendChild(
        el(
          'tr',
          { 'data-lead-id': lead.id },
          el('td', null, link('/leads/detail/' + lead.id, lead.name)),
          el('td', null, el('span.stage-pill', { style: 'background:' + s.color, text: s.name })),
          el('td', { text: money(lead.price) }),
          el('td', { text: userName(lead.responsibleUserId) }),
          el('td', null, lead.closestTaskAt ? when(lead.closestTaskAt) + ' ' : '', markerNode(lead.marker)),
        ),
      );
    });
    table.appendChild(body);
    var nav = el(
      'div.list-pager',
      null,
      data.page > 1 ? link('/leads/list/?page=' + (data.page - 1), '←') : null,
      el('span', {
        text: ' ' + t('list.page', { p: data.page, n: data.pages }) + ' · ' + t('list.total', { n: data.total }) + ' ',
      }),
      data.page < data.pages ? link('/leads/list/?page=' + (data.page + 1), '→') : null,
    );
    root.appendChild(el('div.list-page', null, header(t('menu.list')), table, nav));
  });
}
