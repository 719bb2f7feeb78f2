/* How the fault lab fires a case: through fetch, XMLHttpRequest or jQuery; and the test hooks that fire cases from
 * the lab or from the second widget's own script (sandbox.fireFault, fireWidgetFault, burstWidget). */
import { amdRequire } from '../amd.js';
import { sandbox } from '../sandbox.js';

/** @typedef {{id: string, group: string, label: string, method: string, url: string}} FaultItem */

var body = function (item) {
  return item.method === 'GET' ? undefined : JSON.stringify([{ name: 'sandbox' }]);
};

/** Each transport resolves with `{status, text}`; nothing is thrown, like a page that handles its errors. */
export const transports = {
  fetch: function (item) {
    return fetch(item.url, {
      method: item.method,
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'XMLHttpRequest' },
      body: body(item),
    }).then(
      function (r) {
        return r.text().then(function (text) {
          return { status: r.status, text: text };
        });
      },
      function (e) {
        return { status: 0, text: String(e) };
      },
    );
  },
  xhr: function (item) {
    return new Promise(function (resolve) {
      var x = new XMLHttpRequest();
      x.open(item.method, item.url);
      x.setRequestHeader('content-type', 'application/json');
      x.addEventListener('loadend', function () {
        resolve({ status: x.status, text: x.responseText });
      });
      x.send(body(item) || null);
    });
  },
  jquery: function (item) {
    return new Promise(function (resolve) {
      amdRequire(['jquery'], function ($) {
        var jq = $.ajax({
          url: item.url,
          type: item.method,
          contentType: 'application/json',
          data: body(item),
          dataType: 'text',
        });
        // always() gets (data, 'nocontent', jqXHR) for a 204, so read the jqXHR itself.
        jq.always(function () {
          resolve({ status: jq.status, text: jq.responseText || '' });
        });
      });
    });
  },
};
sandbox.fireFault = function (id, via) {
  var item = (sandbox.faultMenu || []).filter(function (f) {
    return f.id === id;
  })[0];
  return item ? transports[via || 'fetch'](item) : Promise.reject(new Error('no fault ' + id));
};

/** The fault-lab case `id` fired by the second widget, Lead Sync, from its own script (not the lab's). */
sandbox.fireWidgetFault = function (id, via) {
  var item = (sandbox.faultMenu || []).filter(function (f) {
    return f.id === id;
  })[0];
  if (!item) return Promise.reject(new Error('no fault ' + id));
  if (!sandbox.leadSync) return Promise.reject(new Error('Lead Sync is not loaded'));
  return sandbox.leadSync.fire(item, via || 'fetch');
};
/** Lead Sync reads deals `perSecond` times a second for `seconds` (10 a second: over amoCRM's 7). */
sandbox.burstWidget = function (perSecond, seconds) {
  if (!sandbox.leadSync) return Promise.reject(new Error('Lead Sync is not loaded'));
  return sandbox.leadSync.burst(perSecond || 10, seconds || 2);
};
