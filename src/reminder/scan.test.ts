import { describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../host/api';
import { DEFAULT_CONFIG, type Config } from './config';
import { BATCH, PAGE, loadScanAccount, recheck, scan } from './scan';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const S = NOW / 1000;

interface Lead {
  id: number;
  responsible_user_id: number;
  pipeline_id: number;
  status_id: number;
  closest_task_at: number | null;
  created_at: number;
  updated_at: number;
  name: string;
  price: number;
}

interface Account {
  filter: boolean;
  /** Answer 204 for an empty lead list (amoCRM does). */
  leads: Lead[];
  tasks: { id: number; entity_type: string; entity_id: number; complete_till: number; is_completed: boolean }[];
  /** A status that answers every leads call once (429, 403, ...). */
  fail?: { path: string; status: number; body?: unknown; headers?: Record<string, string>; times: number };
}

const pipelines = {
  _embedded: {
    pipelines: [
      {
        id: 1,
        name: 'Sales',
        _embedded: {
          statuses: [
            { id: 10, name: 'Unsorted', type: 1 },
            { id: 20, name: 'First contact', type: 0 },
            { id: 30, name: 'Proposal', type: 0 },
            { id: 142, name: 'Won', type: 0 },
            { id: 143, name: 'Lost', type: 0 },
          ],
        },
      },
    ],
  },
};

/** A tiny amoCRM: leads (filtered only when the add-on is on), tasks, pipelines, account; 204 when empty. */
const fakeAmo = (account: Account) => {
  let clock = NOW;
  const paths: string[] = [];
  const reply = (status: number, body?: unknown, headers?: Record<string, string>) =>
    new Response(status === 204 ? null : JSON.stringify(body), { status, headers });
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = new URL(String(input), 'https://demo.amocrm.ru');
    paths.push(url.pathname + url.search);
    const q = url.searchParams;
    const fail = account.fail;
    if (fail && fail.times > 0 && url.pathname === fail.path) {
      fail.times -= 1;
      return reply(fail.status, fail.body ?? {}, fail.headers);
    }
    if (url.pathname === '/api/v4/account') return reply(200, { id: 1, is_api_filter_enabled: account.filter });
    if (url.pathname === '/api/v4/leads/pipelines') return reply(200, pipelines);
    const pageNo = Number(q.get('page') ?? 1);
    const limit = Number(q.get('limit') ?? 50);
    const pageOf = (key: string, list: unknown[]) => {
      const slice = list.slice((pageNo - 1) * limit, pageNo * limit);
      if (slice.length === 0) return reply(204);
      const next = new URL(url);
      next.searchParams.set('page', String(pageNo + 1));
      const more = pageNo * limit < list.length;
      return reply(200, {
        _page: pageNo,
        _links: more ? { next: { href: next.href } } : {},
        _embedded: { [key]: slice },
      });
    };
    if (url.pathname === '/api/v4/leads') {
      let leads = account.leads;
      if (account.filter) {
        const who = q.get('filter[responsible_user_id]');
        if (who) leads = leads.filter((l) => l.responsible_user_id === Number(who));
        const statuses: number[] = [];
        for (const [key, value] of q)
          if (/^filter\[statuses\]\[\d+\]\[status_id\]$/.test(key)) statuses.push(Number(value));
        if (statuses.length) leads = leads.filter((l) => statuses.includes(l.status_id));
      }
      return pageOf('leads', leads);
    }
    if (url.pathname === '/api/v4/tasks') {
      const ids = q.getAll('filter[entity_id][]').map(Number);
      expect(ids.length).toBeLessThanOrEqual(BATCH);
      const tasks = account.tasks.filter(
        (t) => !t.is_completed && t.entity_type === q.get('filter[entity_type]') && ids.includes(t.entity_id),
      );
      return pageOf('tasks', tasks);
    }
    return reply(404, {});
  };
  const api: Api = createApi({
    fetch,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  });
  return { api, paths, elapsed: () => clock - NOW };
};

