/* The pipeline board: one column per stage, each deal's card with its task marker. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { get, header, link, markerNode, money, userName } from './common.js';

export function pipeline(root, pipelineId) {
  sandbox.area = 'leads-pipeline';
  sandbox.baseEntity = 'leads';
  var id = pipelineId || boot.pipelines[0].id;
  return get('/_sandbox/ui/board?pipeline=' + id).then(function (data) {
    var tabs = el('div.pipeline-tabs');
    boot.pipelines.forEach(function (p) {
      tabs.appendChild(
        link(
          '/leads/pipeline/' + p.id + '/',
          p.name,
          p.id === data.pipeline.id ? 'pipeline-tab--active' : 'pipeline-tab',
        ),
      );
    });
    var strip = el(
      'div.board-strip',
      null,
      el('span', null, t('strip.today') + ': ', el('b', { text: data.summary.today })),
      el('span.board-strip__warn', null, t('strip.noTask') + ': ', el('b', { text: data.summary.noTask })),
      el('span.board-strip__bad', null, t('strip.overdue') + ': ', el('b', { text: data.summary.overdue })),
    );
    var board = el('div.board');
    data.columns.forEach(function (col) {
      var column = el(
        'div.board-column',
        { 'data-status-id': col.status.id },
        el(
          'div.board-column__head',
          { style: 'border-bottom-color:' + col.status.color },
          el('div.board-column__name', { text: col.status.name }),
          el('div.board-column__sum', { text: t('board.deals', { n: col.count }) + ': ' + money(col.budget) }),
        ),
      );
      col.leads.forEach(function (lead) {
        column.appendChild(
          el(
            'a.lead-card',
            { href: '/leads/detail/' + lead.id, 'data-nav': true, 'data-lead-id': lead.id },
            el(
              'div.lead-card__top',
              null,
              el('span.lead-card__user', { text: userName(lead.responsibleUserId) }),
              markerNode(lead.marker),
            ),
            el('div.lead-card__name', { text: lead.name }),
            el('div.lead-card__contact', { text: lead.contact || '' }),
            el('div.lead-card__price', { text: money(lead.price) }),
          ),
        );
      });
      if (col.count > col.leads.length)
        column.appendChild(
          el('div.board-column__more', { text: t('board.more', { n: col.count - col.leads.length }) }),
        );
      board.appendChild(column);
    });
    root.appendChild(el('div.pipeline-page', null, header(t('menu.pipeline'), tabs), strip, board));
  });
}
