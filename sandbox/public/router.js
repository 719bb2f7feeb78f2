/* The single-page router: draws the page for the current path, then fires page:changed and re-renders the widget
 * on every navigation, like amoCRM. */
import { amdRequire } from './amd.js';
import { APP } from './app.js';
import { boot } from './boot.js';
import { advanced } from './pages/advanced.js';
import { dashboard } from './pages/dashboard.js';
import { dealCard } from './pages/dealCard.js';
import { faults } from './pages/faults.js';
import { integrations } from './pages/integrations.js';
import { leadsList } from './pages/leadsList.js';
import { notFound } from './pages/notFound.js';
import { pipeline } from './pages/pipeline.js';
import { tasks } from './pages/tasks.js';
import { sandbox } from './sandbox.js';

var ROUTES = [
  [
    /^\/(dashboard\/?)?$/,
    function (root) {
      return dashboard(root);
    },
    'dashboard',
  ],
  [
    /^\/leads\/pipeline\/?(\d+)?\/?$/,
    function (root, m) {
      return pipeline(root, m[1] ? Number(m[1]) : 0);
    },
    'pipeline',
  ],
  [
    /^\/leads\/list\/?$/,
    function (root) {
      return leadsList(root, Number(new URLSearchParams(location.search).get('page')) || 1);
    },
    'list',
  ],
  [
    /^\/leads\/detail\/(\d+)\/?$/,
    function (root, m) {
      return dealCard(root, Number(m[1]));
    },
    'pipeline',
  ],
  [
    /^\/todo\/(list\/?)?$/,
    function (root) {
      return tasks(root);
    },
    'tasks',
  ],
  [
    /^\/settings\/widgets\/?$/,
    function (root) {
      return integrations(root);
    },
    'settings',
  ],
  [
    new RegExp('^/settings/widgets/' + boot.widget.code + '/?$'),
    function (root) {
      return advanced(root);
    },
    'advanced',
  ],
  [
    /^\/sandbox\/faults\/?$/,
    function (root) {
      return faults(root);
    },
    'faults',
  ],
];

var first = true;
var routing = Promise.resolve();

function route(work, items) {
  var path = location.pathname;
  var Modal = amdRequire('lib/components/base/modal');
  Modal.destroyAll();
  APP.data.current_card = false;
  while (work.firstChild) work.removeChild(work.firstChild);
  var match = null;
  var found = ROUTES.filter(function (r) {
    return (match = r[0].exec(path)) !== null;
  })[0];
  if (found) match = found[0].exec(path);
  Object.keys(items).forEach(function (k) {
    items[k].classList.toggle('left-menu__item--active', !!found && found[2] === k);
  });
  var drawn = found ? found[1](work, match) : notFound(work);
  return Promise.resolve(drawn)
    .then(function () {
      APP.widgets.system.area = sandbox.shortArea(sandbox.area);
      if (first) {
        first = false;
        return sandbox.whenHost.then(function () {
          return sandbox.host.load();
        });
      }
      sandbox.navigations += 1;
      return sandbox.host.navigated();
    })
    .then(function () {
      sandbox.ready = true;
      document.documentElement.setAttribute('data-page', sandbox.area);
      document.documentElement.setAttribute('data-navigations', String(sandbox.navigations));
    });
}

/**
 * Starts routing once RequireJS has jQuery and the modal: `sandbox.navigate`, link clicks, back and forward.
 * @param {HTMLElement} work  the work area the pages are drawn into
 * @param {Record<string, HTMLElement>} items  the menu items by route name
 */
export function startRouter(work, items) {
  amdRequire(['jquery', 'lib/components/base/modal'], function () {
    /**
     * Navigates without reloading, like amoCRM's router; resolves once the page is drawn and the widget was told.
     * @param {string} path
     * @param {{replace?: boolean}} [options]
     */
    sandbox.navigate = function (path, options) {
      sandbox.ready = false;
      if (options && options.replace) history.replaceState(null, '', path);
      else history.pushState(null, '', path);
      routing = routing.then(function () {
        return route(work, items);
      });
      return routing;
    };
    document.addEventListener('click', function (e) {
      var a = e.target instanceof Element ? e.target.closest('a[data-nav]') : null;
      if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      sandbox.navigate(a.getAttribute('href'));
    });
    window.addEventListener('popstate', function () {
      routing = routing.then(function () {
        return route(work, items);
      });
    });
    routing = route(work, items);
  });
}
