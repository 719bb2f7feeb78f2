/* The task list: every open task, overdue ones marked. */
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { get, header, link, typeName, userName, when } from './common.js';

export function tasks(root) {
  sandbox.area = 'todo';
  sandbox.baseEntity = 'todo';
  return get('/_sandbox/ui/tasks').then(function (data) {
    var list = el('div.tasks-list');
    if (!data.rows.length) list.appendChild(el('div.empty-page', { text: t('tasks.empty') }));
    data.rows.forEach(function (task) {
      var overdue = task.completeTill < data.now;
      list.appendChild(
        el(
          'div.tasks-row' + (overdue ? '.tasks-row--overdue' : ''),
          { 'data-task-id': task.id },
          el('span.tasks-row__due', { text: when(task.completeTill) + (overdue ? ' · ' + t('tasks.overdue') : '') }),
          el('span.tasks-row__type', { text: typeName(task.taskTypeId) }),
          el('span.tasks-row__text', { text: task.text }),
          task.entityType === 'leads'
            ? link('/leads/detail/' + task.entityId, task.entityName, 'tasks-row__entity')
            : el('span.tasks-row__entity', { text: task.entityName }),
          el('span.tasks-row__user', { text: userName(task.responsibleUserId) }),
        ),
      );
    });
    root.appendChild(
      el(
        'div.tasks-page',
        null,
        header(t('tasks.title'), el('span.page-count', { text: t('tasks.total', { n: data.total }) })),
        list,
      ),
    );
  });
}
