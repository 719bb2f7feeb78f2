// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let base: string;

beforeEach(async () => {
  sandbox = createSandbox({ rateLimit: { strikesToBlock: 3, blockMs: 60_000 } });
  base = (await sandbox.listen(0)).url;
});
afterEach(() => sandbox.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path.replace(/^\//, ''), { headers });
const post = (path: string, body: unknown) =>
  fetch(base + path.replace(/^\//, ''), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('sandbox server', () => {
  it('serves the host page with APP data for the user and language of the query, and keeps them in cookies', async () => {
    const page = await get('/leads/pipeline/?user=3&lang=en');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('"lang":"en"');
    expect(html).toContain('"is_admin":"N"');
    expect(page.headers.getSetCookie()).toEqual(
      expect.arrayContaining([expect.stringContaining('amo_user=3'), expect.stringContaining('amo_lang=en')]),
    );
  });

  it('treats the cookie as the session for API calls', async () => {
    expect((await get('/api/v4/users', { cookie: 'amo_user=2' })).status).toBe(403);
    expect((await get('/api/v4/users', { cookie: 'amo_user=1' })).status).toBe(200);
  });

  it('serves the built widget, vendor AMD modules and host scripts', async () => {
    for (const path of [
      '/upl/task_guard/widget/manifest.json',
      '/vendor/require.js',
      '/vendor/jquery.js',
      '/vendor/underscore.js',
      '/host/app.js',
    ]) {
      expect([path, (await get(path)).status]).toEqual([path, 200]);
    }
    expect((await get('/upl/task_guard/widget/..%2fpackage.json')).status).toBe(404);
  });

  it('answers the 8th call in a second with 429 + Retry-After, and blocks a client that keeps going with nginx 403', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let blocked = '';
    for (let i = 0; i < 11; i += 1) {
      const response = await get('/api/v4/account');
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
      const text = await response.text();
      if (response.status === 403) blocked = text;
    }
    expect(statuses.slice(0, 7)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(7, 10)).toEqual([429, 429, 403]);
    expect(retryAfter).toBe('1');
    expect(blocked).toContain('<center>nginx</center>');
  });

  it('counts requests per path, resets them, and switches the limiter and API filtering', async () => {
    await post('/_sandbox/config', { rateLimit: false, apiFilter: false });
    for (let i = 0; i < 12; i += 1)
      expect((await get('/api/v4/leads?filter[responsible_user_id]=2&limit=250')).status).toBe(200);
    const stats = (await (await get('/_sandbox/stats')).json()) as { api: number; byPath: Record<string, number> };
    expect(stats.byPath['GET /api/v4/leads']).toBe(12);
    const leads = (await (await get('/api/v4/leads?filter[responsible_user_id]=2&limit=250')).json()) as {
      _embedded: { leads: unknown[] };
    };
    expect(leads._embedded.leads).toHaveLength(60);
    await post('/_sandbox/stats/reset', {});
    expect(((await (await get('/_sandbox/stats')).json()) as { api: number }).api).toBe(0);
  });

  it('injects faults: 500, an nginx 502, and a dropped connection, for `count` calls under a path', async () => {
    await post('/_sandbox/faults', { status: 500, pathPrefix: '/api/v4/leads', count: 1 });
    await post('/_sandbox/faults', { status: 'html502', pathPrefix: '/api/v4/tasks', count: 1 });
    await post('/_sandbox/faults', { status: 'offline', pathPrefix: '/api/v4/account', count: 1 });
    expect((await get('/api/v4/leads')).status).toBe(500);
    expect((await get('/api/v4/leads')).status).toBe(200);
    expect((await get('/api/v4/tasks')).status).toBe(502);
    await expect(get('/api/v4/account')).rejects.toThrow();
    expect((await get('/api/v4/account')).status).toBe(200);
  });

  it('answers the fault lab URLs with their canned failures', async () => {
    const response = await get('/private/api/auth.php?__fault=code-auth-110');
    expect(response.status).toBe(401);
    expect(((await response.json()) as { response: { error_code: string } }).response.error_code).toBe('110');
  });

  it('keeps saved widget settings until reset', async () => {
    await post('/_sandbox/settings', { config: '{"a":1}' });
    expect(await (await get('/dashboard/')).text()).toContain('"config":"{\\"a\\":1}"');
    await post('/_sandbox/reset', {});
    expect(await (await get('/dashboard/')).text()).toContain('"config":""');
  });
});
