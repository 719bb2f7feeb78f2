/* The dashboard: the account's counts and each manager's deals without a task. */
import { boot } from '../boot.js';
import { el } from '../dom.js';
import { t } from '../lang.js';
import { sandbox } from '../sandbox.js';
import { get, money } from './common.js';

export function dashboard(root) {
  sandbox.area = 'dashboard';
  sandbox.baseEntity = 'dashboard';
  return get('/_sandbox/ui/dashboard').then(function (data) {
    var c = data.counts;
    var tile = function (label, value, cls) {
      return el(
        'div.tile' + (cls ? '.' + cls : ''),
        null,
        el('div.tile__value', { text: value }),
        el('div.tile__label', { text: label }),
      );
    };
    var team = el('div.tile.tile--wide', null, el('div.tile__label', { text: t('dash.team') }));
    data.perUser.forEach(function (u) {
      team.appendChild(
        el(
          'div.team-row',
          null,
          el('span', { text: u.name }),
          el('span.team-row__bar', { style: 'width:' + Math.min(100, u.noTask * 8) + 'px' }),
          el('b', { text: u.noTask }),
        ),
      );
    });
    root.appendChild(
      el(
        'div.dashboard',
        null,
        el('h1.dashboard__hello', { text: t('dash.hello', { name: boot.user.name }) }),
        el(
          'div.tiles',
          null,
          tile(t('dash.open'), c.open),
          tile(t('dash.noTask'), c.noTask, 'tile--warn'),
          tile(t('dash.overdue'), c.overdue, 'tile--bad'),
          tile(t('dash.today'), c.today, 'tile--good'),
          tile(t('dash.won'), c.won),
          tile(t('dash.budget'), money(c.budget), 'tile--money'),
          team,
        ),
      ),
    );
  });
}
