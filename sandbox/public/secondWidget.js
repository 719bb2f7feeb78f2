/*
 * The sandbox page's second widget, "Lead Sync" (sandbox/widgets/lead_sync/), loaded by the shared loader
 * (loader.js) from its own path like any other vendor's upload and registered in `APP.widgets.list`. It is
 * init_once, so it is loaded once and stays for the page's life. `window.__sandbox.leadSync` is its instance.
 */
(function () {
  'use strict';
  /** RequireJS's global loader (AMD), not CommonJS. */
  var amdRequire = window.require;
  var boot = window.__SANDBOX_BOOT__;
  var sandbox = window.__sandbox;
  var CODE = 'lead_sync';
  var PATH = '/upl/' + CODE + '/widget';

  amdRequire(['jquery'], function ($) {
    var host = window.__amoWidgetHost.createWidgetHost({
      $: $,
      code: CODE,
      path: PATH,
      version: '7',
      initOnce: true,
      active: true,
      integrationName: 'Lead Sync',
      manifest: { widget: { name: 'widget.name', init_once: true }, settings: {} },
      lang: boot.lang,
      settings: function () {
        return {};
      },
      require: amdRequire,
      advancedPage: function () {
        return false;
      },
      created: function (widget) {
        sandbox.leadSync = widget;
      },
      persist: function (data) {
        return Promise.resolve(data.fields);
      },
    });
    host.load();
  });
})();
