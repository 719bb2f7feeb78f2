// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { NOW, apiRequest, bodyOf } from '../fixtures';
import { LOST, WON, isClosedStatus } from '../model';
import { Store } from '../store';
import { handleUi } from '../ui';
import { handleApi } from './router';

type EventRecord = {
  id: string;
  type: string;
  entity_id: number;
  entity_type: string;
  created_by: number;
  created_at: number;
  value_after: unknown[];
  value_before: unknown[];
  account_id: number;
  _embedded: { entity: { id: number; name?: string; _links: { self: { href: string } } } };
};
type EventsPage = {
  _page: number;
  _links: { self: { href: string }; next?: { href: string } };
  _embedded: { events: EventRecord[] };
};

/** A store on a clock the test moves by hand (seconds). */
const setup = (apiFilter = true) => {
  let ms = NOW * 1000;
  const store = new Store(
    { now: NOW },
    createClock(0, () => ms),
  );
  const tick = (seconds: number) => {
    ms += seconds * 1000;
  };
  const call = (method: string, url: string, body?: unknown, userId = 2) =>
    handleApi(apiRequest(method, url, { body, userId }), { store, apiFilter });
  const events = (query: string, userId = 2): EventRecord[] => {
    const response = call('GET', `/api/v4/events?${query}`, undefined, userId);
    return response.status === 204 ? [] : bodyOf<EventsPage>(response)._embedded.events;
  };
  const openLead = store.data.leads.find((l) => !isClosedStatus(l.statusId) && l.responsibleUserId === 2);
  if (!openLead) throw new Error('seed has no open deal of user 2');
  return { store, call, events, tick, openLead };
};

