/* The Integrations page (GitHub `biradrags/amo-docs` `amocrm_docs_md/web_sdk/env_variables.md`): the widget's card opens its settings modal. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { get, header } from './common.js';

export function integrations(root) {
  // The Integrations page (GitHub `biradrags/amo-docs` `amocrm_docs_md/web_sdk/env_variables.md`).
  sandbox.area = 'widgetsSettings';
  sandbox.baseEntity = 'settings';
  var info = boot.widget;
  var langs = info.manifest
    ? get(info.path + '/i18n/' + boot.lang + '.json?v=' + encodeURIComponent(info.version))
    : Promise.resolve({});
  return langs.then(function (langs) {
    var widget = (langs && langs.widget) || {};
    var grid = el('div.integrations');
    var ours = el(
      'div.integration-card.integration-card--ours',
      { 'data-widget-code': info.code, role: 'button', tabindex: '0' },
      el('img.integration-card__logo', { src: info.path + '/images/logo.png', alt: '' }),
      el('div.integration-card__name', { text: info.integrationName || widget.name || 'Task Guard' }),
      el('div.integration-card__desc', {
        text: info.manifest ? widget.short_description || '' : t('settings.notBuilt'),
      }),
      el('div.integration-card__status', { text: info.active ? t('settings.active') : t('settings.inactive') }),
    );
    ours.addEventListener('click', function () {
      if (info.manifest) sandbox.openSettings();
    });
    grid.appendChild(ours);
    ['Телефония Demo', 'WhatsApp Demo', 'Почта', 'Sipuni Demo', 'Wazzup Demo'].forEach(function (n) {
      grid.appendChild(
        el(
          'div.integration-card.integration-card--muted',
          null,
          el('div.integration-card__logo.integration-card__logo--blank', { text: n[0] }),
          el('div.integration-card__name', { text: n }),
          el('div.integration-card__status', { text: t('settings.install') }),
        ),
      );
    });
    root.appendChild(
      el('div.settings-page', null, header(t('settings.title')), el('h3', { text: t('settings.installed') }), grid),
    );
  });
}
