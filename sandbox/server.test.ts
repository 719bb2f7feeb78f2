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

  it('keeps saved widget settings decoded until reset, or as a JSON string for an older host', async () => {
    await post('/_sandbox/settings', { config: '{"a":1}' });
    expect(await (await get('/dashboard/')).text()).toContain('"settings":{"config":{"a":1}}');
    await post('/_sandbox/config', { settingsAsString: true });
    expect(await (await get('/dashboard/')).text()).toContain('"settings":{"config":"{\\"a\\":1}"}');
    await post('/_sandbox/reset', {});
    expect(await (await get('/dashboard/')).text()).toContain('"settings":{}');
  });

  it('stores a Save decoded, drops a custom value that is not JSON, and records names that are not settings', async () => {
    const saved = await post('/_sandbox/settings', {
      active: true,
      fields: { config: '{"mode":"strict"}', 'task-guard-mode': 'strict' },
    });
    expect(((await saved.json()) as { settings: unknown }).settings).toEqual({ config: { mode: 'strict' } });
    await post('/_sandbox/settings', { active: true, fields: { config: '[object Object]' } });
    expect(sandbox.store.widgetSettings).toEqual({});
    const stats = (await (await get('/_sandbox/stats')).json()) as { settingsSaves: { extra: string[] }[] };
    expect(stats.settingsSaves.map((s) => s.extra)).toEqual([['task-guard-mode'], []]);
  });

  it('gives the page the real shapes: own task types keyed key_<id>, is_admin a boolean, the install stamp', async () => {
    const html = await (await get('/dashboard/?user=2')).text();
    const boot = JSON.parse(/__SANDBOX_BOOT__ = (.*);<\/script>/.exec(html)?.[1] ?? '{}') as {
      taskTypes: Record<string, unknown>;
      userRights: { is_admin: unknown };
      widget: { version: string; integrationName: string };
    };
    expect(boot.taskTypes).toEqual({
      key_3: { id: '3', option: 'Письмо', color: '#c8e6ff', icon_id: 3 },
      key_4: { id: '4', option: 'Отправить КП', color: '#ffc8c8', icon_id: 5 },
    });
    expect(boot.userRights.is_admin).toBe(false);
    expect(boot.widget.version).toMatch(/^\d{9,}$/);
    expect(boot.widget.integrationName).toBe('Task Guard');
  });

  it('answers the next N calls of one method and path with a rights 403, then the account block', async () => {
    await post('/_sandbox/faults', { method: 'POST', path: '/api/v4/tasks', status: 'rights', count: 1 });
    await post('/_sandbox/faults', { method: 'POST', path: '/api/v4/leads/notes', status: 'blocked', count: 1 });
    const task = [{ text: 'x', complete_till: 1_900_000_000, entity_type: 'leads', entity_id: 10_000_001 }];
    // A GET of the same path and a call under it are not the targeted call.
    expect((await get('/api/v4/tasks?limit=1')).status).toBe(200);
    const refused = await post('/api/v4/tasks', task);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toBe('Недостаточно прав. Доступ запрещен.');
    expect((await post('/api/v4/tasks', task)).status).toBe(200);
    const blocked = await post('/api/v4/leads/notes', [
      { entity_id: 10_000_001, note_type: 'common', params: { text: 'x' } },
    ]);
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { response: { error: string } }).response.error).toContain(
      'Аккаунт заблокирован',
    );
  });

  it('moves the API clock with /_sandbox/clock and gives the page the same offset', async () => {
    const set = await post('/_sandbox/clock', { at: '2026-12-02T11:00' });
    expect(((await set.json()) as { now: number }).now).toBeCloseTo(Date.parse('2026-12-02T08:00:00Z'), -4);
    const created = await post('/api/v4/tasks', [{ text: 'x', complete_till: 1_900_000_000 }]);
    const id = ((await created.json()) as { _embedded: { tasks: { id: number }[] } })._embedded.tasks[0]?.id;
    const task = (await (await get(`/api/v4/tasks/${id}`)).json()) as { created_at: number };
    expect(Math.abs(task.created_at - Date.parse('2026-12-02T08:00:00Z') / 1000)).toBeLessThan(60);
    const html = await (await get('/dashboard/')).text();
    expect(html).toContain('SandboxDate');
    expect(html).toContain('"wall":"2026-12-02T11:00"');
    await post('/_sandbox/clock', { now: true });
    expect(await (await get('/dashboard/')).text()).not.toContain('SandboxDate');
  });
});
