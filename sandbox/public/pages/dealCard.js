/* The deal card: stage, the task feed, notes and the host's native task composer; the widget's block on the right. */
import { APP } from '../app.js';
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { markerNode, money, post, statusOf, typeName, userName, when } from './common.js';

function taskItem(task, onDone) {
  var overdue = !task.isCompleted && task.completeTill < Date.now() / 1000;
  return el(
    'div.feed-task' + (task.isCompleted ? '.feed-task--done' : '') + (overdue ? '.feed-task--overdue' : ''),
    { 'data-task-id': task.id },
    el(
      'div.feed-task__head',
      null,
      el('b', { text: typeName(task.taskTypeId) }),
      ' · ',
      when(task.completeTill),
      ' · ',
      userName(task.responsibleUserId),
      task.isCompleted ? el('span.feed-task__done', { text: ' ✓ ' + t('card.completed') }) : null,
    ),
    el('div.feed-task__text', { text: task.text }),
    !task.isCompleted && onDone
      ? el(
          'button.button.button--small',
          {
            type: 'button',
            onclick: function () {
              onDone(task);
            },
          },
          t('card.done'),
        )
      : null,
  );
}

export function dealCard(root, id) {
  sandbox.area = 'leads_card';
  sandbox.baseEntity = 'leads';
  return fetch('/_sandbox/ui/lead/' + id, { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) {
      root.appendChild(el('div.empty-page', { text: t('card.notFound') }));
      return;
    }
    return r.json().then(function (data) {
      var lead = data.lead;
      APP.data.current_card = {
        id: lead.id,
        model: {
          id: lead.id,
          name: lead.name,
          price: lead.price,
          status_id: lead.statusId,
          pipeline_id: lead.pipelineId,
        },
        element_type: 2,
      };
      var pipeline = boot.pipelines.filter(function (p) {
        return p.id === lead.pipelineId;
      })[0];
      var stage = el('select.card-stage', { name: 'status' });
      pipeline.statuses.forEach(function (s) {
        var o = el('option', { value: s.id, text: s.name });
        if (s.id === lead.statusId) o.selected = true;
        stage.appendChild(o);
      });
      stage.addEventListener('change', function () {
        post('/_sandbox/ui/lead/' + lead.id + '/status', { statusId: Number(stage.value) }).then(function () {
          sandbox.navigate(location.pathname, { replace: true });
        });
      });
      var reload = function () {
        return sandbox.navigate(location.pathname, { replace: true });
      };
      var done = function (task) {
        post('/_sandbox/ui/tasks/' + task.id + '/complete').then(reload);
      };
      var feed = el('div.card-feed', null, el('h3', { text: t('card.tasks') }));
      var open = data.tasks.filter(function (x) {
        return !x.isCompleted;
      });
      if (open.length === 0)
        feed.appendChild(el('div.card-feed__empty', null, markerNode({ kind: 'noTask' }), ' ', t('card.noTasks')));
      data.tasks
        .slice()
        .sort(function (a, b) {
          return Number(a.isCompleted) - Number(b.isCompleted) || a.completeTill - b.completeTill;
        })
        .forEach(function (task) {
          feed.appendChild(taskItem(task, done));
        });
      if (data.contactTasks.length) {
        feed.appendChild(el('h4', { text: t('card.contactTasks') }));
        data.contactTasks.forEach(function (task) {
          feed.appendChild(taskItem(task, done));
        });
      }
      if (data.notes.length) {
        feed.appendChild(el('h4', { text: t('card.notes') }));
        data.notes.forEach(function (n) {
          feed.appendChild(
            el(
              'div.feed-note',
              null,
              el('small', { text: when(n.createdAt) + ' · ' + userName(n.createdBy) }),
              el('div', { text: n.text }),
            ),
          );
        });
      }
      // The native task composer: "Задача для <user> на <due>: <type> <text>".
      var type = el('select.composer-type', { name: 'task_type' });
      boot.allTaskTypes.forEach(function (x) {
        type.appendChild(el('option', { value: x.id, text: x.name }));
      });
      var tomorrow = new Date(Date.now() + 86400000);
      var pad = function (n) {
        return String(n).padStart(2, '0');
      };
      var due = el('input.composer-due', {
        type: 'datetime-local',
        name: 'complete_till',
        value: tomorrow.getFullYear() + '-' + pad(tomorrow.getMonth() + 1) + '-' + pad(tomorrow.getDate()) + 'T10:00',
      });
      var text = el('input.composer-text', { type: 'text', name: 'text', placeholder: t('composer.text') });
      var responsible = el('select.composer-user', { name: 'responsible_user_id' });
      boot.users.forEach(function (u) {
        var o = el('option', { value: u.id, text: u.name });
        if (u.id === lead.responsibleUserId) o.selected = true;
        responsible.appendChild(o);
      });
      var submit = el('button.button.button--primary.composer-submit', { type: 'submit' }, t('composer.submit'));
      var composer = el(
        'form.composer',
        { 'data-composer': true },
        el(
          'div.composer__row',
          null,
          el('b', { text: t('composer.title') }),
          ' ',
          t('composer.for'),
          ' ',
          responsible,
          ' ',
          due,
          ' ',
          type,
        ),
        el('div.composer__row', null, text, submit),
      );
      composer.addEventListener('submit', function (e) {
        e.preventDefault();
        var dueAt = Math.floor(new Date(due.value).getTime() / 1000);
        if (!text.value.trim() || !dueAt) {
          APP.notifications.show_message_error({ header: t('composer.title'), text: t('composer.invalid') });
          return;
        }
        post('/_sandbox/ui/tasks', {
          entityType: 'leads',
          entityId: lead.id,
          text: text.value,
          completeTill: dueAt,
          taskTypeId: Number(type.value),
          responsibleUserId: Number(responsible.value),
        }).then(function (r) {
          if (!r.ok) throw new Error('task');
          APP.notifications.show_message({ header: t('composer.title'), text: t('composer.added') });
          return reload();
        });
      });
      var s = statusOf(lead.pipelineId, lead.statusId);
      root.appendChild(
        el(
          'div.card-page',
          null,
          el(
            'div.card-left',
            null,
            el(
              'div.card-left__head',
              { style: 'border-top-color:' + s.color },
              el('div.card-left__id', { text: '#' + lead.id }),
              el('h1.card-left__name', { text: lead.name }),
              el('div.card-left__pipeline', { text: pipeline.name }),
            ),
            el('div.card-field', null, el('label', { text: t('card.stage') }), stage),
            el(
              'div.card-field',
              null,
              el('label', { text: t('card.budget') }),
              el('span.card-price', { text: money(lead.price) }),
            ),
            el(
              'div.card-field',
              null,
              el('label', { text: t('card.responsible') }),
              el('span', { text: userName(lead.responsibleUserId) }),
            ),
            data.contact
              ? el(
                  'div.card-field',
                  null,
                  el('label', { text: t('card.contact') }),
                  el('span', { text: data.contact.name + ' · ' + data.contact.phone }),
                )
              : null,
          ),
          el('div.card-center', null, feed, composer),
          el('div#widgets_block.card-widgets'),
        ),
      );
    });
  });
}
