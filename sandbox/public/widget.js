/*
 * The sandbox page's side of the widget loader: feeds the shared loader (loader.js, the same module the jsdom tests
 * import) with the page's RequireJS, the boot data and the settings endpoint, and opens the integrations modal.
 * Every callback lands in the test hook's lifecycle (sandbox.js) so tests can see the widget ran.
 */
import { amdDefine, amdRequire } from './amd.js';
import { APP } from './app.js';
import { boot } from './boot.js';
import { t } from './lang.js';
import { createWidgetHost } from './loader.js';
import { sandbox } from './sandbox.js';

const info = boot.widget;

/**
 * RequireJS's `json!` plugin, as the host loads language files (`json!<lang>?v=<stamp>`, GitHub `Psiant/two`
 * `frontend/bild/75620.907dc87499035442ff59.js` l.1928); a widget may load its own dictionaries the same way.
 */
amdDefine('json', [], function () {
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
  const host = createWidgetHost({
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
        APP.notifications.show_message_error({
          header: t('widget.loadError'),
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
    t: t,
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
        APP.notifications.show_message({
          header: host.text('widget.name'),
          text: t('settings.saved'),
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
        const modal = new Modal({
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
