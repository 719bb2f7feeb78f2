/*
 * The sandbox page's second widget, "Lead Sync" (sandbox/widgets/lead_sync/), loaded by the shared loader
 * (loader.js) from its own path like any other vendor's upload and registered in `APP.widgets.list`. It is
 * init_once, so it is loaded once and stays for the page's life. `sandbox.leadSync` (sandbox.js) is its instance.
 */
import { amdRequire } from './amd.js';
import { boot } from './boot.js';
import { createWidgetHost } from './loader.js';
import { sandbox } from './sandbox.js';

const CODE = 'lead_sync';
const PATH = '/upl/' + CODE + '/widget';

amdRequire(['jquery'], function ($) {
  const host = createWidgetHost({
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
