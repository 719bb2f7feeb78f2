import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import jqueryFactory from 'jquery';
import type { Captured } from './captured';
import type { NetworkScope } from './registry';
import { installWatchers, subscribe } from './watchers';
import { FakeXhr } from './testing/FakeXhr';
import type { JQueryLike } from './ajaxError';

/** A page whose XMLHttpRequest is the scripted fake; the watchers patch the fake's prototype. */
const setup = () => {
  const saved = { open: FakeXhr.prototype.open, send: FakeXhr.prototype.send, abort: FakeXhr.prototype.abort };
  const scope: NetworkScope = {
    XMLHttpRequest: FakeXhr as unknown as { prototype: XMLHttpRequest },
    setTimeout: globalThis.setTimeout.bind(globalThis),
    location: { href: 'https://demo.amocrm.ru/leads/' },
    document,
  };
  const seen: Captured[] = [];
  const undo: (() => void)[] = [];
  const watch = ($?: JQueryLike): void => {
    undo.push(
      installWatchers({ $ }, scope),
      subscribe((c) => seen.push(c), scope),
    );
  };
  const stop = (): void =>
    undo
      .splice(0)
      .reverse()
      .forEach((fn) => fn());
  return { scope, seen, watch, stop, saved };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
let page: ReturnType<typeof setup>;

beforeEach(() => {
  FakeXhr.instances = [];
  page = setup();
});
afterEach(() => page.stop());

const request = (method: string, url: string, responseType: XMLHttpRequestResponseType = ''): FakeXhr => {
  const xhr = new FakeXhr();
  xhr.open(method, url);
  xhr.responseType = responseType;
  xhr.send();
  return xhr;
};

describe('XHR watcher', () => {
  it('lets the handlers the page attaches after open() fire, and records the failure', async () => {
    page.watch();
    const xhr = new FakeXhr();
    const calls: string[] = [];
    xhr.open('PATCH', '/api/v4/leads/5');
    xhr.onreadystatechange = () => calls.push(`state ${xhr.readyState}`);
    xhr.addEventListener('load', () => calls.push(`load ${xhr.responseText}`));
    xhr.send('{}');
    xhr.respond(400, '{"title":"Bad Request"}', { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'r-1' });
    expect(calls).toEqual(['state 4', 'load {"title":"Bad Request"}']);
    await settle();
    expect(page.seen).toHaveLength(1);
    expect(page.seen[0]).toMatchObject({
      source: 'xhr',
      method: 'PATCH',
      url: 'https://demo.amocrm.ru/api/v4/leads/5',
      status: 400,
      body: '{"title":"Bad Request"}',
      headers: { 'content-type': 'application/problem+json', 'x-request-id': 'r-1' },
    });
  });

  it.each<[XMLHttpRequestResponseType, string]>([
    ['', '{"status":401}'],
    ['text', '{"status":401}'],
    ['json', '{"status":401}'],
    ['arraybuffer', '{"status":401}'],
    ['blob', '{"status":401}'],
  ])('reads the failed body when responseType is %j', async (type, expected) => {
    page.watch();
    const xhr = request('GET', '/api/v4/account', type);
    xhr.respond(401, '{"status":401}', { 'content-type': 'application/json' });
    await vi.waitFor(() => expect(page.seen[0]?.body).toBe(expected));
  });

  it('reads an HTML error page delivered as a document', async () => {
    page.watch();
    const xhr = request('GET', '/api/v4/leads', 'document');
    xhr.respond(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', {
      'content-type': 'text/html',
    });
    await settle();
    expect(page.seen[0]?.body).toContain('<title>502 Bad Gateway</title>');
  });

  it.each([200, 204, 304])('leaves a %i answer alone', async (status) => {
    page.watch();
    request('GET', '/api/v4/leads').respond(status, status === 200 ? '{"_embedded":{}}' : '');
    await settle();
    expect(page.seen).toEqual([]);
  });

  it.each<['error' | 'timeout', string]>([
    ['error', 'network'],
    ['timeout', 'timeout'],
  ])('tells a %s apart', async (kind, outcome) => {
    page.watch();
    request('POST', '/api/v4/tasks').fail(kind);
    await settle();
    expect(page.seen).toMatchObject([{ outcome, status: 0 }]);
  });

  it('does not record an abort', async () => {
    page.watch();
    const xhr = request('GET', '/api/v4/leads');
    xhr.abort();
    xhr.abort(); // Angular aborts requests that already ended
    await settle();
    expect(page.seen).toEqual([]);
  });

  it('records one entry per request on a reused XHR object', async () => {
    page.watch();
    const xhr = new FakeXhr();
    for (const status of [404, 500]) {
      xhr.open('GET', `/api/v4/leads/${status}`);
      xhr.send();
      xhr.respond(status, '');
    }
    await settle();
    expect(page.seen.map((c) => c.status)).toEqual([404, 500]);
  });

  it('puts the prototype back on removal', () => {
    page.watch();
    expect(FakeXhr.prototype.open).not.toBe(page.saved.open);
    page.stop();
    expect(FakeXhr.prototype.open).toBe(page.saved.open);
    expect(FakeXhr.prototype.send).toBe(page.saved.send);
    expect(FakeXhr.prototype.abort).toBe(page.saved.abort);
  });
});

