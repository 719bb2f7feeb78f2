import { describe, expect, it, vi } from 'vitest';
import { ApiError, BLOCK_BACKOFF_MS, createApi, withQuery } from './api';

vi.mock('./network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fetch that answers from a script and a virtual clock that sleeping advances. */
const setup = (answer: (url: string, init: RequestInit | undefined) => Reply) => {
  let clock = 0;
  const calls: { url: string; at: number; init: RequestInit | undefined }[] = [];
  const reports: { status: number }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, at: clock, init });
    const reply = answer(url, init);
    const text =
      reply.body === undefined ? null : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : text, { status: reply.status, headers: reply.headers });
  });
  const api = createApi({
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    report: (failure) => reports.push(failure),
  });
  return { api, calls, reports, advance: (ms: number) => (clock += ms) };
};

const page = (items: number[], next?: string) => ({
  _links: next ? { next: { href: next } } : {},
  _embedded: { leads: items.map((id) => ({ id })) },
});

describe('api client', () => {
  it('builds amoCRM bracket queries', () => {
    expect(
      decodeURIComponent(withQuery('/api/v4/tasks', { 'filter[entity_id][]': [1, 2], limit: 250, x: undefined })),
    ).toBe('/api/v4/tasks?filter[entity_id][]=1&filter[entity_id][]=2&limit=250');
  });

  it('follows _links.next across pages on our own origin and stops at the last page', async () => {
    const { api, calls } = setup((url) =>
      url.includes('page=2')
        ? { status: 200, body: page([3]) }
        : { status: 200, body: page([1, 2], 'https://example.amocrm.ru/api/v4/leads?page=2&limit=250') },
    );
    const progress: number[] = [];
    const items = await api.getAll('/api/v4/leads', { limit: 250 }, 'leads', (n) => progress.push(n));
    expect(items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(calls.map((c) => c.url)).toEqual(['/api/v4/leads?limit=250', '/api/v4/leads?page=2&limit=250']);
    expect(progress).toEqual([2, 3]);
    expect(api.sent).toBe(2);
  });

  it('takes 204 with an empty body as an empty list', async () => {
    const { api } = setup(() => ({ status: 204 }));
    await expect(api.getAll('/api/v4/leads', {}, 'leads')).resolves.toEqual([]);
    await expect(api.get('/api/v4/tasks')).resolves.toBeUndefined();
  });

  it('sends X-Requested-With and the session cookie, JSON for POST', async () => {
    const { api, calls } = setup(() => ({ status: 200, body: { ok: true } }));
    await api.post('/api/v4/tasks', [{ text: 'x' }]);
    const init = calls[0]?.init;
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({ 'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('[{"text":"x"}]');
  });

  it('never sends more than 3 requests in any second', async () => {
    const { api, calls } = setup(() => ({ status: 200, body: {} }));
    await Promise.all(Array.from({ length: 10 }, () => api.get('/api/v4/account')));
    expect(calls).toHaveLength(10);
    for (let i = 3; i < calls.length; i += 1) {
      expect((calls[i]?.at ?? 0) - (calls[i - 3]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    }
  });

  it('retries a short 429 once after retry_after, then succeeds', async () => {
    let first = true;
    const { api, calls, reports } = setup(() => {
      if (first) {
        first = false;
        return { status: 429, body: { retry_after: 2 } };
      }
      return { status: 200, body: { id: 1 } };
    });
    await expect(api.get('/api/v4/account')).resolves.toEqual({ id: 1 });
    expect(calls).toHaveLength(2);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    expect(reports).toHaveLength(1);
  });

  it('does not retry in a loop: a second 429 fails and pauses the client', async () => {
    const { api, calls } = setup(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    await expect(api.get('/api/v4/account')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toHaveLength(2);
    await expect(api.get('/api/v4/account')).rejects.toMatchObject({ failure: { kind: 'rate-limited' } });
    expect(calls).toHaveLength(2);
  });

  it('honours a long Retry-After without retrying', async () => {
    const { api, calls, advance } = setup(() => ({ status: 429, headers: { 'Retry-After': '60' } }));
    await expect(api.get('/a')).rejects.toMatchObject({ failure: { kind: 'rate-limited' } });
    expect(api.blockedUntil()).toBeGreaterThan(0);
    advance(59_000);
    await expect(api.get('/a')).rejects.toThrow();
    expect(calls).toHaveLength(1);
    advance(2_000);
    await expect(api.get('/a')).rejects.toThrow();
    expect(calls).toHaveLength(2);
  });

  const BLOCK = 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду';
  const NGINX =
    '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>';

  it.each([
    ['amoCRM block text', BLOCK],
    ['legacy block code', JSON.stringify({ response: { error: 'blocked', error_code: '403' } })],
    ['nginx page of a blocked IP', NGINX],
  ])('backs off for 15 minutes after a 403 block (%s)', async (_name, body) => {
    const { api, calls, advance } = setup(() => ({ status: 403, body }));
    await expect(api.get('/api/v4/leads')).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    advance(BLOCK_BACKOFF_MS - 1);
    await expect(api.get('/api/v4/leads')).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    expect(calls).toHaveLength(1);
    advance(1);
    await expect(api.get('/api/v4/leads')).rejects.toThrow();
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['rights (288)', { title: 'Forbidden', status: 403, detail: 'Недостаточно прав. Доступ запрещен.' }],
    ['legacy rights code', { response: { error: 'Недостаточно прав', error_code: 288 } }],
    [
      'admin only',
      {
        title: 'Forbidden',
        status: 403,
        detail: 'Admin access only. Please perform the integration under Administrator account',
      },
    ],
    [
      'IP whitelist (113)',
      { response: { error: 'Доступ к данному аккаунту запрещён с Вашего IP адреса', error_code: '113' } },
    ],
  ])('fails only the refused call on a rights 403 (%s): the next call goes at once', async (_name, body) => {
    let refused = false;
    const { api, calls } = setup(() => {
      if (refused) return { status: 200, body: { _embedded: { tasks: [{ id: 1 }] } } };
      refused = true;
      return { status: 403, body };
    });
    const error = await api.post('/api/v4/tasks', [{ text: 'a' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: { kind: 'http', status: 403 } });
    expect((error as ApiError).status).toBe(403);
    expect(api.blockedUntil()).toBe(0);
    await expect(api.post('/api/v4/tasks', [{ text: 'b' }])).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it('takes 403s without a telling body for a block only when they repeat on different reads', async () => {
    const { api, calls } = setup((url) => (url.includes('ok') ? { status: 200, body: {} } : { status: 403, body: '' }));
    await expect(api.post('/api/v4/leads/notes', [])).rejects.toMatchObject({ failure: { kind: 'http' } });
    await expect(api.get('/api/v4/leads?page=1')).rejects.toMatchObject({ failure: { kind: 'http' } });
    // The same read again is a retry, not a second read.
    await expect(api.get('/api/v4/leads?page=1')).rejects.toMatchObject({ failure: { kind: 'http' } });
    await api.get('/api/v4/ok');
    // A read that passed in between ends the suspicion.
    await expect(api.get('/api/v4/tasks')).rejects.toMatchObject({ failure: { kind: 'http' } });
    expect(api.blockedUntil()).toBe(0);
    await expect(api.get('/api/v4/leads?page=2')).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    expect(api.blockedUntil()).toBeGreaterThan(0);
    expect(calls).toHaveLength(6);
  });

  it('asks for HAL JSON the way jQuery does', async () => {
    const { api, calls } = setup(() => ({ status: 200, body: {} }));
    await api.get('/api/v4/account');
    expect(new Headers(calls[0]?.init?.headers).get('Accept')).toBe('application/hal+json, application/json, */*');
  });

  it('passes a validation error with its body and reports it once', async () => {
    const body = { title: 'Bad Request', 'validation-errors': [] };
    const { api, reports } = setup(() => ({ status: 400, body }));
    const error = await api.post('/api/v4/tasks', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(JSON.parse((error as ApiError).body)).toEqual(body);
    expect(reports).toEqual([expect.objectContaining({ status: 400, method: 'POST', url: '/api/v4/tasks' })]);
  });

  it('turns a network failure into an ApiError without pausing', async () => {
    let clock = 0;
    const api = createApi({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => clock++,
      sleep: async () => undefined,
    });
    await expect(api.get('/a')).rejects.toMatchObject({ failure: { kind: 'network' } });
    expect(api.blockedUntil()).toBe(0);
  });
});
