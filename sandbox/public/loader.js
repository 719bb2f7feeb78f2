/*
 * amoCRM's widget loader and widget base object, ONE copy for both emulations: the sandbox page loads this file
 * with a script tag, and tests/hostEmulation.ts evaluates the same text inside jsdom. Environment-specific parts
 * (how modules are fetched, where saved settings go, what the page's area is) come in through `env`.
 *
 * Sources, all public:
 * - Loader: GitHub `Psiant/two` `frontend/bild/75620.907dc87499035442ff59.js` l.1892-1990. It requires
 *   `optional!<src>?v=<installed_version>` and `json!<lang>?v=<installed_version>`, swaps the constructor's prototype
 *   for the base object (`(new Base).extend(Ctor)`), creates the instance, overwrites `langs.widget.name` with the
 *   integration's name (`f.widget.name = e.name`), sets the settings (`version = e.installed_version || "0"`), and
 *   deletes the widget unless render, init and bind_actions are functions. Then (l.1960-1968):
 *     u = $.Deferred(); l = render(); l && (isFunction(l.then) ? l.then(u.resolve, u.reject) : u.resolve());
 *     u.promise().done(() => { trigger('widget:<code>:loaded'); init(); });
 *     bind_actions(); advancedSettings() on the advanced page.
 *   A jQuery Deferred runs `.done` at once when already resolved, so a synchronous truthy render gives
 *   render -> init -> bind_actions; only a thenable render lets bind_actions run before init; a falsy render
 *   never reaches init. On later pages an existing widget only gets render() again (l.1912-1925).
 * - Base object: `Psiant/two` `frontend/bild/26841.c921651f6d1f35a84232.js` l.2304-2350: i18n, set_lang,
 *   set_settings (`$.extend(this.params, e)`), get_settings, get_install_status, get_version, and
 *   `system()` = `APP.widgets.system`.
 * - Settings modal: `Psiant/two` `frontend/bild/42355.11df5f2239bfa2f2ab8e.js` l.10488-10545 (template
 *   `interface/settings/widgets/widget_settings`): `.widget_settings_block` > `.widget_settings_block__descr` and
 *   `#widget_settings__fields_wrapper.widget_settings_block__fields`, one `.widget_settings_block__item_field` per
 *   field with a `.widget_settings_block__title_field` that prints `langs["settings.<code>"]` only when the field
 *   type is not hidden; a custom field is `<div class="widget_settings_block__input_field" id="<code>_custom_content">`
 *   holding the input `#<code>_custom` (type hidden, `value = escape(field.value)`). The input template is
 *   `frontend/bild/94849.bd3e9902ca816b991dab.js` l.1330-1405 (`interface/controls/input`).
 * - Save: the host's base form (`Psiant/two` `frontend/bild/17331.d14bdbb075afedab4ca6.js` l.1050-1097,
 *   `components/base/form`) serializes every named `:input` except `.js-form-changes-skip`; `onSave` gets
 *   `{active, fields}` and must answer true or a Promise (GitHub `biradrags/amo-docs`
 *   `amocrm_docs_md/web_sdk/settings.md`, `kommo-crm/birthday-widget` `classes/settings.js`, which writes
 *   `fields.<code>` itself as a JSON string). The server stores a custom value decoded
 *   (`amocrm_docs_md/integrations/custom_settings.md`: "Строчный тип данных на сервере сохраняться не будет").
 */
