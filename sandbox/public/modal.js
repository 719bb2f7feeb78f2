/* Emulation of amoCRM's `lib/components/base/modal`: hidden until init triggers modal:loaded / modal:centrify.
 * Registered with RequireJS by name, as the widget requires it from the host. */
import { amdDefine } from './amd.js';

amdDefine('lib/components/base/modal', ['jquery'], function ($) {
  var open = [];

  /**
   * @param {{class_name?: string, init?: Function, destroy?: Function, disable_overlay_click?: boolean,
   *   disable_escape_keydown?: boolean}} options
   */
  function Modal(options) {
    this.options = options || {};
    this.$el = $(
      '<div class="modal modal--hidden"><div class="modal-overlay"></div><div class="modal-scroller"><div class="modal-body"></div></div></div>',
    );
    if (this.options.class_name) this.$el.addClass(this.options.class_name);
    this._$body = this.$el.find('.modal-body');
    this._$body.on('modal:loaded modal:centrify', () => this.$el.removeClass('modal--hidden'));
    this._$body.on('modal:close', () => this.destroy());
    this.$el.find('.modal-overlay').on('click', () => {
      if (!this.options.disable_overlay_click) this.destroy();
    });
    this._onKey = (e) => {
      if (e.key === 'Escape' && !this.options.disable_escape_keydown && open[open.length - 1] === this) this.destroy();
    };
    document.addEventListener('keydown', this._onKey);
    $('body').append(this.$el);
    open.push(this);
    if (typeof this.options.init === 'function') this.options.init.call(this, this._$body);
  }

  Modal.prototype.destroy = function () {
    if (this._destroyed) return;
    this._destroyed = true;
    document.removeEventListener('keydown', this._onKey);
    var i = open.indexOf(this);
    if (i >= 0) open.splice(i, 1);
    if (typeof this.options.destroy === 'function') this.options.destroy.call(this);
    this.$el.remove();
  };

  /** The host destroys every open modal when the page changes. */
  Modal.destroyAll = function () {
    open.slice().forEach(function (m) {
      m.destroy();
    });
  };

  return Modal;
});
