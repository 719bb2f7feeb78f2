/*
 * The widget base object the loader puts under the widget's prototype (GitHub `Psiant/two`
 * `frontend/bild/26841.c921651f6d1f35a84232.js` l.2304-2350): i18n, set_lang, set_settings
 * (`$.extend(this.params, e)`), get_settings, get_install_status, get_version, and `system()` =
 * `APP.widgets.system`; plus the card's `render_template` and `crm_post` as the sandbox answers them.
 */

/**
 * @param {{$: Function, code: string, initOnce: boolean, bareBase?: boolean}} env  the loader's env (loader.js)
 * @param {string} ns  the widget's event namespace, `.widget:<code>`
 */
export function createBase(env, ns) {
  var $ = env.$;
  var code = env.code;
  // A host that hands over a bare object (none of the base's methods or settings), for robustness tests.
  if (env.bareBase) return {};
  return {
    ns: ns,
    init_once: env.initOnce,
    langs: {},
    params: {},
    system: function () {
      var app = window.APP;
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
      var holder = document.getElementById('widgets_block');
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
