/* The host's pages: dashboard, pipeline board, leads list, deal card with the native task composer, tasks,
 * integrations (the widget's settings modal) and the widget's advanced settings page. */
(function () {
  'use strict';
  var boot = window.__SANDBOX_BOOT__;
  var sandbox = window.__sandbox;
  var el = window.__el;
  var t = window.__hostT;
  var tz = boot.account.timezone;
  var locale = { ru: 'ru-RU', en: 'en-GB', es: 'es-ES', pt: 'pt-BR' }[boot.lang] || 'ru-RU';

  var money = function (n) {
    return new Intl.NumberFormat('ru-RU').format(n) + ' ₽';
  };
  var when = function (unix) {
    return new Intl.DateTimeFormat(locale, {
      timeZone: tz,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(unix * 1000));
  };
  var userName = function (id) {
    var m = boot.managers[id];
    return m ? m.title : '#' + id;
  };
  var statusOf = function (pipelineId, statusId) {
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
  var typeName = function (id) {
    var x = boot.allTaskTypes.filter(function (type) {
      return type.id === id;
    })[0];
    return x ? x.name : '#' + id;
  };
  var get = function (url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      return r.json();
    });
  };
  var post = function (url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    });
  };
  var link = function (href, text, cls) {
    return el('a' + (cls ? '.' + cls : ''), { href: href, 'data-nav': true }, text);
  };

  function markerNode(marker) {
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

  function header(title, extra) {
    return el(
      'div.page-header',
      null,
      el('h1.page-title', { text: title }),
      el('div.page-search', { text: t('search') }),
      extra || null,
    );
  }

  var pages = {};

  pages.dashboard = function (root) {
    sandbox.area = 'dashboard';
    sandbox.baseEntity = 'dashboard';
    return get('/_sandbox/ui/dashboard').then(function (data) {
      var c = data.counts;
      var tile = function (label, value, cls) {
        return el(
          'div.tile' + (cls ? '.' + cls : ''),
          null,
          el('div.tile__value', { text: value }),
          el('div.tile__label', { text: label }),
        );
      };
      var team = el('div.tile.tile--wide', null, el('div.tile__label', { text: t('dash.team') }));
      data.perUser.forEach(function (u) {
        team.appendChild(
          el(
            'div.team-row',
            null,
            el('span', { text: u.name }),
            el('span.team-row__bar', { style: 'width:' + Math.min(100, u.noTask * 8) + 'px' }),
            el('b', { text: u.noTask }),
          ),
        );
      });
      root.appendChild(
        el(
          'div.dashboard',
          null,
          el('h1.dashboard__hello', { text: t('dash.hello', { name: boot.user.name }) }),
          el(
            'div.tiles',
            null,
            tile(t('dash.open'), c.open),
            tile(t('dash.noTask'), c.noTask, 'tile--warn'),
            tile(t('dash.overdue'), c.overdue, 'tile--bad'),
            tile(t('dash.today'), c.today, 'tile--good'),
            tile(t('dash.won'), c.won),
            tile(t('dash.budget'), money(c.budget), 'tile--money'),
            team,
          ),
        ),
      );
    });
  };

  pages.pipeline = function (root, pipelineId) {
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
  };

  pages.list = function (root, page) {
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
          text:
            ' ' + t('list.page', { p: data.page, n: data.pages }) + ' · ' + t('list.total', { n: data.total }) + ' ',
        }),
        data.page < data.pages ? link('/leads/list/?page=' + (data.page + 1), '→') : null,
      );
      root.appendChild(el('div.list-page', null, header(t('menu.list')), table, nav));
    });
  };

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

  pages.card = function (root, id) {
    sandbox.area = 'leads_card';
    sandbox.baseEntity = 'leads';
    return fetch('/_sandbox/ui/lead/' + id, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        root.appendChild(el('div.empty-page', { text: t('card.notFound') }));
        return;
      }
      return r.json().then(function (data) {
        var lead = data.lead;
        window.APP.data.current_card = {
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
            window.APP.notifications.show_message_error({ header: t('composer.title'), text: t('composer.invalid') });
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
            window.APP.notifications.show_message({ header: t('composer.title'), text: t('composer.added') });
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
  };

  pages.tasks = function (root) {
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
  };

  pages.settings = function (root) {
    // The Integrations page (GitHub `biradrags/amo-docs` `amocrm_docs_md/web_sdk/env_variables.md`).
    sandbox.area = 'widgetsSettings';
    sandbox.baseEntity = 'settings';
    var info = boot.widget;
    var langs = info.manifest
      ? get(info.path + '/i18n/' + boot.lang + '.json?v=' + encodeURIComponent(info.version))
      : Promise.resolve({});
    return langs.then(function (langs) {
      var widget = (langs && langs.widget) || {};
      var grid = el('div.integrations');
      var ours = el(
        'div.integration-card.integration-card--ours',
        { 'data-widget-code': info.code, role: 'button', tabindex: '0' },
        el('img.integration-card__logo', { src: info.path + '/images/logo.png', alt: '' }),
        el('div.integration-card__name', { text: info.integrationName || widget.name || 'Task Guard' }),
        el('div.integration-card__desc', {
          text: info.manifest ? widget.short_description || '' : t('settings.notBuilt'),
        }),
        el('div.integration-card__status', { text: info.active ? t('settings.active') : t('settings.inactive') }),
      );
      ours.addEventListener('click', function () {
        if (info.manifest) sandbox.openSettings();
      });
      grid.appendChild(ours);
      ['Телефония Demo', 'WhatsApp Demo', 'Почта', 'Sipuni Demo', 'Wazzup Demo'].forEach(function (n) {
        grid.appendChild(
          el(
            'div.integration-card.integration-card--muted',
            null,
            el('div.integration-card__logo.integration-card__logo--blank', { text: n[0] }),
            el('div.integration-card__name', { text: n }),
            el('div.integration-card__status', { text: t('settings.install') }),
          ),
        );
      });
      root.appendChild(
        el('div.settings-page', null, header(t('settings.title')), el('h3', { text: t('settings.installed') }), grid),
      );
    });
  };

  pages.advanced = function (root) {
    sandbox.area = 'advanced-settings:' + boot.widget.code;
    sandbox.baseEntity = 'settings';
    var title =
      (sandbox.host.langs && sandbox.host.langs.advanced && sandbox.host.langs.advanced.title) || 'Task Guard';
    root.appendChild(
      el(
        'div.advanced-page',
        null,
        header(title),
        el('div#list_page_holder', null, el('div#work-area-' + boot.widget.code + '.work-area')),
      ),
    );
    return Promise.resolve();
  };

  pages.notFound = function (root) {
    sandbox.area = 'unknown';
    root.appendChild(el('div.empty-page', { text: t('notFound') }));
    return Promise.resolve();
  };

  window.__hostPages = pages;
})();
