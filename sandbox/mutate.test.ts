// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { NOW, bodyOf } from './fixtures';
import { LOST, WON, isClosedStatus } from './model';
import { MUTATION_OPS, applyMutation, handleMutate, randomMutation, type Mutation } from './mutate';
import { createRandom } from './random';
import { createSandbox, type Sandbox } from './server';
import { Store } from './store';

const setup = () => {
  let ms = NOW * 1000;
  const store = new Store(
    { now: NOW },
    createClock(0, () => ms),
  );
  const tick = (seconds: number) => {
    ms += seconds * 1000;
  };
  const lead = store.data.leads.find((l) => !isClosedStatus(l.statusId) && l.responsibleUserId === 2);
  const task = store.data.tasks.find((t) => !t.isCompleted && t.entityType === 'leads');
  if (!lead || !task) throw new Error('seed too small');
  const typesOf = (ids: string[]) => ids.map((id) => store.eventById.get(id)?.type);
  return { store, tick, lead, task, typesOf };
};

describe('applyMutation', () => {
  it('applies each kind of change as another user, with its events and updated_at', () => {
    const { store, tick, lead, task, typesOf } = setup();
    tick(60);
    const cases: [Mutation, string[]][] = [
      [{ op: 'createTask', leadId: lead.id, completeTill: NOW + 3600 }, ['task_added']],
      [{ op: 'completeTask', taskId: task.id }, ['task_completed']],
      [{ op: 'createDeal', responsibleUserId: 2 }, ['lead_added']],
      [{ op: 'changeResponsible', leadId: lead.id, responsibleUserId: 3 }, ['entity_responsible_changed']],
      [{ op: 'closeDeal', leadId: lead.id, outcome: 'lost' }, ['lead_status_changed']],
      [{ op: 'deleteDeal', leadId: lead.id }, ['lead_deleted']],
    ];
    for (const [mutation, types] of cases) {
      const result = applyMutation(store, mutation);
      expect([mutation.op, typesOf(result.events)]).toEqual([mutation.op, types]);
      for (const id of result.events) expect(store.eventById.get(id)?.createdBy).toBe(1);
    }
    expect(store.leadById.has(lead.id)).toBe(false);
    expect(task).toMatchObject({ isCompleted: true, updatedAt: NOW + 60, updatedBy: 1 });
    const created = store.data.leads[store.data.leads.length - 1];
    expect(created).toMatchObject({ responsibleUserId: 2, createdAt: NOW + 60, createdBy: 1, closestTaskAt: null });
    const note = store.eventById.get(applyMutation(store, { op: 'createDeal', responsibleUserId: 2 }).events[0] ?? '');
    expect(note?.valueAfter).toEqual([{ note: { id: expect.any(Number) as unknown } }]);
  });

  it("moves a task's deadline, deletes a task and keeps the deal's closest_task_at true", () => {
    const { store, task, typesOf } = setup();
    const leadId = task.entityId ?? 0;
    const moved = applyMutation(store, { op: 'moveTaskDeadline', taskId: task.id, completeTill: NOW + 999, by: 3 });
    expect(typesOf(moved.events)).toEqual(['task_deadline_changed']);
    expect(store.leadById.get(leadId)?.closestTaskAt).toBe(
      Math.min(
        ...store
          .tasksOf('leads', leadId)
          .filter((t) => !t.isCompleted)
          .map((t) => t.completeTill),
      ),
    );
    const deleted = applyMutation(store, { op: 'deleteTask', taskId: task.id, by: 3 });
    expect(typesOf(deleted.events)).toEqual(['task_deleted']);
    expect(store.taskById.has(task.id)).toBe(false);
    expect(store.tasksOf('leads', leadId).some((t) => t.id === task.id)).toBe(false);
  });

  it('moves a deal to another stage and wins one, setting closed_at', () => {
    const { store, tick, lead, typesOf } = setup();
    const pipeline = store.data.pipelines.find((p) => p.id === lead.pipelineId);
    const stage = pipeline?.statuses.find((s) => s.id !== lead.statusId && !isClosedStatus(s.id));
    if (!stage) throw new Error('one-stage pipeline');
    expect(typesOf(applyMutation(store, { op: 'moveDeal', leadId: lead.id, statusId: stage.id }).events)).toEqual([
      'lead_status_changed',
    ]);
    expect(lead.closedAt).toBeNull();
    tick(5);
    applyMutation(store, { op: 'closeDeal', leadId: lead.id, outcome: 'won' });
    expect(lead).toMatchObject({ statusId: WON, closedAt: NOW + 5, updatedAt: NOW + 5 });
    expect(LOST).not.toBe(WON);
  });
});

describe('handleMutate', () => {
  it('applies a list in order and refuses a bad one with a 400 naming it', () => {
    const { store, lead } = setup();
    const ok = handleMutate(
      [
        { op: 'createTask', leadId: lead.id },
        { op: 'closeDeal', leadId: lead.id, outcome: 'won' },
      ],
      store,
    );
    expect(ok.status).toBe(200);
    expect(bodyOf<{ results: { op: string }[] }>(ok).results.map((r) => r.op)).toEqual(['createTask', 'closeDeal']);
    const bad = handleMutate([{ op: 'deleteTask', taskId: 1 }], store);
    expect(bad.status).toBe(400);
    expect(bodyOf<{ detail: string }>(bad).detail).toBe('mutation 0: no task 1');
    expect(handleMutate({ op: 'explode' }, store).status).toBe(400);
    expect(handleMutate({ op: 'createTask' }, store).status).toBe(400);
  });
});

describe('randomMutation', () => {
  it('draws valid changes of every kind, each writing at least one event', () => {
    const { store } = setup();
    const random = createRandom(7);
    const seen = new Set<string>();
    for (let i = 0; i < 400; i += 1) {
      const mutation = randomMutation(store, random);
      seen.add(mutation.op);
      expect(applyMutation(store, mutation).events.length).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual([...MUTATION_OPS].sort());
  });
});

describe('POST /_sandbox/mutate', () => {
  let sandbox: Sandbox | undefined;
  afterEach(() => sandbox?.close());

  it('changes the account over HTTP and the events list shows it', async () => {
    sandbox = createSandbox({ rateLimit: false });
    const base = (await sandbox.listen(0)).url;
    const lead = sandbox.store.data.leads.find((l) => !isClosedStatus(l.statusId));
    if (!lead) throw new Error('seed too small');
    const answer = await fetch(`${base}_sandbox/mutate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ op: 'changeResponsible', leadId: lead.id, responsibleUserId: 3, by: 2 }),
    });
    expect(answer.status).toBe(200);
    const events = await fetch(`${base}api/v4/events?filter[type]=entity_responsible_changed`, {
      headers: { cookie: 'amo_user=3' },
    });
    const body = (await events.json()) as { _embedded: { events: { entity_id: number; created_by: number }[] } };
    expect(body._embedded.events).toEqual([expect.objectContaining({ entity_id: lead.id, created_by: 2 })]);
  });
});
