/*
 * amoCRM's widget loader and widget base object, ONE copy for both emulations: the sandbox page imports this ES
 * module (widget.js, secondWidget.js), and tests/hostEmulation.ts imports the same file inside jsdom. It is a module,
 * not a classic script: it defines nothing before RequireJS and puts nothing on window; environment-specific parts
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

import { drawSettings } from './settingsForm.js';
import { createBase } from './widgetBase.js';

export { attributeValue } from './settingsForm.js';

/**
 * `APP.widgets.system.area`, which `self.system().area` returns, uses short codes, not getWidgetsArea's names
 * (`kommo-crm/birthday-widget` `script.js`: `areas = ["ccard", "lcard"]`, `area === "settings" ||
 * "advanced-settings"`; GitHub `biradrags/amo-docs` `amocrm_docs_md/web_sdk/areas.md` for the list codes).
 * Pages with no known short code (the dashboard, ...) keep their getWidgetsArea name: unverified.
 */
export function shortArea(area) {
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
export function createWidgetHost(env) {
  var $ = env.$;
  var code = env.code;
  var ns = '.widget:' + code;
  var log = env.log || function () {};

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
      var base = createBase(env, ns);
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
      var app = window.APP;
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
        $(document).trigger('widget:' + code + ':loaded');
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
      $(document).trigger('page:changed');
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
      $(document).off(ns);
      $(document.getElementById('widgets_block'))
        .find('[data-widget-code="' + code + '"]')
        .remove();
      host.widget = null;
      var app = window.APP;
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
     * Draws the host's settings block into `$body` (the modal's body), calls `settings($body)` and wires Save
     * (settingsForm.js). Returns `{save, $save, $error}`; `save()` resolves to `{ok, fields}`.
     */
    drawSettings: function ($body, done) {
      return drawSettings(host, env, log, $body, done);
    },
  };
  return host;
}
