import { capText } from './body';
import { keptHeaders, type Outcome } from './captured';
import { requestKey, type Hub } from './hub';
import type { JQueryCollection } from '../jquery';

/** The jQuery function as far as this watcher needs it. */
export type JQueryLike = (target: Document) => JQueryCollection;

/** Event namespace: `.off()` removes our handler and nobody else's. */
const EVENT = 'ajaxError.taskGuardInspector';

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** jQuery passes a string (`timeout`, `abort`, the status text) or, for a body it could not parse, the exception. */
const describeThrown = (thrown: unknown): string => {
  if (typeof thrown === 'string') return thrown;
  const name = text(field(thrown, 'name'));
  if (!name) return '';
  const message = text(field(thrown, 'message'));
  return name === 'SyntaxError' ? `parsererror: ${message}` : `${name}: ${message}`;
};

/**
 * Listens to jQuery's global `ajaxError`. `$.ajax` runs on XHR, so the XHR watcher has usually queued the same
 * request a moment earlier (same task): then jQuery only adds its context (source, `thrownError`). It records on
 * its own what XHR cannot see as a failure: jQuery's own timeouts (an XHR abort underneath), `parsererror` on a
 * 200, and transports that are not XHR. Requests with `global: false` fire no global events and stay XHR-only.
 */
export const watchJQuery = ($: JQueryLike, doc: Document, hub: Hub): (() => void) => {
  const handler = (...args: unknown[]): void =>
    hub.run(() => {
      if (!hub.active()) return;
      const [, jqXHR, settings, thrownError] = args;
      const thrown = describeThrown(thrownError);
      const statusText = text(field(jqXHR, 'statusText'));
      if (thrown === 'abort' || statusText === 'abort') return;
      const statusValue = field(jqXHR, 'status');
      const status = typeof statusValue === 'number' ? statusValue : 0;
      const method = (text(field(settings, 'type')) || text(field(settings, 'method')) || 'GET').toUpperCase();
      const url = hub.resolve(text(field(settings, 'url')));
      const claimed = hub.claim({ method, url, status });
      if (claimed === true) return;
      if (claimed) {
        claimed.source = 'jquery';
        if (thrown) claimed.detail = thrown;
        if (thrown === 'timeout') claimed.outcome = 'timeout';
        return;
      }
      const outcome: Outcome = thrown === 'timeout' ? 'timeout' : status === 0 ? 'network' : 'http';
      const getHeader = field(jqXHR, 'getResponseHeader');
      const headers =
        typeof getHeader === 'function'
          ? keptHeaders((name) => {
              const value: unknown = Reflect.apply(getHeader, jqXHR, [name]);
              return typeof value === 'string' ? value : null;
            })
          : {};
      const body = capText(text(field(jqXHR, 'responseText')));
      // The event fires after the call: its caller is the one XHR traced at `send()` for the same request.
      const trace = hub.traceOf(requestKey(method, url));
      hub.deliver(
        {
          source: 'jquery',
          outcome,
          method,
          url,
          status,
          statusText,
          headers,
          body: outcome === 'http' ? body.text : '',
          truncated: outcome === 'http' && body.truncated,
          at: Date.now(),
          ...(thrown ? { detail: thrown } : {}),
        },
        trace,
      );
    });
  $(doc).on(EVENT, handler);
  return () => {
    $(doc).off(EVENT, handler);
  };
};
