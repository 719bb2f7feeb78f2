/**
 * A scripted XMLHttpRequest for jsdom tests: real EventTarget semantics (listeners in order, `on*` handlers),
 * `responseType`-dependent `response`, and a `respond()` / `fail()` the test calls to finish the request the way
 * browsers do (readystatechange at 4, then load/error/timeout/abort, then loadend, all in one task).
 */
type Handler = ((event: Event) => void) | null;

export class FakeXhr extends EventTarget {
  static instances: FakeXhr[] = [];
  readyState = 0;
  status = 0;
  statusText = '';
  responseType: XMLHttpRequestResponseType = '';
  timeout = 0;
  withCredentials = false;
  onreadystatechange: Handler = null;
  onload: Handler = null;
  onerror: Handler = null;
  onabort: Handler = null;
  ontimeout: Handler = null;
  onloadend: Handler = null;
  method = '';
  url = '';
  sent: unknown = undefined;
  private body = '';
  private headers: Record<string, string> = {};

  constructor() {
    super();
    FakeXhr.instances.push(this);
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
    this.fire('readystatechange');
  }

  setRequestHeader(): void {}

  overrideMimeType(): void {}

  send(body?: unknown): void {
    this.sent = body ?? null;
  }

  abort(): void {
    if (this.readyState === 4 || this.readyState === 0) {
      this.readyState = 0;
      return;
    }
    this.end(0, '', 'abort');
  }

  get responseText(): string {
    if (this.responseType !== '' && this.responseType !== 'text') {
      throw new DOMException('responseText is only available for text', 'InvalidStateError');
    }
    return this.body;
  }

  get response(): unknown {
    switch (this.responseType) {
      case 'json':
        try {
          return JSON.parse(this.body) as unknown;
        } catch {
          return null;
        }
      case 'arraybuffer':
        return new TextEncoder().encode(this.body).buffer;
      case 'blob':
        return new Blob([this.body], { type: this.headers['content-type'] ?? '' });
      case 'document':
        return new DOMParser().parseFromString(this.body, 'text/html');
      default:
        return this.body;
    }
  }

  getResponseHeader(name: string): string | null {
    return this.headers[name.toLowerCase()] ?? null;
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
  }

  /** Finishes with an HTTP answer. */
  respond(status: number, body: string, headers: Record<string, string> = {}): void {
    this.body = body;
    this.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.statusText = status >= 400 ? 'Error' : 'OK';
    this.end(status, this.statusText, 'load');
  }

  /** Finishes without an answer: a network error or a timeout. */
  fail(kind: 'error' | 'timeout'): void {
    this.end(0, '', kind);
  }

  private end(status: number, statusText: string, event: 'load' | 'error' | 'timeout' | 'abort'): void {
    this.status = status;
    this.statusText = statusText;
    this.readyState = 4;
    this.fire('readystatechange');
    this.fire(event);
    this.fire('loadend');
  }

  private fire(type: string): void {
    const event = new Event(type);
    this.dispatchEvent(event);
    const handler = (this as unknown as Record<string, Handler>)[`on${type}`];
    if (typeof handler === 'function') handler.call(this, event);
  }
}
