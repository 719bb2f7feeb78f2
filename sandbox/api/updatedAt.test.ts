// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import { NOW, apiRequest, bodyOf } from '../fixtures';
import { isClosedStatus } from '../model';
import { Store } from '../store';
import { handleApi } from './router';

type Row = { id: number; updated_at: number; is_completed?: boolean };

/** Every seeded record is older than NOW; the clock then moves by hand, so "changed since NOW" is exact. */
const setup = () => {
  let ms = NOW * 1000;
  const store = new Store(
    { now: NOW },
    createClock(0, () => ms),
  );
  const tick = (seconds: number) => {
    ms += seconds * 1000;
  };
  const list = (path: string, apiFilter = true): Row[] => {
    const response = handleApi(apiRequest('GET', path, { userId: 2 }), { store, apiFilter });
    if (response.status === 204) return [];
    const body = bodyOf<{ _embedded: Record<string, Row[]> }>(response);
    return Object.values(body._embedded)[0] ?? [];
  };
  const open = store.data.leads.filter((l) => !isClosedStatus(l.statusId));
  const openTask = store.data.tasks.find((t) => !t.isCompleted && t.entityType === 'leads');
  if (open.length < 3 || !openTask) throw new Error('seed too small');
  return { store, tick, list, open, openTask };
};

describe('tasks: filter[updated_at]', () => {
  it('lists the tasks changed since a time, completed ones included, and not deleted ones', () => {
    const { store, tick, list, openTask } = setup();
    const lead = store.leadById.get(openTask.entityId ?? 0);
    if (!lead) throw new Error('task without deal');
    expect(list(`/api/v4/tasks?filter[updated_at][from]=${NOW + 1}`)).toEqual([]);
    tick(10);
    store.updateTask(openTask, { isCompleted: true }, 3);
    const added = store.addTask(
      {
        text: 'x',
        completeTill: NOW + 100,
        taskTypeId: 1,
        responsibleUserId: 2,
        entityType: 'leads',
        entityId: lead.id,
        duration: 0,
      },
      2,
    );
    const doomed = store.addTask({ ...added, text: 'y' }, 2);
    store.deleteTask(doomed, 3);
    const changed = list(`/api/v4/tasks?filter[updated_at][from]=${NOW + 1}`);
    expect(changed.map((t) => [t.id, t.is_completed, t.updated_at])).toEqual([
      [openTask.id, true, NOW + 10],
      [added.id, false, NOW + 10],
    ]);
    // The bare form means "changed after".
    expect(list(`/api/v4/tasks?filter[updated_at]=${NOW}`).map((t) => t.id)).toEqual([openTask.id, added.id]);
    expect(list(`/api/v4/tasks?filter[updated_at]=${NOW + 10}`)).toEqual([]);
    expect(list(`/api/v4/tasks/${doomed.id}`)).toEqual([]);
  });

  it('keeps working on an account without the API filtering add-on', () => {
    const { store, tick, list, openTask } = setup();
    tick(5);
    store.updateTask(openTask, { completeTill: NOW + 500 }, 2);
    expect(list(`/api/v4/tasks?filter[updated_at][from]=${NOW + 1}`, false).map((t) => t.id)).toEqual([openTask.id]);
  });

  it('ignores order[updated_at], which the tasks list does not document', () => {
    const { list } = setup();
    const ids = list('/api/v4/tasks?limit=250&order[updated_at]=desc').map((t) => t.id);
    expect(ids).toEqual(list('/api/v4/tasks?limit=250').map((t) => t.id));
    const byUpdate = [...list('/api/v4/tasks?limit=250')].sort((a, b) => b.updated_at - a.updated_at);
    expect(ids).not.toEqual(byUpdate.map((t) => t.id));
  });
});

describe('leads: filter[updated_at] and order[updated_at]', () => {
  it('lists the deals changed since a time: moved, reassigned, closed, created; not deleted ones', () => {
    const { store, tick, list, open } = setup();
    const [moved, reassigned, deleted] = open;
    if (!moved || !reassigned || !deleted) throw new Error('seed too small');
    tick(20);
    store.closeLead(moved, false, 3);
    tick(20);
    store.updateLead(reassigned, { responsibleUserId: 3 }, 1);
    const created = store.addLead(
      {
        name: 'Новая',
        price: 0,
        responsibleUserId: 2,
        pipelineId: moved.pipelineId,
        statusId: moved.statusId,
        contactId: null,
      },
      1,
    );
    store.deleteLead(deleted, 1);
    const since = list(`/api/v4/leads?filter[updated_at][from]=${NOW + 1}&order[updated_at]=asc`);
    expect(since.map((l) => [l.id, l.updated_at])).toEqual([
      [moved.id, NOW + 20],
      [reassigned.id, NOW + 40],
      [created.id, NOW + 40],
    ]);
    expect(list('/api/v4/leads?limit=250').some((l) => l.id === deleted.id)).toBe(false);
  });

  it('ignores the filter without the add-on, but still sorts by updated_at', () => {
    const { store, tick, list, open } = setup();
    const [first] = open;
    if (!first) throw new Error('seed too small');
    tick(30);
    store.closeLead(first, true, 1);
    const all = list(`/api/v4/leads?limit=250&filter[updated_at][from]=${NOW + 1}&order[updated_at]=desc`, false);
    expect(all.length).toBe(store.data.leads.length);
    expect(all[0]).toMatchObject({ id: first.id, updated_at: NOW + 30 });
  });
});