describe('GET /api/v4/events', () => {
  it('answers 204 with an empty body while nothing has changed', () => {
    const { call } = setup();
    const response = call('GET', '/api/v4/events');
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
  });

  it('records an API task with the documented record shape', () => {
    const { call, events, openLead, store } = setup();
    const created = call('POST', '/api/v4/tasks', [
      { text: 'Позвонить', complete_till: NOW + 3600, entity_type: 'leads', entity_id: openLead.id },
    ]);
    const taskId = bodyOf<{ _embedded: { tasks: { id: number }[] } }>(created)._embedded.tasks[0]?.id;
    const [event] = events('filter[type]=task_added');
    expect(event).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{26}$/) as unknown,
      type: 'task_added',
      entity_id: taskId,
      entity_type: 'task',
      created_by: 2,
      created_at: NOW,
      value_after: [],
      value_before: [],
      account_id: store.data.account.id,
      _links: { self: { href: `http://sandbox.test/api/v4/events/${event?.id}` } },
      _embedded: { entity: { id: taskId, _links: { self: { href: `http://sandbox.test/api/v4/tasks/${taskId}` } } } },
    });
    const single = call('GET', `/api/v4/events/${event?.id}`);
    expect(bodyOf<EventRecord>(single).type).toBe('task_added');
    expect(call('GET', '/api/v4/events/01nosuchevent').status).toBe(204);
  });

  it('writes every kind of task change with value_before / value_after, and a true updated_at', () => {
    const { call, events, tick, openLead, store } = setup();
    const task = store.addTask(
      {
        text: 'Позвонить',
        completeTill: NOW + 3600,
        taskTypeId: 1,
        responsibleUserId: 2,
        entityType: 'leads',
        entityId: openLead.id,
        duration: 0,
      },
      2,
    );
    tick(60);
    call('PATCH', `/api/v4/tasks/${task.id}`, { complete_till: NOW + 7200, text: 'Перезвонить' }, 3);
    tick(60);
    call('PATCH', '/api/v4/tasks', [{ id: task.id, is_completed: true, result: { text: 'Готово' } }], 3);
    const got = events('filter[entity]=task');
    expect(got.map((e) => [e.type, e.created_by, e.created_at - NOW])).toEqual([
      ['task_completed', 3, 120],
      ['task_text_changed', 3, 60],
      ['task_deadline_changed', 3, 60],
      ['task_added', 2, 0],
    ]);
    expect(got.find((e) => e.type === 'task_deadline_changed')).toMatchObject({
      value_before: [{ task_deadline: { timestamp: NOW + 3600 } }],
      value_after: [{ task_deadline: { timestamp: NOW + 7200 } }],
    });
    expect(got.find((e) => e.type === 'task_text_changed')).toMatchObject({
      value_before: [{ task: { text: 'Позвонить' } }],
      value_after: [{ task: { text: 'Перезвонить' } }],
    });
    const rendered = bodyOf<{ updated_at: number; updated_by: number }>(call('GET', `/api/v4/tasks/${task.id}`));
    expect(rendered).toMatchObject({ updated_at: NOW + 120, updated_by: 3 });
  });

  it("writes the host pages' changes: the card's composer, the done tick and a stage move", () => {
    const { events, tick, openLead, store } = setup();
    const ui = (method: string, path: string, body?: unknown) =>
      handleUi(apiRequest(method, `/_sandbox/ui${path}`, { body, userId: 2 }), store);
    const added = ui('POST', '/tasks', { text: 'Встреча', completeTill: NOW + 600, entityId: openLead.id });
    const taskId = bodyOf<{ id: number }>(added).id;
    tick(30);
    ui('POST', `/tasks/${taskId}/complete`);
    tick(30);
    const fromStatus = openLead.statusId;
    const pipeline = store.data.pipelines.find((p) => p.id === openLead.pipelineId);
    const next = pipeline?.statuses.find((s) => s.id !== openLead.statusId && s.type === 0 && !isClosedStatus(s.id));
    ui('POST', `/lead/${openLead.id}/status`, { statusId: next?.id });
    expect(events('').map((e) => [e.type, e.entity_type, e.entity_id])).toEqual([
      ['lead_status_changed', 'lead', openLead.id],
      ['task_completed', 'task', taskId],
      ['task_added', 'task', taskId],
    ]);
    expect(events('filter[type]=lead_status_changed')[0]).toMatchObject({
      value_before: [{ lead_status: { id: fromStatus, pipeline_id: openLead.pipelineId } }],
      value_after: [{ lead_status: { id: next?.id, pipeline_id: openLead.pipelineId } }],
    });
    expect(store.leadById.get(openLead.id)?.updatedAt).toBe(NOW + 60);
  });

  it('writes deal changes: responsible, won and lost with closed_at, deletion', () => {
    const { call, events, tick, store } = setup();
    const [a, b, c] = store.data.leads.filter((l) => !isClosedStatus(l.statusId));
    if (!a || !b || !c) throw new Error('seed too small');
    const before = a.responsibleUserId;
    store.updateLead(a, { responsibleUserId: 4 }, 1);
    tick(10);
    store.closeLead(b, true, 1);
    tick(10);
    store.closeLead(c, false, 1);
    tick(10);
    store.deleteLead(a, 1);
    const got = events('filter[entity][]=lead');
    expect(got.map((e) => e.type)).toEqual([
      'lead_deleted',
      'lead_status_changed',
      'lead_status_changed',
      'entity_responsible_changed',
    ]);
    expect(got[3]).toMatchObject({
      value_before: [{ responsible_user: { id: before } }],
      value_after: [{ responsible_user: { id: 4 } }],
    });
    expect(got[2]?.value_after).toEqual([{ lead_status: { id: WON, pipeline_id: b.pipelineId } }]);
    expect(got[1]?.value_after).toEqual([{ lead_status: { id: LOST, pipeline_id: c.pipelineId } }]);
    expect(got[0]).toMatchObject({ value_before: [], value_after: [] });
    const won = bodyOf<{ closed_at: number; updated_at: number }>(call('GET', `/api/v4/leads/${b.id}`));
    expect(won).toMatchObject({ closed_at: NOW + 10, updated_at: NOW + 10 });
    expect(call('GET', `/api/v4/leads/${a.id}`).status).toBe(204);
  });

  it('filters by type (single, comma and array forms), entity, entity id, author and time', () => {
    const { events, tick, openLead, store } = setup();
    const other = store.data.leads.find((l) => l.id !== openLead.id && !isClosedStatus(l.statusId));
    if (!other) throw new Error('seed too small');
    store.updateLead(openLead, { responsibleUserId: 3 }, 1);
    tick(100);
    store.closeLead(other, false, 2);
    tick(100);
    store.addTask(
      {
        text: 'x',
        completeTill: NOW,
        taskTypeId: 1,
        responsibleUserId: 2,
        entityType: 'leads',
        entityId: other.id,
        duration: 0,
      },
      2,
    );
    const types = (query: string) => events(query).map((e) => e.type);
    expect(types('filter[type]=lead_status_changed')).toEqual(['lead_status_changed']);
    expect(types('filter[type]=lead_status_changed,task_added')).toEqual(['task_added', 'lead_status_changed']);
    expect(types('filter[type][]=entity_responsible_changed&filter[type][]=task_added')).toEqual([
      'task_added',
      'entity_responsible_changed',
    ]);
    expect(types('filter[type][0]=task_added')).toEqual(['task_added']);
    expect(types(`filter[entity]=lead&filter[entity_id][]=${other.id}`)).toEqual(['lead_status_changed']);
    expect(types('filter[created_by][]=1')).toEqual(['entity_responsible_changed']);
    expect(types(`filter[created_at][from]=${NOW + 100}`)).toEqual(['task_added', 'lead_status_changed']);
    expect(types(`filter[created_at][from]=${NOW + 1}&filter[created_at][to]=${NOW + 150}`)).toEqual([
      'lead_status_changed',
    ]);
    // A bare timestamp means "after it" (events-and-notes.md).
    expect(types(`filter[created_at]=${NOW + 100}`)).toEqual(['task_added']);
    expect(types('filter[value_after][responsible_user_id]=3')).toEqual(['entity_responsible_changed']);
    expect(
      types(
        `filter[value_after][leads_statuses][0][pipeline_id]=${other.pipelineId}&filter[value_after][leads_statuses][0][status_id]=${LOST}`,
      ),
    ).toEqual(['lead_status_changed']);
    expect(events('filter[type]=lead_added')).toEqual([]);
  });

  it('refuses filter[entity_id] without exactly one entity', () => {
    const { call } = setup();
    expect(call('GET', '/api/v4/events?filter[entity_id][]=1').status).toBe(400);
    expect(call('GET', '/api/v4/events?filter[entity][]=lead&filter[entity][]=task&filter[entity_id][]=1').status).toBe(
      400,
    );
  });

  it('pages 100 at most, newest first, with HAL links', () => {
    const { call, store, tick } = setup();
    const lead = store.data.leads[0];
    if (!lead) throw new Error('empty seed');
    for (let i = 0; i < 120; i += 1) {
      tick(1);
      store.addTask(
        {
          text: `t${i}`,
          completeTill: NOW,
          taskTypeId: 1,
          responsibleUserId: 2,
          entityType: 'leads',
          entityId: lead.id,
          duration: 0,
        },
        2,
      );
    }
    expect(call('GET', '/api/v4/events?limit=101').status).toBe(422);
    const first = bodyOf<EventsPage>(call('GET', '/api/v4/events?limit=100'));
    expect(first._embedded.events).toHaveLength(100);
    expect(first._links.next?.href).toBe('http://sandbox.test/api/v4/events?limit=100&page=2');
    const times = first._embedded.events.map((e) => e.created_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = bodyOf<EventsPage>(call('GET', '/api/v4/events?limit=100&page=2'));
    expect(second._embedded.events).toHaveLength(20);
    expect(second._links.next).toBeUndefined();
    expect(call('GET', '/api/v4/events?limit=100&page=3').status).toBe(204);
  });

  it('keeps its filters on an account without the API filtering add-on', () => {
    const { events, openLead, store } = setup(false);
    store.closeLead(openLead, true, 1);
    expect(events('filter[type]=task_added')).toEqual([]);
    expect(events('filter[type]=lead_status_changed')).toHaveLength(1);
  });

  it('adds the deal name to the embedded entity with with=lead_name', () => {
    const { events, openLead, store } = setup();
    store.closeLead(openLead, true, 1);
    expect(events('with=lead_name')[0]?._embedded.entity.name).toBe(openLead.name);
    expect(events('')[0]?._embedded.entity.name).toBeUndefined();
  });
});
