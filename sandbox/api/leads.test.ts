// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOW, apiRequest, bodyOf } from '../fixtures';
import { Store } from '../store';
import { handleApi } from './router';

type LeadsPage = {
  _page: number;
  _links: { self: { href: string }; next?: { href: string } };
  _embedded: {
    leads: {
      id: number;
      responsible_user_id: number;
      pipeline_id: number;
      status_id: number;
      closest_task_at: number | null;
    }[];
  };
};

const setup = (apiFilter = true) => {
  const store = new Store({ now: NOW });
  const get = (url: string, userId = 1) => handleApi(apiRequest('GET', url, { userId }), { store, apiFilter });
  return { store, get };
};

describe('GET /api/v4/leads', () => {
  it('pages through HAL links with no total count', () => {
    const { get } = setup();
    const first = bodyOf<LeadsPage>(get('/api/v4/leads?limit=25'));
    expect(first._page).toBe(1);
    expect(first._embedded.leads).toHaveLength(25);
    expect(first._links.next?.href).toContain('page=2');
    const last = bodyOf<LeadsPage>(get('/api/v4/leads?limit=25&page=3'));
    expect(last._embedded.leads).toHaveLength(10);
    expect(last._links.next).toBeUndefined();
  });

  it('answers 204 with an empty body past the last page and when nothing matches', () => {
    const { get } = setup();
    for (const url of ['/api/v4/leads?page=99', '/api/v4/leads?filter[id][]=1']) {
      const response = get(url);
      expect([response.status, response.body]).toEqual([204, '']);
    }
  });

  it('refuses more than 250 per page with 422 problem+json', () => {
    const response = setup().get('/api/v4/leads?limit=251');
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(bodyOf(response)).toMatchObject({
      status: 422,
      detail: 'Limit 250 per page',
      type: 'https://httpstatus.es/422',
    });
  });

  it.each([
    ['filter[responsible_user_id]=2', (l: LeadsPage['_embedded']['leads'][number]) => l.responsible_user_id === 2],
    [
      'filter[responsible_user_id][]=2&filter[responsible_user_id][]=3',
      (l: LeadsPage['_embedded']['leads'][number]) => [2, 3].includes(l.responsible_user_id),
    ],
    ['filter[pipeline_id][]=7000002', (l: LeadsPage['_embedded']['leads'][number]) => l.pipeline_id === 7_000_002],
    [
      'filter[statuses][0][pipeline_id]=7000001&filter[statuses][0][status_id]=70000013',
      (l: LeadsPage['_embedded']['leads'][number]) => l.status_id === 70_000_013 && l.pipeline_id === 7_000_001,
    ],
    [
      `filter[closest_task_at][to]=${NOW}`,
      (l: LeadsPage['_embedded']['leads'][number]) => l.closest_task_at !== null && l.closest_task_at <= NOW,
    ],
  ])('filters by %s', (filter, expected) => {
    const { store, get } = setup();
    const leads = bodyOf<LeadsPage>(get(`/api/v4/leads?limit=250&${filter}`))._embedded.leads;
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.every(expected)).toBe(true);
    const all = bodyOf<LeadsPage>(get('/api/v4/leads?limit=250'))._embedded.leads;
    expect(leads.length).toBe(all.filter(expected).length);
    expect(store.data.leads.length).toBe(60);
  });

  it('orders by updated_at desc', () => {
    const leads = bodyOf<{ _embedded: { leads: { updated_at: number }[] } }>(
      setup().get('/api/v4/leads?limit=250&order[updated_at]=desc'),
    )._embedded.leads;
    expect(leads.map((l) => l.updated_at)).toEqual([...leads.map((l) => l.updated_at)].sort((a, b) => b - a));
  });

  it('ignores filters when the account has API filtering off, and says so', () => {
    const { get } = setup(false);
    const leads = bodyOf<LeadsPage>(get('/api/v4/leads?limit=250&filter[responsible_user_id]=2'))._embedded.leads;
    expect(leads).toHaveLength(60);
    expect(bodyOf(get('/api/v4/account?with=is_api_filter_enabled')).is_api_filter_enabled).toBe(false);
  });

  it('reads one lead, and 204 for an unknown id', () => {
    const { get } = setup();
    expect(bodyOf(get('/api/v4/leads/10000001?with=contacts'))).toMatchObject({
      id: 10_000_001,
      _embedded: { contacts: [{ id: 20_000_001 }] },
    });
    expect(get('/api/v4/leads/1').status).toBe(204);
  });

  it('pages a 100 000-deal account through the responsible-user index', () => {
    const store = new Store({ now: NOW, deals: 100_000, managers: 20 });
    const response = handleApi(apiRequest('GET', '/api/v4/leads?limit=250&page=3&filter[responsible_user_id]=7'), {
      store,
      apiFilter: true,
    });
    const leads = bodyOf<LeadsPage>(response)._embedded.leads;
    expect(leads).toHaveLength(250);
    expect(leads.every((l) => l.responsible_user_id === 7)).toBe(true);
  });
});