(function (root) {
  'use strict';

  /**
   * `APP.widgets.system.area`, which `self.system().area` returns, uses short codes, not getWidgetsArea's names
   * (`kommo-crm/birthday-widget` `script.js`: `areas = ["ccard", "lcard"]`, `area === "settings" ||
   * "advanced-settings"`; GitHub `biradrags/amo-docs` `amocrm_docs_md/web_sdk/areas.md` for the list codes).
   * Pages with no known short code (the dashboard, ...) keep their getWidgetsArea name: unverified.
   */
  function shortArea(area) {
    area = String(area || '');
    if (area.indexOf('advanced-settings:') === 0) return 'advanced-settings';
    var short = {
      leads_card: 'lcard',
      contacts_card: 'ccard',
      companies_card: 'comcard',
      customers_card: 'cucard',
      leads: 'llist',
      'leads-pipeline': 'llist',
      contacts: 'clist',
      companies: 'clist',
      todo: 'tlist',
      'todo-line': 'tlist',
      'todo-calendar': 'tlist',
      widgetsSettings: 'settings',
      authlog: 'settings',
    }[area];
    return short || area;
  }

  /** Like twig's escape of `field.value`: what an object becomes in an attribute is its String(), "[object Object]". */
  function attributeValue(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  /**
   * @param {object} env
   *   $: jQuery; code; path; version (the install stamp); initOnce; active; integrationName;
   *   settings(): the saved field values as the host hands them (custom fields decoded);
   *   manifest: the widget's manifest (settings fields), or null;
   *   lang: the user's language; require(ids, ok, fail): the loader's AMD require;
   *   advancedPage(): true on the widget's advanced settings page; log(call, extra): life cycle record;
   *   persist({active, fields}): Promise of the saved field values (what the server kept);
   *   t(key): host interface strings for the modal's buttons.
   */
  function createWidgetHost(env) {
    var $ = env.$;
    var code = env.code;
    var ns = '.widget:' + code;
    var log = env.log || function () {};

    function createBase() {
      // A host that hands over a bare object (none of the base's methods or settings), for robustness tests.
      if (env.bareBase) return {};
      return {
        ns: ns,
        init_once: env.initOnce,
        langs: {},
        params: {},
        system: function () {
          var app = root.APP;
          return app && app.widgets && typeof app.widgets.system === 'object' ? app.widgets.system : false;
        },
        get_settings: function () {
          return this.params;
        },
        set_settings: function (values) {
          this.params = this.params || {};
          $.extend(this.params, values);
        },
        get_version: function () {
          return this.params.version;
        },
        get_install_status: function () {
          return this.params.status;
        },
        set_lang: function (langs) {
          this.langs = langs;
        },
        /** The host's own walk: `false` for a missing last key, a TypeError for a missing intermediate object. */
        i18n: function (key) {
          if (typeof key === 'string') {
            var node = this.langs;
            var parts = key.split('.');
            for (var i = 0; i < parts.length; i++) node = node[parts[i]];
            if (node !== undefined) return node;
          }
          return false;
        },
        render_template: function (options) {
          var holder = root.document.getElementById('widgets_block');
          if (!holder) return;
          $(holder)
            .find('[data-widget-code="' + code + '"]')
            .remove();
          var block = $('<div class="card-widgets__widget"></div>').attr('data-widget-code', code);
          block.append(
            $('<div class="card-widgets__widget-caption"></div>').text(
              (options && options.caption && options.caption.html) || code,
            ),
          );
          var body = $('<div class="card-widgets__widget-body"></div>');
          if (options && typeof options.body === 'string') body.html(options.body);
          block.append(body);
          $(holder).append(block);
        },
        crm_post: function (url, data, callback, type) {
          return $.ajax({
            url: '/_sandbox/crm_post',
            type: 'POST',
            contentType: 'application/json',
            data: JSON.stringify({ url: url, data: data }),
            dataType: type || 'json',
          }).done(function (answer) {
            if (typeof callback === 'function') callback(answer);
          });
        },
        list_selected: function () {
          return { count: 0, selected: [] };
        },
        add_action: function () {},
      };
    }

    var host = {
      /** @type {any} */ widget: null,
      ctor: null,
      langs: null,
      ns: ns,
      /** A throwing callback must not break the host, but must stay visible: rethrown outside the host's stack. */
      call: function (name, args) {
        var widget = host.widget;
        log(name);
        if (!widget || !widget.callbacks || typeof widget.callbacks[name] !== 'function') return undefined;
        try {
          return widget.callbacks[name].apply(widget, args || []);
        } catch (error) {
          log(name + ':threw');
          setTimeout(function () {
            throw error;
          });
          return undefined;
        }
      },
      /** The settings as the loader sets them: the saved fields, then the host's own keys over them. */
      settingsFor: function () {
        var saved = env.settings() || {};
        var values = $.extend({}, saved);
        values.widget_code = code;
        values.path = env.path;
        values.version = env.version;
        values.status = 'installed';
        values.widget_active = env.active ? 'Y' : 'N';
        values.images_path = env.path + '/images';
        values.oauth_client_uuid = '';
        return values;
      },
      /** `(new Base).extend(Ctor)`, `new Ctor`, ns + init_once, set_lang (name overwritten), set_settings, check. */
      create: function () {
        var base = createBase();
        host.ctor.prototype = base;
        var widget = new host.ctor();
        $.extend(widget, { ns: ns, init_once: env.initOnce });
        if (!widget.callbacks || typeof widget.callbacks !== 'object') {
          log('rejected');
          return null;
        }
        var langs = host.langs;
        if (langs && typeof langs === 'object' && typeof widget.set_lang === 'function') {
          if (env.integrationName) {
            langs.widget = langs.widget || {};
            langs.widget.name = env.integrationName;
          }
          widget.set_lang(langs);
        }
        if (typeof widget.set_settings === 'function') widget.set_settings(host.settingsFor());
        var cb = widget.callbacks;
        if (typeof cb.init !== 'function' || typeof cb.bind_actions !== 'function' || typeof cb.render !== 'function') {
          log('rejected');
          return null;
        }
        host.widget = widget;
        // The real loader keeps every instance in `APP.widgets.list[<code>]` (75620…js l.1938); other code reads
        // each widget's `get_settings()` there (Task Guard's inspector: whose script made a call).
        var app = root.APP;
        if (app && app.widgets) (app.widgets.list = app.widgets.list || {})[code] = widget;
        if (env.created) env.created(widget);
        return widget;
      },
      /**
       * The first page: render, then init through a jQuery Deferred (at once for a synchronous truthy render,
       * after the promise for a thenable one, never for a falsy one), bind_actions, advancedSettings. Resolves
       * once init ran, or at once when it never will.
       */
      start: function () {
        var deferred = $.Deferred();
        var answer = host.call('render');
        if (answer) {
          if (typeof answer.then === 'function') answer.then(deferred.resolve, deferred.reject);
          else deferred.resolve();
        } else log('render:falsy');
        var initialised = deferred.promise().done(function () {
          $(root.document).trigger('widget:' + code + ':loaded');
          host.call('init');
        });
        host.call('bind_actions');
        if (env.advancedPage()) host.call('advancedSettings');
        if (!answer) return Promise.resolve();
        return new Promise(function (resolve) {
          initialised.then(resolve, function () {
            log('render:rejected');
            resolve();
          });
        });
      },
      /**
       * Requires script.js and the language file with the install stamp and creates the instance; `done(widget)`
       * (null when it failed) runs as soon as the require answers, synchronously for a synchronous require.
       */
      prepare: function (done) {
        if (!env.manifest || !env.active) {
          log('skipped');
          return done(null);
        }
        var stamp = encodeURIComponent(env.version);
        env.require(
          [env.path + '/script.js?v=' + stamp, 'json!' + env.path + '/i18n/' + env.lang + '.json?v=' + stamp],
          function (Ctor, langs) {
            log('script-loaded');
            if (typeof Ctor !== 'function') {
              log('rejected');
              return done(null);
            }
            host.ctor = Ctor;
            host.langs = langs || {};
            done(host.create());
          },
          function () {
            log('load-failed');
            done(null);
          },
        );
      },
      /** The first page: prepare, then start. */
      load: function () {
        return new Promise(function (resolve) {
          host.prepare(function (widget) {
            if (!widget) return resolve();
            host.start().then(resolve);
          });
        });
      },
      /**
       * A page change: `page:changed`, then render() again for an init_once widget (and advancedSettings on the
       * advanced page); any other widget is destroyed, its namespace unbound and a new instance started.
       */
      navigated: function () {
        $(root.document).trigger('page:changed');
        if (!host.widget) return Promise.resolve();
        if (env.initOnce) {
          var answer = host.call('render');
          var after = function () {
            if (env.advancedPage()) host.call('advancedSettings');
          };
          if (answer && typeof answer.then === 'function') return Promise.resolve(answer).then(after, after);
          after();
          return Promise.resolve();
        }
        host.remove();
        if (host.create()) return host.start();
        return Promise.resolve();
      },
      /** `widget:removed`: destroy(), then the host unbinds the widget's namespace. */
      remove: function () {
        host.call('destroy');
        $(root.document).off(ns);
        $(root.document.getElementById('widgets_block'))
          .find('[data-widget-code="' + code + '"]')
          .remove();
        host.widget = null;
        var app = root.APP;
        // The host's `delete APP.widgets.list[code]` (75620…js l.2040).
        if (app && app.widgets && app.widgets.list) Reflect.deleteProperty(app.widgets.list, code);
      },
      text: function (key) {
        var node = host.langs || {};
        String(key)
          .split('.')
          .forEach(function (k) {
            node = node && typeof node === 'object' ? node[k] : undefined;
          });
        return typeof node === 'string' ? node : key;
      },
      /**
       * Draws the host's settings block into `$body` (the modal's body), calls `settings($body)` and wires Save.
       * Returns `{save, $save, $error}`; `save()` resolves to what happened: `{ok, fields}`.
       */
      drawSettings: function ($body, done) {
        var t = env.t || String;
        var manifest = env.manifest || { widget: {}, settings: {} };
        var saved = env.settings() || {};
        var block = $('<div class="widget_settings_block"></div>');
        var head = $('<div class="widget_settings_block__head"></div>');
        head.append(
          $('<div class="widget_settings_block__img"></div>').append(
            $('<img alt="">').attr('src', env.path + '/images/logo_small.png'),
          ),
        );
        head.append($('<div class="widget_settings_block__title"></div>').text(host.text('widget.name')));
        head.append(
          $('<div class="widget_settings_block__status"></div>').text(
            env.active ? t('settings.active') : t('settings.inactive'),
          ),
        );
        block.append(head);
        block.append(
          $('<div class="widget_settings_block__descr"></div>').append(
            $('<p></p>').text(host.text(manifest.widget && manifest.widget.description)),
          ),
        );
        var fields = $('<div class="widget_settings_block__fields" id="widget_settings__fields_wrapper"></div>');
        Object.keys(manifest.settings || {}).forEach(function (name) {
          var field = manifest.settings[name];
          // The host's data source turns a `custom` field into a hidden one; the template keys on `hidden`.
          var hidden = field.type === 'custom';
          var item = $('<div class="widget_settings_block__item_field"></div>');
          var title = $('<div class="widget_settings_block__title_field"></div>').attr('title', '');
          if (!hidden) title.text(host.text('settings.' + name) + ': ');
          item.append(title);
          var input = $('<input autocomplete="off">').attr({
            name: name,
            class: 'widget_settings_block__controls__ text-input',
            type: hidden ? 'hidden' : field.type === 'pass' ? 'password' : 'text',
            value: attributeValue(saved[name]),
            placeholder: '',
          });
          if (hidden) {
            input.attr('id', code + '_custom');
            item.append(
              $('<div class="widget_settings_block__input_field"></div>')
                .attr('id', code + '_custom_content')
                .append(input),
            );
          } else item.append($('<div class="widget_settings_block__input_field"></div>').append(input));
          fields.append(item);
        });
        block.append(fields);
        var controls = $('<div class="widget_settings_block__controls widget_settings_block__controls_top"></div>');
        var $save = $(
          '<button type="button" class="button button--primary button-input button-input_blue js-widget-save"></button>',
        )
          .attr({ id: 'save_' + code, 'data-action': 'save', disabled: 'disabled' })
          .text(t('settings.save'));
        var $cancel = $('<button type="button" class="button button-input" data-action="cancel"></button>').text(
          t('settings.cancel'),
        );
        controls.append($save, $cancel);
        block.append(controls);
        var $error = $('<div class="widget_settings_block__error"></div>');
        block.append($error);
        $body.append(block);

        // The base form wakes Save on `change` of any named input (a jQuery trigger or a bubbling native event).
        $body.on('change input', ':input[name]:not(.js-form-changes-skip)', function () {
          $save.prop('disabled', false);
        });
        $cancel.on('click', function () {
          if (done) done(false);
        });

        /** The base form's serialization: every named input of the form except `.js-form-changes-skip`. */
        var collect = function () {
          var values = {};
          $body.find(':input[name]').each(function () {
            var $input = $(this);
            if ($input.hasClass('js-form-changes-skip')) return;
            if ((this.type === 'radio' || this.type === 'checkbox') && !this.checked) return;
            values[$input.attr('name')] = $input.val();
          });
          return values;
        };

        var save = function () {
          var data = { active: 'Y', fields: collect() };
          $save.prop('disabled', true);
          $error.text('');
          var refused = function (why) {
            log('onSave:' + why);
            $error.text(t('settings.rejected'));
            $save.prop('disabled', false);
            return { ok: false, fields: data.fields };
          };
          var answer = host.call('onSave', [data]);
          if (answer !== true && !(answer && typeof answer.then === 'function'))
            return Promise.resolve(refused('refused'));
          return Promise.resolve(answer).then(
            function (ok) {
              if (!ok) return refused('refused');
              log('onSave:accepted');
              return Promise.resolve(env.persist({ active: data.active === 'Y', fields: data.fields })).then(
                function (stored) {
                  if (host.widget) host.widget.set_settings(stored || {});
                  if (done) done(true);
                  return { ok: true, fields: data.fields };
                },
              );
            },
            function () {
              return refused('rejected');
            },
          );
        };
        $save.on('click', function () {
          save();
        });
        host.call('settings', [$body]);
        return { save: save, $save: $save, $error: $error };
      },
    };
    return host;
  }

  root.__amoWidgetHost = { createWidgetHost: createWidgetHost, attributeValue: attributeValue, shortArea: shortArea };
})(window);