const lead = (id: number, patch: Partial<Lead> = {}): Lead => ({
  id,
  name: `Deal ${id}`,
  price: id * 10,
  responsible_user_id: 2,
  pipeline_id: 1,
  status_id: 20,
  closest_task_at: null,
  created_at: S - 86_400 * 3,
  updated_at: S - 86_400 * (id % 7),
  ...patch,
});

const input = (config: Partial<Config> = {}) => ({
  responsible: 2,
  config: { ...DEFAULT_CONFIG, ...config },
  now: NOW,
});

/** The budget: ceil(deals/250) + ceil(candidates/50) + 2. */
const budget = (deals: number, candidates: number) =>
  Math.max(1, Math.ceil(deals / PAGE)) + Math.ceil(candidates / BATCH) + 2;

vi.mock('../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

describe('scan', () => {
  it("finds exactly the user's open, watched deals without an open task of their own", async () => {
    const amo = fakeAmo({
      filter: true,
      leads: [
        lead(1), // no task: flagged
        lead(2, { closest_task_at: S + 3600 }), // has a task
        lead(3, { responsible_user_id: 3 }), // someone else's
        lead(4, { status_id: 142 }), // won
        lead(5, { status_id: 10 }), // unsorted
        lead(6, { created_at: S - 60 }), // inside the grace period
        lead(7, { closest_task_at: null }), // closest_task_at lies: there is a task
        lead(8, { closest_task_at: null, status_id: 30 }), // flagged
      ],
      tasks: [{ id: 1, entity_type: 'leads', entity_id: 7, complete_till: S + 600, is_completed: false }],
    });
    const result = await scan(input(), amo.api);
    expect(result.deals.map((d) => d.id).sort()).toEqual([1, 8]);
    expect(result.deals.find((d) => d.id === 8)).toMatchObject({
      pipelineName: 'Sales',
      stageName: 'Proposal',
      price: 80,
    });
    expect(result.requests).toBe(4);
  });

  it.each([
    [1_000, true],
    [1_000, false],
    [2_600, true],
  ])('pages through %i deals (API filter %s) within the request budget', async (count, filter) => {
    const leads = Array.from({ length: count }, (_, i) =>
      lead(i + 1, {
        closest_task_at: i % 10 === 0 ? null : S + 3600,
        responsible_user_id: filter || i % 2 === 0 ? 2 : 3,
      }),
    );
    const amo = fakeAmo({ filter, leads, tasks: [] });
    const result = await scan(input(), amo.api);
    const mine = leads.filter((l) => l.responsible_user_id === 2);
    const candidates = mine.filter((l) => l.closest_task_at === null).length;
    expect(result.deals).toHaveLength(candidates);
    // Without the filter add-on every deal of the account is read (the correct fallback), still at one page per 250.
    expect(result.requests).toBe(budget(filter ? mine.length : leads.length, candidates));
    // And at most 3 per second: the virtual clock advanced at least (requests - 3) / 3 seconds.
    expect(amo.elapsed()).toBeGreaterThanOrEqual(Math.floor((result.requests - 3) / 3) * 1000);
    // A caller that keeps the account's facts (the reminder between checks) saves the 2 requests, same answer.
    const account = await loadScanAccount(amo.api);
    const before = amo.paths.length;
    const again = await scan({ ...input(), account }, amo.api);
    expect(again.deals).toEqual(result.deals);
    expect(again.requests).toBe(budget(filter ? mine.length : leads.length, candidates) - 2);
    expect(amo.paths.slice(before).filter((p) => /\/api\/v4\/(account|leads\/pipelines)/.test(p))).toEqual([]);
  });

  it('sends the responsible and stage filters when the account has API filtering', async () => {
    const amo = fakeAmo({ filter: true, leads: [lead(1)], tasks: [] });
    await scan(input(), amo.api);
    const leadsCall = decodeURIComponent(amo.paths.find((p) => p.startsWith('/api/v4/leads?')) ?? '');
    expect(leadsCall).toContain('filter[responsible_user_id]=2');
    expect(leadsCall).toContain('filter[statuses][0][pipeline_id]=1&filter[statuses][0][status_id]=20');
    expect(leadsCall).not.toContain('status_id]=10');
    expect(leadsCall).toContain('limit=250');
  });

  it('takes 204 as no deals at all', async () => {
    const amo = fakeAmo({ filter: true, leads: [], tasks: [] });
    const result = await scan(input(), amo.api);
    expect(result).toMatchObject({ deals: [], requests: 3 });
  });

  it('confirms candidates in batches of 50', async () => {
    const leads = Array.from({ length: 120 }, (_, i) => lead(i + 1));
    const tasks = [{ id: 9, entity_type: 'leads', entity_id: 77, complete_till: S + 60, is_completed: false }];
    const amo = fakeAmo({ filter: true, leads, tasks });
    const result = await scan(input(), amo.api);
    expect(amo.paths.filter((p) => p.startsWith('/api/v4/tasks'))).toHaveLength(3);
    expect(result.deals).toHaveLength(119);
    expect(result.requests).toBe(budget(120, 120));
  });

  it('counts linked contact tasks only when the option is on', async () => {
    const withContact = { ...lead(1), _embedded: { contacts: [{ id: 500 }], companies: [] } };
    const tasks = [{ id: 9, entity_type: 'contacts', entity_id: 500, complete_till: S + 60, is_completed: false }];
    const off = fakeAmo({ filter: true, leads: [withContact], tasks });
    expect((await scan(input(), off.api)).deals).toHaveLength(1);
    const on = fakeAmo({ filter: true, leads: [withContact], tasks });
    expect((await scan(input({ linkedTasksCount: true }), on.api)).deals).toHaveLength(0);
    expect(on.paths.some((p) => p.includes('with=contacts'))).toBe(true);
  });

  it('fails (it does not loop) on a long 429 and on a 403 block', async () => {
    const limited = fakeAmo({
      filter: true,
      leads: [lead(1)],
      tasks: [],
      fail: { path: '/api/v4/leads', status: 429, headers: { 'Retry-After': '30' }, times: 5 },
    });
    await expect(scan(input(), limited.api)).rejects.toMatchObject({ failure: { kind: 'rate-limited' } });
    expect(limited.paths.filter((p) => p.startsWith('/api/v4/leads?'))).toHaveLength(1);
    const blocked = fakeAmo({
      filter: true,
      leads: [lead(1)],
      tasks: [],
      fail: {
        path: '/api/v4/leads',
        status: 403,
        body: 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду',
        times: 5,
      },
    });
    await expect(scan(input(), blocked.api)).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    await expect(scan(input(), blocked.api)).rejects.toMatchObject({ failure: { kind: 'blocked' } });
    expect(blocked.paths).toHaveLength(3);
  });

  it('reads every manager for the team report', async () => {
    const amo = fakeAmo({ filter: true, leads: [lead(1), lead(2, { responsible_user_id: 3 })], tasks: [] });
    const progress: string[] = [];
    const result = await scan({ ...input(), responsible: null, onProgress: (p) => progress.push(p.phase) }, amo.api);
    expect(result.deals.map((d) => d.responsibleUserId).sort()).toEqual([2, 3]);
    expect(progress).toEqual(['deals', 'tasks']);
  });
});

describe('recheck', () => {
  it('drops the deals that got a task and costs one request per 50 shown', async () => {
    const amo = fakeAmo({
      filter: true,
      leads: [],
      tasks: [{ id: 1, entity_type: 'leads', entity_id: 2, complete_till: S + 600, is_completed: false }],
    });
    const shown = [1, 2, 3].map((id) => ({
      id,
      name: '',
      price: 0,
      responsibleUserId: 2,
      pipelineId: 1,
      statusId: 20,
      pipelineName: '',
      stageName: '',
      since: 0,
      createdAt: 0,
    }));
    const left = await recheck(shown, DEFAULT_CONFIG, NOW, amo.api);
    expect(left.map((d) => d.id)).toEqual([1, 3]);
    expect(amo.api.sent).toBe(1);
  });
});
