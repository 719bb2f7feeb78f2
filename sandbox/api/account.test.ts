// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOW, apiRequest, bodyOf } from '../fixtures';
import { Store } from '../store';
import { handleApi } from './router';

const store = new Store({ now: NOW });
const get = (url: string, userId = 1, method = 'GET') =>
  handleApi(apiRequest(method, url, { userId }), { store, apiFilter: true });

describe('account, users, pipelines, notes', () => {
  it('gives the account with task types and the API filter flag', () => {
    const account = bodyOf<{
      name: string;
      current_user_id: number;
      is_api_filter_enabled: boolean;
      _embedded: { task_types: { id: number }[] };
    }>(get('/api/v4/account?with=task_types,is_api_filter_enabled', 3));
    expect(account).toMatchObject({ name: 'Demo', current_user_id: 3, is_api_filter_enabled: true });
    expect(account._embedded.task_types.map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });

  it('lists users for the admin only', () => {
    expect(get('/api/v4/users', 1).status).toBe(200);
    const denied = get('/api/v4/users', 2);
    expect(denied.status).toBe(403);
    expect(bodyOf(denied)).toMatchObject({ status: 403, type: 'https://httpstatus.es/403' });
  });

  it('lists two pipelines, each with unsorted (type 1), won 142 and lost 143', () => {
    const { _embedded } = bodyOf<{
      _embedded: { pipelines: { _embedded: { statuses: { id: number; type: number }[] } }[] };
    }>(get('/api/v4/leads/pipelines'));
    expect(_embedded.pipelines).toHaveLength(2);
    for (const p of _embedded.pipelines) {
      expect(p._embedded.statuses.find((s) => s.type === 1)).toBeDefined();
      expect(p._embedded.statuses.map((s) => s.id)).toEqual(expect.arrayContaining([142, 143]));
    }
  });

  it('adds a note to a deal and validates the rest', () => {
    const ok = handleApi(
      apiRequest('POST', '/api/v4/leads/notes', {
        body: [{ entity_id: 10_000_001, note_type: 'common', params: { text: 'hi' } }],
      }),
      { store, apiFilter: true },
    );
    expect(ok.status).toBe(200);
    expect(get('/api/v4/leads/10000001/notes').status).toBe(200);
    const bad = handleApi(
      apiRequest('POST', '/api/v4/leads/notes', {
        body: [{ entity_id: 1, note_type: 'common', params: { text: 'x' } }],
      }),
      { store, apiFilter: true },
    );
    expect(bad.status).toBe(400);
  });

  it('reads contacts by id', () => {
    const page = bodyOf<{ _embedded: { contacts: { id: number }[] } }>(
      get('/api/v4/contacts?filter[id][]=20000001&filter[id][]=20000002'),
    );
    expect(page._embedded.contacts.map((c) => c.id)).toEqual([20_000_001, 20_000_002]);
    expect(get('/api/v4/contacts/20000003').status).toBe(200);
    expect(get('/api/v4/contacts/1').status).toBe(204);
  });

  it('answers unknown paths with 404 and wrong methods with 405', () => {
    expect(get('/api/v4/nothing').status).toBe(404);
    expect(get('/api/v4/account', 1, 'DELETE').status).toBe(405);
  });
});
