/* The widget's advanced settings page: the host draws the holder, the widget fills it in advancedSettings. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { sandbox } from '../sandbox.js';
import { header } from './common.js';

export function advanced(root) {
  sandbox.area = 'advanced-settings:' + boot.widget.code;
  sandbox.baseEntity = 'settings';
  var title = (sandbox.host.langs && sandbox.host.langs.advanced && sandbox.host.langs.advanced.title) || 'Task Guard';
  root.appendChild(
    el(
      'div.advanced-page',
      null,
      header(title),
      el('div#list_page_holder', null, el('div#work-area-' + boot.widget.code + '.work-area')),
    ),
  );
  return Promise.resolve();
}