describe('jQuery watcher', () => {
  const saved = window.XMLHttpRequest;
  const $ = jqueryFactory as unknown as JQueryLike & {
    ajax(settings: Record<string, unknown>): { done(cb: (...a: unknown[]) => void): unknown };
    ajaxSettings: { xhr: () => unknown };
  };
  beforeEach(() => {
    window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  });
  afterEach(() => {
    window.XMLHttpRequest = saved;
  });

  it('gives the page its error callback data and records the call once, with jQuery context', async () => {
    page.watch($);
    const got: unknown[] = [];
    $.ajax({
      url: '/api/v4/leads',
      type: 'POST',
      dataType: 'json',
      error: (jqXHR: { status: number; responseJSON?: unknown }, textStatus: string) =>
        got.push(jqXHR.status, textStatus, jqXHR.responseJSON),
    });
    FakeXhr.instances.at(-1)?.respond(422, '{"title":"Unprocessable","status":422}', {
      'content-type': 'application/json',
    });
    expect(got).toEqual([422, 'error', { title: 'Unprocessable', status: 422 }]);
    await settle();
    expect(page.seen).toHaveLength(1);
    // jQuery's thrownError is the status text (the fake's is "Error"; browsers say "Unprocessable Entity").
    expect(page.seen[0]).toMatchObject({ source: 'jquery', status: 422, detail: 'Error' });
  });

  it("records jQuery's own timeout, which XHR only sees as an abort", async () => {
    page.watch($);
    let textStatus = '';
    $.ajax({
      url: '/api/v4/tasks',
      timeout: 1,
      error: (_x: unknown, status: string) => {
        textStatus = status;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(textStatus).toBe('timeout');
    await settle();
    expect(page.seen).toMatchObject([{ source: 'jquery', outcome: 'timeout', method: 'GET' }]);
  });

  it('records a parse error on a 200 answer', async () => {
    page.watch($);
    $.ajax({ url: '/api/v4/leads', dataType: 'json' });
    FakeXhr.instances.at(-1)?.respond(200, '<html><title>Login</title></html>', { 'content-type': 'text/plain' });
    await settle();
    expect(page.seen).toMatchObject([{ source: 'jquery', status: 200 }]);
    expect(page.seen[0]?.detail).toMatch(/^parsererror/);
    expect(page.seen[0]?.body).toContain('<title>Login</title>');
  });

  it('stops listening on removal', async () => {
    page.watch($);
    page.stop();
    $.ajax({ url: '/api/v4/leads', error: () => undefined });
    FakeXhr.instances.at(-1)?.respond(500, '');
    await settle();
    expect(page.seen).toEqual([]);
  });
});
