// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOW, apiRequest, bodyOf } from '../fixtures';
import { Store } from '../store';
import { handleApi } from './router';

const setup = () => {
  const store = new Store({ now: NOW });
  const call = (method: string, url: string, body?: unknown, userId = 2) =>
    handleApi(apiRequest(method, url, { body, userId }), { store, apiFilter: true });
  const noTask = store.data.leads.find((l) => l.closestTaskAt === null && l.statusId !== 142 && l.statusId !== 143);
  if (!noTask) throw new Error('seed has no deal without a task');
  return { store, call, noTask };
};

describe('POST /api/v4/tasks', () => {
  it("accepts the account's own task types and the built-in ones, and refuses an unknown type", () => {
    const { call, noTask, store } = setup();
    const item = (type: number) => ({
      text: 'Отправить КП',
      complete_till: NOW + 86_400,
      entity_type: 'leads',
      entity_id: noTask.id,
      task_type_id: type,
    });
    for (const type of [1, 2, 3, 4])
      expect([type, call('POST', '/api/v4/tasks', [item(type)]).status]).toEqual([type, 200]);
    expect(store.tasksOf('leads', noTask.id).map((t) => t.taskTypeId)).toEqual([1, 2, 3, 4]);
    const refused = call('POST', '/api/v4/tasks', [item(99)]);
    expect(refused.status).toBe(400);
    expect(bodyOf(refused)['validation-errors']).toEqual([
      {
        request_id: '0',
        errors: [
          { code: 'NotSupportedChoice', path: 'task_type_id', detail: 'The value you selected is not a valid choice.' },
        ],
      },
    ]);
  });

  it('creates a task, answers ids with request_id, and the deal gets its closest_task_at', () => {
    const { call, noTask, store } = setup();
    const due = NOW + 86_400;
    const response = call('POST', '/api/v4/tasks', [
      { text: 'Перезвонить', complete_till: due, entity_type: 'leads', entity_id: noTask.id, request_id: 'r1' },
    ]);
    expect(response.status).toBe(200);
    const created = bodyOf<{ _embedded: { tasks: { id: number; request_id: string }[] } }>(response)._embedded.tasks;
    expect(created).toEqual([expect.objectContaining({ request_id: 'r1' })]);
    expect(store.leadById.get(noTask.id)?.closestTaskAt).toBe(due);
    const task = store.taskById.get(created[0]?.id ?? 0);
    expect(task).toMatchObject({ responsibleUserId: 2, taskTypeId: 1, isCompleted: false });
  });

  it.each([
    [
      'missing text and complete_till',
      { entity_type: 'leads', entity_id: 10_000_001 },
      [
        { code: 'FieldMissing', path: 'text', detail: 'This field is missing.' },
        { code: 'FieldMissing', path: 'complete_till', detail: 'This field is missing.' },
      ],
    ],
    [
      'wrong types',
      { text: 5, complete_till: '2026-01-01' },
      [
        { code: 'InvalidType', path: 'text', detail: 'This value should be of type string.' },
        { code: 'InvalidType', path: 'complete_till', detail: 'This value should be of type int.' },
      ],
    ],
    [
      'an unknown deal',
      { text: 'x', complete_till: NOW, entity_type: 'leads', entity_id: 1 },
      [{ code: 'NotSupportedChoice', path: 'entity_id', detail: 'The value you selected is not a valid choice.' }],
    ],
    [
      'an unknown entity type',
      { text: 'x', complete_till: NOW, entity_type: 'deals', entity_id: 10_000_001 },
      [{ code: 'NotSupportedChoice', path: 'entity_type', detail: 'The value you selected is not a valid choice.' }],
    ],
  ])('rejects %s with amoCRM validation-errors and stores nothing', (_name, item, errors) => {
    const { call, store } = setup();
    const before = store.data.tasks.length;
    const response = call('POST', '/api/v4/tasks', [item]);
    expect(response.status).toBe(400);
    expect(bodyOf(response)).toEqual({
      'validation-errors': [{ request_id: '0', errors }],
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
    });
    expect(store.data.tasks.length).toBe(before);
  });
});

describe('PATCH /api/v4/tasks', () => {
  it('completes tasks and the deal loses its closest_task_at when none is left open', () => {
    const { call, store } = setup();
    const lead = store.data.leads.find(
      (l) => l.closestTaskAt !== null && store.tasksOf('leads', l.id).filter((t) => !t.isCompleted).length === 1,
    );
    const task = lead && store.tasksOf('leads', lead.id).find((t) => !t.isCompleted);
    if (!lead || !task) throw new Error('seed');
    expect(
      call('PATCH', '/api/v4/tasks', [{ id: task.id, is_completed: true, result: { text: 'Готово' } }]).status,
    ).toBe(200);
    expect(lead.closestTaskAt).toBeNull();
    expect(call('PATCH', `/api/v4/tasks/${task.id}`, { is_completed: false }).status).toBe(200);
    expect(lead.closestTaskAt).toBe(task.completeTill);
  });

  it('rejects an unknown id', () => {
    const { call } = setup();
    expect(call('PATCH', '/api/v4/tasks', [{ id: 1, is_completed: true }]).status).toBe(400);
    expect(call('PATCH', '/api/v4/tasks/1', { is_completed: true }).status).toBe(404);
  });
});

describe('GET /api/v4/tasks', () => {
  it('filters open tasks of given deals', () => {
    const { call, store } = setup();
    const ids = store.data.leads.slice(0, 10).map((l) => l.id);
    const query = `filter[is_completed]=0&filter[entity_type]=leads&${ids.map((id) => `filter[entity_id][]=${id}`).join('&')}`;
    const tasks = bodyOf<{ _embedded: { tasks: { entity_id: number; is_completed: boolean }[] } }>(
      call('GET', `/api/v4/tasks?${query}`),
    )._embedded.tasks;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((t) => ids.includes(t.entity_id) && !t.is_completed)).toBe(true);
  });

  it('answers 204 with an empty body when nothing matches', () => {
    const response = setup().call('GET', '/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=1');
    expect([response.status, response.body]).toEqual([204, '']);
  });
});
