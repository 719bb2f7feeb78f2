import { readCapped } from './body';
import { keptHeaders, type Outcome } from './captured';
import type { Hub, Trace } from './hub';
import { patch, unpatch, type Patch } from './patch';
import { isReadable, mayFail, verdict } from './verdict';

type Fetch = typeof fetch;

/** Method and URL of a fetch call, whatever form its arguments take (string, URL, Request, init override). */
export const describeFetch = (input: unknown, init: unknown): { method: string; url: string } => {
  let url = '';
  let method = 'GET';
  if (typeof input === 'string') url = input;
  else if (input instanceof URL) url = input.href;
  else if (typeof input === 'object' && input !== null) {
    const request = input as { url?: unknown; method?: unknown };
    if (typeof request.url === 'string') url = request.url;
    if (typeof request.method === 'string') method = request.method;
  }
  if (typeof init === 'object' && init !== null) {
    const override = (init as { method?: unknown }).method;
    if (typeof override === 'string') method = override;
  }
  return { method: method.toUpperCase(), url };
};

/** Names under which browsers reject an aborted or timed-out fetch. */
const rejection = (error: unknown): { outcome: Outcome; detail: string } => {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const message =
    typeof error === 'object' && error !== null
      ? String((error as { message?: unknown }).message ?? '')
      : String(error);
  const outcome: Outcome = name === 'AbortError' ? 'abort' : name === 'TimeoutError' ? 'timeout' : 'network';
  return { outcome, detail: name ? `${name}: ${message}` : message };
};

/**
 * Wraps `scope.fetch`. The wrapper calls the original with the page's own `this` and arguments and returns the
 * very promise it gave, so the page gets the same Response and the same error objects. Our reaction is attached
 * before the promise goes back to the page, so for a failure we clone the body before the page can read it.
 *
 * Known trade-off: a reaction on the page's promise marks it handled, so a page that never catches a failed fetch
 * gets no `unhandledrejection` event for it. Returning a derived promise instead would break "the same promise".
 */
export const watchFetch = (scope: { fetch: Fetch }, hub: Hub): Patch<Fetch> =>
  patch(
    scope,
    'fetch',
    (state) =>
      function fetch(this: unknown, ...args: Parameters<Fetch>): Promise<Response> {
        const promise = Reflect.apply(state.original, this, args) as Promise<Response>;
        if (!state.on || !hub.active()) return promise;
        // Only the trace and a reaction go on the call's path; reading the arguments and resolving the URL wait
        // until an answer turns out to be worth recording.
        const request = (): { method: string; url: string } => {
          const { method, url } = describeFetch(args[0], args[1]);
          return { method, url: hub.resolve(url) };
        };
        hub.run(() => {
          const trace = hub.trace();
          promise.then(
            (response) => hub.run(() => observeResponse(hub, response, request, trace)),
            (error: unknown) =>
              hub.run(() => {
                const { outcome, detail } = rejection(error);
                // An abort is the page's own decision, not a failure.
                if (outcome === 'abort') return;
                hub.deliver(
                  {
                    source: 'fetch',
                    outcome,
                    ...request(),
                    status: 0,
                    statusText: '',
                    headers: {},
                    body: '',
                    truncated: false,
                    at: Date.now(),
                    detail,
                  },
                  trace,
                );
              }),
          );
        });
        return promise;
      } as Fetch,
  );

const observeResponse = (
  hub: Hub,
  response: Response,
  request: () => { method: string; url: string },
  trace: Trace,
): void => {
  const { status } = response;
  // Fast path for the usual answers (see `mayFail`): nothing else is read. An opaque answer (no-cors, status 0)
  // has nothing to read and is not a failure.
  if (status < 400 && !mayFail(status, response.url || request().url)) return;
  const { method, url } = request();
  const contentType = response.headers.get('content-type') ?? '';
  if (verdict(status, method, url, contentType) === 'ok') return;
  const base = {
    source: 'fetch' as const,
    outcome: 'http' as const,
    method,
    url,
    status: response.status,
    statusText: response.statusText,
    headers: keptHeaders((name) => response.headers.get(name)),
  };
  if (!isReadable(contentType) || response.bodyUsed || !response.body) {
    hub.deliver({ ...base, body: '', truncated: false, at: Date.now() }, trace);
    return;
  }
  const clone = response.clone();
  readCapped(clone).then(
    (body) =>
      hub.run(() => hub.deliver({ ...base, body: body.text, truncated: body.truncated, at: Date.now() }, trace)),
    () => hub.deliver({ ...base, body: '', truncated: false, at: Date.now() }, trace),
  );
};

/** Removes the fetch watcher (or neutralizes it when another script wrapped fetch after us). */
export const unwatchFetch = (scope: { fetch: Fetch }, state: Patch<Fetch>): void => unpatch(scope, 'fetch', state);
