/*
 * The widget loader and base object, as amoCRM's front end does it: require `<path>/script.js?v=<version>`, load
 * `i18n/<lang>.json`, set_lang + settings, swap the constructor's prototype for the base object, `new Ctor()`,
 * check the callbacks, then render(); bind_actions(); and, when render said yes, trigger widget:<code>:loaded and
 * init(). Every call lands in window.__sandbox.lifecycle so tests can see the widget ran.
 */
(function () {
  'use strict';
  /** RequireJS's global loader (AMD), not CommonJS. */
  var amdRequire = window.require;
  var boot = window.__SANDBOX_BOOT__;
  var sandbox = window.__sandbox;
  var info = boot.widget;
  var code = info.code;
  var ns = '.widget:' + code;

  /** Builds the base object a widget instance inherits from (one per instance, like the host's extend). */
  function createBase($) {
    var base = {
      params: {},
      langs: {},
      ns: ns,
      init_once: info.initOnce,
      system: function () {
        return {
          area: window.APP.getWidgetsArea(),
          amouser_id: String(boot.user.id),
          amouser: boot.user.login,
          amohash: 'sandbox-' + boot.user.id,
          subdomain: boot.account.subdomain,
          domain: 'demo.amocrm.ru',
          server: 'ru',
        };
      },
      get_settings: function () {
        return this.params;
      },
      set_settings: function (values) {
        var params = this.params;
        Object.keys(values || {}).forEach(function (k) {
          params[k] = values[k];
        });
      },
      get_version: function () {
        return this.params.version;
      },
      set_lang: function (langs) {
        this.langs = langs;
      },
      /** Like the host: `false` for a missing last key, a TypeError for a missing intermediate object. */
      i18n: function (key) {
        var parts = String(key).split('.');
        var node = this.langs;
        for (var i = 0; i < parts.length - 1; i++) node = node[parts[i]];
        var value = node[parts[parts.length - 1]];
        return value === undefined ? false : value;
      },
      render_template: function (options) {
        var holder = document.getElementById('widgets_block');
        if (!holder) return;
        $(holder)
          .find('[data-widget-code="' + code + '"]')
          .remove();
        var block = window.__el(
          'div.card-widgets__widget',
          { 'data-widget-code': code },
          window.__el('div.card-widgets__widget-caption', {
            text: (options && options.caption && options.caption.html) || code,
          }),
        );
        var body = window.__el('div.card-widgets__widget-body');
        if (options && typeof options.body === 'string') body.innerHTML = options.body;
        block.appendChild(body);
        holder.appendChild(block);
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
      get_install_status: function () {
        return 'installed';
      },
    };
    return base;
  }

  var host = {
    /** @type {any} */ widget: null,
    ctor: null,
    langs: null,
    /** A failed widget callback must not break the host, but must be visible: rethrown outside the host's stack. */
    call: function (name, args) {
      var widget = host.widget;
      sandbox.log(name);
      if (!widget || !widget.callbacks || typeof widget.callbacks[name] !== 'function') return undefined;
      try {
        return widget.callbacks[name].apply(widget, args || []);
      } catch (error) {
        sandbox.log(name + ':threw');
        setTimeout(function () {
          throw error;
        });
        return undefined;
      }
    },
    /** render(); bind_actions(); if render's answer (or its promise's value) is truthy: loaded event + init(). */
    start: function ($) {
      var answer = host.call('render');
      host.call('bind_actions');
      var proceed = function (ok) {
        sandbox.log('render:' + (ok ? 'ok' : 'falsy'));
        if (!ok) return;
        $(document).trigger('widget:' + code + ':loaded');
        host.call('init');
        if (sandbox.area === 'advanced-settings:' + code) host.call('advancedSettings');
      };
      if (answer && typeof answer.then === 'function')
        return Promise.resolve(answer).then(proceed, function () {
          sandbox.log('render:rejected');
        });
      proceed(answer);
      return Promise.resolve();
    },
    create: function ($) {
      var base = createBase($);
      base.set_lang(host.langs);
      base.set_settings({
        widget_code: code,
        path: info.path,
        images_path: info.path + '/images',
        version: info.version,
        status: 'installed',
        widget_active: info.active ? 'Y' : 'N',
        oauth_client_uuid: '',
        config: info.config,
      });
      host.ctor.prototype = base;
      var widget = new host.ctor();
      var cb = widget.callbacks;
      if (
        !cb ||
        typeof cb.render !== 'function' ||
        typeof cb.init !== 'function' ||
        typeof cb.bind_actions !== 'function'
      ) {
        sandbox.log('rejected');
        return null;
      }
      host.widget = widget;
      sandbox.widget = widget;
      return widget;
    },
    /** Loads script.js and the language file once, then creates and starts the widget. */
    load: function () {
      if (!info.manifest || !info.active) {
        sandbox.log('skipped');
        return Promise.resolve();
      }
      return new Promise(function (resolve) {
        amdRequire(
          ['jquery', info.path + '/script.js?v=' + encodeURIComponent(info.version)],
          function ($, Ctor) {
            sandbox.log('script-loaded');
            if (typeof Ctor !== 'function') {
              sandbox.log('rejected');
              return resolve();
            }
            host.ctor = Ctor;
            $.ajax({
              url: info.path + '/i18n/' + boot.lang + '.json?v=' + encodeURIComponent(info.version),
              dataType: 'json',
            })
              .then(
                function (langs) {
                  host.langs = langs;
                  if (host.create($)) return host.start($);
                  return undefined;
                },
                function () {
                  sandbox.log('i18n-failed');
                },
              )
              .always(function () {
                resolve();
              });
          },
          function (error) {
            sandbox.log('load-failed');
            window.APP.notifications.show_message_error({
              header: window.__hostT('widget.loadError'),
              text: String(error && error.message),
            });
            resolve();
          },
        );
      });
    },
    /**
     * A page change: `page:changed`, then render() again for init_once widgets; the others are destroyed,
     * their namespace unbound and a fresh instance created.
     */
    navigated: function ($) {
      $(document).trigger('page:changed');
      if (!host.widget) return Promise.resolve();
      if (info.initOnce) {
        var answer = host.call('render');
        var after = function () {
          if (sandbox.area === 'advanced-settings:' + code) host.call('advancedSettings');
        };
        return answer && typeof answer.then === 'function'
          ? Promise.resolve(answer).then(after)
          : Promise.resolve(after());
      }
      host.call('destroy');
      $(document).off(ns);
      $('#widgets_block [data-widget-code="' + code + '"]').remove();
      host.widget = null;
      if (host.create($)) return host.start($);
      return Promise.resolve();
    },
    /** The integrations modal for the widget: description, the manifest's fields, Save / Disable. */
    openSettings: function () {
      return new Promise(function (resolve) {
        amdRequire(['jquery', 'lib/components/base/modal'], function ($, Modal) {
          var t = window.__hostT;
          var manifest = info.manifest || { widget: {}, settings: {} };
          var langs = host.langs || {};
          var text = function (key) {
            var node = langs;
            String(key)
              .split('.')
              .forEach(function (k) {
                node = node && typeof node === 'object' ? node[k] : undefined;
              });
            return typeof node === 'string' ? node : key;
          };
          var modal = new Modal({
            class_name: 'widget-settings-modal',
            init: function ($body) {
              var save = window.__el(
                'button.button.button--primary',
                { type: 'button', disabled: true, 'data-action': 'save' },
                t('settings.save'),
              );
              var error = window.__el('div.widget-settings__error');
              var fields = window.__el('div.widget-settings__fields');
              var inputs = [];
              Object.keys(manifest.settings || {}).forEach(function (name) {
                var field = manifest.settings[name];
                var row = window.__el(
                  'div.widget-settings__field',
                  null,
                  window.__el('label.widget-settings__label', { text: text(field.name) }),
                );
                if (field.type === 'custom') {
                  var hidden = window.__el('input#' + code + '_custom', {
                    type: 'hidden',
                    name: name,
                    value: info.config || '',
                  });
                  row.appendChild(hidden);
                  row.appendChild(window.__el('div#' + code + '_custom_content.widget-settings__custom'));
                  inputs.push(hidden);
                } else {
                  var input = window.__el('input.text-input', {
                    type: field.type === 'pass' ? 'password' : 'text',
                    name: name,
                    value: '',
                  });
                  row.appendChild(input);
                  inputs.push(input);
                }
                fields.appendChild(row);
              });
              var logo = window.__el('img.widget-settings__logo', {
                src: info.path + '/images/logo_main.png',
                alt: '',
              });
              $body.append(
                window.__el(
                  'div.widget-settings',
                  null,
                  window.__el(
                    'div.widget-settings__head',
                    null,
                    logo,
                    window.__el(
                      'div',
                      null,
                      window.__el('h2.widget-settings__title', { text: text(manifest.widget.name) }),
                      window.__el('div.widget-settings__status', {
                        text: info.active ? t('settings.active') : t('settings.inactive'),
                      }),
                    ),
                  ),
                  window.__el('div.widget-settings__desc', { text: text(manifest.widget.description) }),
                  fields,
                  error,
                  window.__el(
                    'div.widget-settings__buttons',
                    null,
                    save,
                    window.__el(
                      'button.button',
                      {
                        type: 'button',
                        'data-action': 'cancel',
                        onclick: function () {
                          modal.destroy();
                        },
                      },
                      t('settings.cancel'),
                    ),
                  ),
                ),
              );
              // Like the host: Save wakes up only on a change event (a jQuery trigger or a bubbling native one).
              $(inputs).on('change input', function () {
                save.disabled = false;
              });
              save.addEventListener('click', function () {
                var values = {};
                inputs.forEach(function (i) {
                  values[i.name] = i.value;
                });
                save.disabled = true;
                error.textContent = '';
                var answer = host.call('onSave', [{ active: 'Y', fields: values }]);
                Promise.resolve(answer).then(
                  function (ok) {
                    sandbox.log('onSave:' + (ok ? 'accepted' : 'refused'));
                    if (!ok) {
                      error.textContent = t('settings.rejected');
                      save.disabled = false;
                      return;
                    }
                    return $.ajax({
                      url: '/_sandbox/settings',
                      type: 'POST',
                      contentType: 'application/json',
                      data: JSON.stringify({ config: values.config || '', active: true }),
                      dataType: 'json',
                    }).then(function (saved) {
                      info.config = saved.config;
                      if (host.widget) host.widget.set_settings({ config: saved.config });
                      window.APP.notifications.show_message({
                        header: text(manifest.widget.name),
                        text: t('settings.saved'),
                      });
                      modal.destroy();
                    });
                  },
                  function () {
                    sandbox.log('onSave:rejected');
                    error.textContent = t('settings.rejected');
                    save.disabled = false;
                  },
                );
              });
              host.call('settings', [$body]);
              $body.trigger('modal:loaded');
            },
          });
          resolve(modal);
        });
      });
    },
  };

  sandbox.host = host;
  sandbox.openSettings = function () {
    return host.openSettings();
  };
})();
