/*
 * The sandbox page's side of the widget loader: feeds the shared loader (loader.js, the same code the jsdom tests
 * run) with the page's RequireJS, the boot data and the settings endpoint, and opens the integrations modal.
 * Every callback lands in window.__sandbox.lifecycle so tests can see the widget ran.
 */
(function () {
  'use strict';
  /** RequireJS's global loader (AMD), not CommonJS. */
  var amdRequire = window.require;
  var boot = window.__SANDBOX_BOOT__;
  var sandbox = window.__sandbox;
  var info = boot.widget;

  /**
   * RequireJS's `json!` plugin, as the host loads language files (`json!<lang>?v=<stamp>`, GitHub `Psiant/two`
   * `frontend/bild/75620.907dc87499035442ff59.js` l.1928); a widget may load its own dictionaries the same way.
   */
  window.define('json', [], function () {
    return {
      load: function (name, req, onload) {
        fetch(name, { credentials: 'same-origin' })
          .then(function (r) {
            if (!r.ok) throw new Error('json!' + name + ': HTTP ' + r.status);
            return r.json();
          })
          .then(onload, function (error) {
            onload.error(error);
          });
      },
    };
  });

  amdRequire(['jquery'], function ($) {
    var host = window.__amoWidgetHost.createWidgetHost({
      $: $,
      code: info.code,
      path: info.path,
      version: info.version,
      initOnce: info.initOnce,
      active: info.active,
      integrationName: info.integrationName,
      manifest: info.manifest,
      lang: boot.lang,
      settings: function () {
        return info.settings;
      },
      require: function (ids, ok, fail) {
        amdRequire(ids, ok, function (error) {
          window.APP.notifications.show_message_error({
            header: window.__hostT('widget.loadError'),
            text: String(error && error.message),
          });
          fail(error);
        });
      },
      advancedPage: function () {
        return sandbox.area === 'advanced-settings:' + info.code;
      },
      log: function (call, extra) {
        sandbox.log(call, extra);
      },
      created: function (widget) {
        sandbox.widget = widget;
      },
      t: window.__hostT,
      persist: function (data) {
        return $.ajax({
          url: '/_sandbox/settings',
          type: 'POST',
          contentType: 'application/json',
          data: JSON.stringify(data),
          dataType: 'json',
        }).then(function (saved) {
          info.settings = saved.settings;
          info.active = saved.active;
          window.APP.notifications.show_message({
            header: host.text('widget.name'),
            text: window.__hostT('settings.saved'),
          });
          return saved.settings;
        });
      },
    });

    sandbox.host = host;
    /** The integrations modal for the widget (amoCRM: `lib/components/base/modal` with the settings template). */
    sandbox.openSettings = function () {
      return new Promise(function (resolve) {
        amdRequire(['lib/components/base/modal'], function (Modal) {
          var modal = new Modal({
            class_name: 'widget-settings-modal',
            init: function ($body) {
              host.drawSettings($body, function () {
                modal.destroy();
              });
              $body.trigger('modal:loaded');
            },
          });
          resolve(modal);
        });
      });
    };
    sandbox.hostReady();
  });
})();
