import { json, problem, type ApiResponse } from './http';
import { isClosedStatus, type Lead, type Task } from './model';
import type { Random } from './random';
import type { Store } from './store';
import { MUTATION_OPS, MutationError, type Mutation, type MutationResult } from './mutation';
import { readMutation } from './readMutation';

export { MUTATION_OPS, MutationError, type Mutation, type MutationOp, type MutationResult } from './mutation';
export { readMutation } from './readMutation';

const DAY = 86_400;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The admin acts unless told otherwise: "another user" than the manager looking at the widget. */
const actor = (store: Store, by: number | undefined): number => {
  if (by === undefined) return store.data.users.find((u) => u.isAdmin)?.id ?? 1;
  if (by !== 0 && !store.data.users.some((u) => u.id === by)) throw new MutationError(`by: no user ${by}`);
  return by;
};

const leadOf = (store: Store, id: number): Lead => {
  const lead = store.leadById.get(id);
  if (!lead) throw new MutationError(`no deal ${id}`);
  return lead;
};

const taskOf = (store: Store, id: number): Task => {
  const task = store.taskById.get(id);
  if (!task) throw new MutationError(`no task ${id}`);
  return task;
};

const userOf = (store: Store, id: number): number => {
  if (!store.data.users.some((u) => u.id === id)) throw new MutationError(`no user ${id}`);
  return id;
};

/** Applies one change; throws MutationError for an unknown deal, task, user or stage. */
export const applyMutation = (store: Store, mutation: Mutation): MutationResult => {
  const firstEvent = store.events.length;
  const done = (ids: { leadId?: number; taskId?: number }): MutationResult => ({
    op: mutation.op,
    ...ids,
    events: store.events.slice(firstEvent).map((e) => e.id),
  });
  const by = actor(store, mutation.by);
  switch (mutation.op) {
    case 'createTask': {
      const lead = leadOf(store, mutation.leadId);
      const task = store.addTask(
        {
          text: mutation.text ?? 'Перезвонить',
          completeTill: mutation.completeTill ?? store.now + DAY,
          taskTypeId: mutation.taskTypeId ?? 1,
          responsibleUserId: userOf(store, mutation.responsibleUserId ?? lead.responsibleUserId),
          entityType: 'leads',
          entityId: lead.id,
          duration: 0,
        },
        by,
      );
      return done({ leadId: lead.id, taskId: task.id });
    }
    case 'completeTask': {
      const task = taskOf(store, mutation.taskId);
      store.updateTask(task, { isCompleted: true, resultText: 'Выполнено' }, by);
      return done({ taskId: task.id, leadId: task.entityType === 'leads' ? (task.entityId ?? undefined) : undefined });
    }
    case 'deleteTask': {
      const task = taskOf(store, mutation.taskId);
      store.deleteTask(task, by);
      return done({ taskId: task.id, leadId: task.entityType === 'leads' ? (task.entityId ?? undefined) : undefined });
    }
    case 'moveTaskDeadline': {
      const task = taskOf(store, mutation.taskId);
      if (!isInt(mutation.completeTill)) throw new MutationError('completeTill: a Unix time in seconds');
      store.updateTask(task, { completeTill: mutation.completeTill }, by);
      return done({ taskId: task.id, leadId: task.entityType === 'leads' ? (task.entityId ?? undefined) : undefined });
    }
    case 'createDeal': {
      const pipeline =
        mutation.pipelineId === undefined
          ? store.data.pipelines.find((p) => p.isMain)
          : store.data.pipelines.find((p) => p.id === mutation.pipelineId);
      if (!pipeline) throw new MutationError(`no pipeline ${String(mutation.pipelineId)}`);
      const status =
        mutation.statusId === undefined
          ? pipeline.statuses.find((s) => s.type === 0 && !isClosedStatus(s.id))
          : pipeline.statuses.find((s) => s.id === mutation.statusId);
      if (!status) throw new MutationError(`no stage ${String(mutation.statusId)} in pipeline ${pipeline.id}`);
      const lead = store.addLead(
        {
          name: mutation.name ?? 'Новая сделка',
          price: mutation.price ?? 0,
          responsibleUserId: userOf(store, mutation.responsibleUserId),
          pipelineId: pipeline.id,
          statusId: status.id,
          contactId: null,
        },
        by,
      );
      return done({ leadId: lead.id });
    }
    case 'moveDeal': {
      const lead = leadOf(store, mutation.leadId);
      const pipelineId = mutation.pipelineId ?? lead.pipelineId;
      const pipeline = store.data.pipelines.find((p) => p.id === pipelineId);
      if (!pipeline?.statuses.some((s) => s.id === mutation.statusId))
        throw new MutationError(`no stage ${mutation.statusId} in pipeline ${pipelineId}`);
      store.updateLead(lead, { statusId: mutation.statusId, pipelineId }, by);
      return done({ leadId: lead.id });
    }
    case 'closeDeal': {
      const lead = leadOf(store, mutation.leadId);
      store.closeLead(lead, mutation.outcome === 'won', by);
      return done({ leadId: lead.id });
    }
    case 'deleteDeal': {
      const lead = leadOf(store, mutation.leadId);
      store.deleteLead(lead, by);
      return done({ leadId: lead.id });
    }
    case 'changeResponsible': {
      const lead = leadOf(store, mutation.leadId);
      store.updateLead(lead, { responsibleUserId: userOf(store, mutation.responsibleUserId) }, by);
      return done({ leadId: lead.id });
    }
  }
};

