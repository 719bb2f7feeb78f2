import { capText, decodeCapped, type BodyText } from './body';
import { BODY_CAP, keptHeaders, type Outcome } from './captured';
import { requestKey, type Hub, type Trace } from './hub';
import { patch, unpatch, type Patch } from './patch';
import { isReadable, mayFail, verdict } from './verdict';

type Proto = XMLHttpRequest;

/** What we know about one request between `open()` and its end; reset by every `open()`. */
interface Pending {
  method: string;
  url: string;
  outcome?: Outcome;
  aborted: boolean;
  done: boolean;
  /** Taken at `send()`: who made the call. */
  trace?: Trace;
}

/** The three patched prototype methods. */
export interface XhrPatches {
  open: Patch<Proto['open']>;
  send: Patch<Proto['send']>;
  abort: Patch<Proto['abort']>;
}

const isBuffer = (value: unknown): value is ArrayBuffer =>
  Object.prototype.toString.call(value) === '[object ArrayBuffer]';

const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' && value !== null && typeof (value as Blob).slice === 'function' && 'size' in value;

/**
 * The body of a finished XHR as text, whatever its `responseType`: `responseText` throws unless the type is ''
 * or 'text', so the others go through `response`. Blobs are read asynchronously (slicing never consumes them).
 */
export const xhrBody = (xhr: XMLHttpRequest): BodyText | Promise<BodyText> => {
  switch (xhr.responseType) {
    case '':
    case 'text':
      return capText(xhr.responseText);
    case 'json':
      // The browser already parsed it (null when the body was not JSON); re-serializing is the best we have.
      return capText(xhr.response === null || xhr.response === undefined ? '' : JSON.stringify(xhr.response));
    case 'arraybuffer': {
      // Duck-typed: a buffer from another realm (an iframe's XHR) fails `instanceof ArrayBuffer`.
      const buffer: unknown = xhr.response;
      return isBuffer(buffer) ? decodeCapped(new Uint8Array(buffer)) : capText('');
    }
    case 'blob': {
      const blob: unknown = xhr.response;
      if (!isBlob(blob)) return capText('');
      return blob
        .slice(0, BODY_CAP)
        .text()
        .then((text) => ({ text, truncated: blob.size > BODY_CAP }));
    }
    case 'document': {
      const doc: unknown = xhr.response;
      const html = doc instanceof Document ? (doc.documentElement?.outerHTML ?? '') : '';
      return capText(html);
    }
    default:
      return capText('');
  }
};

/**
 * Patches `open`, `send` and `abort` on the XHR prototype. Per-request state lives in a WeakMap; our listeners
 * are added with addEventListener at `send()` (never `onreadystatechange`, which jQuery assigns after `open()`).
 * A request ends at readyState 4 with a status; a status-0 end waits for `loadend`, by which time the `error` /
 * `timeout` / `abort` event has told us which one it was.
 */
export const watchXhr = (proto: Proto, hub: Hub): XhrPatches => {
  const requests = new WeakMap<XMLHttpRequest, Pending>();
  const listening = new WeakSet<XMLHttpRequest>();

  const finish = (xhr: XMLHttpRequest, request: Pending, outcome: Outcome): void => {
    if (request.done) return;
    request.done = true;
    // An abort is the page's own decision, not a failure.
    if (outcome === 'abort') return;
    const at = Date.now();
    const base = { source: 'xhr' as const, outcome, method: request.method, url: request.url, at };
    const { trace } = request;
    if (outcome !== 'http') {
      hub.deliver({ ...base, status: 0, statusText: '', headers: {}, body: '', truncated: false }, trace);
      return;
    }
    if (!mayFail(xhr.status, request.url)) return;
    const contentType = xhr.getResponseHeader('content-type') ?? '';
    if (verdict(xhr.status, request.method, request.url, contentType) === 'ok') return;
    const http = {
      ...base,
      status: xhr.status,
      statusText: xhr.statusText,
      headers: keptHeaders((name) => xhr.getResponseHeader(name)),
    };
    const body = isReadable(contentType) ? xhrBody(xhr) : capText('');
    // Duck-typed: the blob's promise may come from another realm.
    if ('then' in body) {
      body.then(
        (text) => hub.run(() => hub.deliver({ ...http, body: text.text, truncated: text.truncated }, trace)),
        () => hub.deliver({ ...http, body: '', truncated: false }, trace),
      );
    } else hub.deliver({ ...http, body: body.text, truncated: body.truncated }, trace);
  };

  const listen = (xhr: XMLHttpRequest): void => {
    if (listening.has(xhr)) return;
    listening.add(xhr);
    const mark = (outcome: Outcome) => () =>
      hub.run(() => {
        const request = requests.get(xhr);
        if (request && !request.outcome) request.outcome = outcome;
      });
    xhr.addEventListener('error', mark('network'));
    xhr.addEventListener('timeout', mark('timeout'));
    xhr.addEventListener('abort', mark('abort'));
    xhr.addEventListener('readystatechange', () =>
      hub.run(() => {
        const request = requests.get(xhr);
        if (request && xhr.readyState === 4 && xhr.status !== 0) finish(xhr, request, 'http');
      }),
    );
    xhr.addEventListener('loadend', () =>
      hub.run(() => {
        const request = requests.get(xhr);
        if (!request || request.done) return;
        if (xhr.status !== 0) finish(xhr, request, 'http');
        else finish(xhr, request, request.outcome ?? (request.aborted ? 'abort' : 'network'));
      }),
    );
  };

  const open = patch(
    proto,
    'open',
    (state) =>
      function open(this: XMLHttpRequest, ...args: unknown[]): void {
        Reflect.apply(state.original, this, args);
        if (!state.on || !hub.active()) {
          requests.delete(this);
          return;
        }
        hub.run(() => {
          const method = typeof args[0] === 'string' ? args[0].toUpperCase() : 'GET';
          const url = hub.resolve(String(args[1] ?? ''));
          requests.set(this, { method, url, aborted: false, done: false });
        });
      } as Proto['open'],
  );
  const send = patch(
    proto,
    'send',
    (state) =>
      function send(this: XMLHttpRequest, ...args: unknown[]): void {
        if (state.on && hub.active())
          hub.run(() => {
            const request = requests.get(this);
            if (!request) return;
            request.trace = hub.trace(requestKey(request.method, request.url));
            listen(this);
          });
        Reflect.apply(state.original, this, args);
      } as Proto['send'],
  );
  const abort = patch(
    proto,
    'abort',
    (state) =>
      function abort(this: XMLHttpRequest, ...args: unknown[]): void {
        if (state.on) {
          hub.run(() => {
            const request = requests.get(this);
            if (request) request.aborted = true;
          });
        }
        Reflect.apply(state.original, this, args);
      } as Proto['abort'],
  );
  return { open, send, abort };
};

/** Removes the XHR watcher, method by method (a method someone wrapped after us stays, as a pass-through). */
export const unwatchXhr = (proto: Proto, patches: XhrPatches): void => {
  unpatch(proto, 'open', patches.open);
  unpatch(proto, 'send', patches.send);
  unpatch(proto, 'abort', patches.abort);
};
