/*
 * "Lead Sync": a second, made-up vendor's widget for the sandbox, loaded by the same host loader as Task Guard
 * from its own path (/upl/lead_sync/widget/script.js), so Task Guard's inspector can be seen naming the widget
 * behind a failed call and counting its requests. The fault lab drives it: `fire(item, via)` calls a fault-lab URL
 * through fetch, XMLHttpRequest or jQuery; `burst(perSecond, seconds)` reads deals at a steady rate.
 * An AMD module like every widget script (GitHub `kommo-crm/birthday-widget` `script.js`).
 */
/* global define */
define(['jquery'], function ($) {
  'use strict';

  /** Each transport resolves with `{status, text}`, never rejects: a widget that handles its own errors. */
  var transports = {
    fetch: function (item) {
      return fetch(item.url, { method: item.method, credentials: 'same-origin' }).then(
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
        x.addEventListener('loadend', function () {
          resolve({ status: x.status, text: x.responseText });
        });
        x.send(null);
      });
    },
    jquery: function (item) {
      return new Promise(function (resolve) {
        var jq = $.ajax({ url: item.url, type: item.method, dataType: 'text' });
        jq.always(function () {
          resolve({ status: jq.status, text: jq.responseText || '' });
        });
      });
    },
  };

  return function LeadSync() {
    var timers = [];

    /** One call to a fault-lab case (`{method, url}`) through `via`: fetch, xhr or jquery. */
    this.fire = function (item, via) {
      return transports[via || 'fetch'](item);
    };

    /** Reads deals `perSecond` times a second for `seconds`; resolves with the statuses once all answered. */
    this.burst = function (perSecond, seconds) {
      var total = Math.max(1, Math.round((perSecond || 10) * (seconds || 1)));
      var answers = [];
      return new Promise(function (resolve) {
        var sent = 0;
        var timer = setInterval(
          function () {
            if (sent >= total) {
              clearInterval(timer);
              return;
            }
            sent += 1;
            transports.fetch({ method: 'GET', url: '/api/v4/leads?limit=1&lead_sync=' + sent }).then(function (a) {
              answers.push(a.status);
              if (answers.length === total) resolve(answers);
            });
          },
          1000 / (perSecond || 10),
        );
        timers.push(timer);
      });
    };

    this.callbacks = {
      render: function () {
        return true;
      },
      init: function () {
        return true;
      },
      bind_actions: function () {
        return true;
      },
      settings: function () {
        return true;
      },
      onSave: function () {
        return true;
      },
      destroy: function () {
        timers.forEach(clearInterval);
        timers = [];
      },
    };
  };
});
