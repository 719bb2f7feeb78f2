/* Any path the router does not know. */
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';

export function notFound(root) {
  sandbox.area = 'unknown';
  root.appendChild(el('div.empty-page', { text: t('notFound') }));
  return Promise.resolve();
}