/**
 * Draws one valid change for the store as it is now (not applied: pass it to `applyMutation`). Every kind of
 * change is drawn; the targets favour open deals and open tasks on deals, the ones a check cares about.
 */
export const randomMutation = (store: Store, random: Random): Mutation => {
  const users = store.data.users.map((u) => u.id);
  const by = random.pick(users);
  const openLeads = store.data.leads.filter((l) => !isClosedStatus(l.statusId));
  const openTasks = store.data.tasks.filter((t) => !t.isCompleted && t.entityType === 'leads');
  const kinds = MUTATION_OPS.filter((op) => {
    if (op === 'completeTask' || op === 'deleteTask' || op === 'moveTaskDeadline') return openTasks.length > 0;
    if (op === 'createDeal') return true;
    return openLeads.length > 0;
  });
  const op = random.pick(kinds);
  const lead = openLeads.length > 0 ? random.pick(openLeads) : undefined;
  const task = openTasks.length > 0 ? random.pick(openTasks) : undefined;
  const leadId = lead?.id ?? 0;
  const taskId = task?.id ?? 0;
  // Due times on both sides of "now", so tasks become overdue, due today or future.
  const due = store.now + random.int(-3, 7) * DAY + random.int(0, 23) * 3600;
  switch (op) {
    case 'createTask':
      return { op, leadId, responsibleUserId: random.pick(users), completeTill: due, by };
    case 'completeTask':
    case 'deleteTask':
      return { op, taskId, by };
    case 'moveTaskDeadline':
      return { op, taskId, completeTill: due, by };
    case 'createDeal': {
      const pipeline = random.pick(store.data.pipelines);
      const stage = random.pick(pipeline.statuses.filter((s) => !isClosedStatus(s.id)));
      return { op, responsibleUserId: random.pick(users), pipelineId: pipeline.id, statusId: stage.id, by };
    }
    case 'moveDeal': {
      const pipeline = store.data.pipelines.find((p) => p.id === lead?.pipelineId) ?? random.pick(store.data.pipelines);
      const open = pipeline.statuses.filter((s) => !isClosedStatus(s.id));
      const others = open.filter((s) => s.id !== lead?.statusId);
      const stage = random.pick(others.length > 0 ? others : open);
      return { op, leadId, statusId: stage.id, pipelineId: pipeline.id, by };
    }
    case 'closeDeal':
      return { op, leadId, outcome: random.next() < 0.5 ? 'won' : 'lost', by };
    case 'deleteDeal':
      return { op, leadId, by };
    case 'changeResponsible':
      return {
        op,
        leadId,
        responsibleUserId: random.pick(users.length > 1 ? users.filter((u) => u !== lead?.responsibleUserId) : users),
        by,
      };
  }
};

/**
 * `POST /_sandbox/mutate`: one mutation `{op, ...}` or a list of them, applied in order; answers
 * `{results: [{op, leadId?, taskId?, events: [id]}]}`, or a 400 problem naming the first bad one (the ones before
 * it stay applied).
 */
export const handleMutate = (body: unknown, store: Store): ApiResponse => {
  const items = Array.isArray(body) ? (body as unknown[]) : [body];
  const results: MutationResult[] = [];
  for (const [index, item] of items.entries()) {
    try {
      results.push(applyMutation(store, readMutation(item)));
    } catch (error) {
      if (!(error instanceof MutationError)) throw error;
      return problem(400, 'Bad Request', `mutation ${index}: ${error.message}`, { results });
    }
  }
  return json(200, { results }, { 'content-type': 'application/json' });
};
