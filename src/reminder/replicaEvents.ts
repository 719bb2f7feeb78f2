/**
 * What the events list says, applied to the replica (pure). The types and their `value_before` / `value_after`
 * shapes are the ones of GitHub `biradrags/amo-docs` `amocrm_docs_md/crm_platform/events-and-notes.md`
 * ("Структуры данных в полях value_after и value_before"); docs/incremental-checks.md, section 2, is the plan this
 * follows. What an event cannot settle alone (a deal that arrives, a task whose deal is not known) is returned
 * as ids to read; `incremental.ts` reads them and hands the answers back here.
 */
import type { Config } from './config';
import { isCandidate, isInScope, isOpen, lacksNextStep, type Deal, type OpenTask, type Stage } from './policy';
import { dropDeal, OVERLAP_S, refreshClosest, type Replica } from './replica';
import { flag, type FlaggedDeal } from './scan';

/** The event types a check asks for (`filter[type][]`). */
export const FEED_TYPES = [
  'lead_added',
  'lead_deleted',
  'lead_restored',
  'lead_status_changed',
  'entity_responsible_changed',
  'task_added',
  'task_completed',
  'task_deleted',
  'task_deadline_changed',
] as const;

export interface FeedEvent {
  id: string;
  type: string;
  entityType: string;
  entityId: number;
  createdAt: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0;
const firstOf = (value: unknown): Dict => (Array.isArray(value) && isDict(value[0]) ? value[0] : {});

/** Narrows one record of `GET /api/v4/events`. */
export const readEvent = (raw: unknown): FeedEvent | undefined => {
  if (!isDict(raw) || typeof raw.id !== 'string' || typeof raw.type !== 'string' || !num(raw.entity_id))
    return undefined;
  return {
    id: raw.id,
    type: raw.type,
    entityType: typeof raw.entity_type === 'string' ? raw.entity_type : '',
    entityId: num(raw.entity_id),
    createdAt: num(raw.created_at),
    before: firstOf(raw.value_before),
    after: firstOf(raw.value_after),
  };
};

/** What the events left to read. */
export interface FeedWork {
  /** Deals that may have become the user's (new, restored, re-opened, handed over): read them. */
  deals: Set<number>;
  /** Tasks the replica does not know (added, or changed on a deal whose tasks are not known): look them up. */
  tasks: Set<number>;
  /** Of those, the ones only added (no other change seen): on a deal whose tasks are not known they can only
   * bring its closest task nearer, so no need to read the deal's tasks. */
  added: Set<number>;
}

const applyLead = (replica: Replica, event: FeedEvent, work: FeedWork): void => {
  const deal = replica.deals.get(event.entityId);
  switch (event.type) {
    case 'lead_deleted':
      dropDeal(replica, event.entityId);
      work.deals.delete(event.entityId);
      return;
    case 'lead_added':
    case 'lead_restored':
      work.deals.add(event.entityId);
      return;
    case 'lead_status_changed': {
      const after = isDict(event.after.lead_status) ? event.after.lead_status : {};
      const before = isDict(event.before.lead_status) ? event.before.lead_status : {};
      if (deal && num(after.id)) {
        deal.statusId = num(after.id);
        deal.pipelineId = num(after.pipeline_id) || deal.pipelineId;
        deal.updatedAt = Math.max(deal.updatedAt, event.createdAt);
        if (!isOpen(deal)) dropDeal(replica, deal.id);
      } else if (!deal && (!num(before.id) || !isOpen({ statusId: num(before.id) }))) {
        // A closed deal re-opened may be ours; an open one the replica does not hold is someone else's.
        work.deals.add(event.entityId);
      }
      return;
    }
    case 'entity_responsible_changed': {
      const after = isDict(event.after.responsible_user) ? num(event.after.responsible_user.id) : 0;
      if (after !== replica.userId) {
        dropDeal(replica, event.entityId);
        work.deals.delete(event.entityId);
      } else if (deal) deal.updatedAt = Math.max(deal.updatedAt, event.createdAt);
      else work.deals.add(event.entityId);
      return;
    }
  }
};

const applyTask = (replica: Replica, event: FeedEvent, work: FeedWork): void => {
  const task = replica.tasks.get(event.entityId);
  switch (event.type) {
    case 'task_completed':
    case 'task_deleted':
      if (task) {
        replica.tasks.delete(task.id);
        refreshClosest(replica, [task.entityId]);
      } else if (event.type === 'task_completed') work.tasks.add(event.entityId);
      work.added.delete(event.entityId);
      // A deleted task the replica never held cannot be looked up: the hourly reconcile catches it.
      return;
    case 'task_deadline_changed': {
      const till = isDict(event.after.task_deadline) ? num(event.after.task_deadline.timestamp) : 0;
      if (task && till) {
        task.completeTill = till;
        refreshClosest(replica, [task.entityId]);
      } else work.tasks.add(event.entityId);
      work.added.delete(event.entityId);
      return;
    }
    case 'task_added':
      work.tasks.add(event.entityId);
      work.added.add(event.entityId);
      return;
  }
};

/**
 * Applies the events not seen before, oldest first (by `created_at`, then id: amoCRM's ids are ULIDs, sortable
 * by time; the list's own order is not documented), and moves the cursor to `to` (Unix seconds).
 */
export const applyEvents = (replica: Replica, events: readonly FeedEvent[], to: number): FeedWork => {
  const work: FeedWork = { deals: new Set(), tasks: new Set(), added: new Set() };
  const fresh = events
    .filter((e) => !replica.seen.has(e.id))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const event of fresh) {
    if (event.entityType === 'lead') applyLead(replica, event, work);
    else if (event.entityType === 'task') applyTask(replica, event, work);
    replica.seen.set(event.id, event.createdAt);
  }
  for (const [id, at] of replica.seen) if (at < to - OVERLAP_S) replica.seen.delete(id);
  replica.cursor = Math.max(replica.cursor, to);
  return work;
};

/**
 * The deals read by id (the ones that did not answer are gone): the user's open ones replace what the replica had
 * (their tasks are known only when they have none), the rest leave it.
 */
export const applyDeals = (replica: Replica, asked: Iterable<number>, found: readonly Deal[]): void => {
  const byId = new Map(found.map((deal) => [deal.id, deal]));
  for (const id of asked) {
    const deal = byId.get(id);
    dropDeal(replica, id);
    if (!deal || deal.responsibleUserId !== replica.userId || !isOpen(deal)) continue;
    replica.deals.set(id, deal);
    // Just read: `closest_task_at` null means no open task at all (docs/incremental-checks.md, section 2).
    if (deal.closestTaskAt === null) replica.known.add(id);
  }
};

/** A task as a lookup by id returns it, completed or not. */
export interface LookedUpTask extends OpenTask {
  completed: boolean;
}

/**
 * Tasks looked up by id: on a deal whose tasks are known the replica takes the answer as it is; on any other deal
 * of the replica the deal's tasks must be read again (returned), since `closest_task_at` may have moved.
 */
export const applyTasks = (
  replica: Replica,
  found: readonly LookedUpTask[],
  added: ReadonlySet<number> = new Set(),
): number[] => {
  const reread = new Set<number>();
  for (const task of found) {
    const deal = replica.deals.get(task.entityId);
    if (task.entityType !== 'leads' || !deal) {
      replica.tasks.delete(task.id);
      continue;
    }
    if (!replica.known.has(deal.id)) {
      // A new open task only brings the closest one nearer; anything else may have moved it away.
      if (added.has(task.id) && !task.completed)
        deal.closestTaskAt =
          deal.closestTaskAt === null ? task.completeTill : Math.min(deal.closestTaskAt, task.completeTill);
      else reread.add(deal.id);
      continue;
    }
    if (task.completed) replica.tasks.delete(task.id);
    else
      replica.tasks.set(task.id, {
        id: task.id,
        entityType: 'leads',
        entityId: task.entityId,
        completeTill: task.completeTill,
      });
    refreshClosest(replica, [task.entityId]);
  }
  return [...reread];
};

/** Deals of the check whose tasks must be read: in scope, not known, and `closest_task_at` does not settle them. */
export const unsettled = (
  replica: Replica,
  config: Config,
  stages: ReadonlyMap<string, Stage>,
  now: number,
): number[] =>
  [...replica.deals.values()]
    .filter(
      (deal) =>
        !replica.known.has(deal.id) &&
        isInScope(deal, replica.userId, config, stages, now) &&
        isCandidate(deal, config, now),
    )
    .map((deal) => deal.id);

/** The deals without a next step, as a full check would list them, oldest first. */
export const flaggedOf = (
  replica: Replica,
  config: Config,
  stages: ReadonlyMap<string, Stage>,
  now: number,
): FlaggedDeal[] => {
  const byDeal = new Map<number, OpenTask[]>();
  for (const task of replica.tasks.values()) {
    const list = byDeal.get(task.entityId) ?? [];
    list.push(task);
    byDeal.set(task.entityId, list);
  }
  return [...replica.deals.values()]
    .filter((deal) => isInScope(deal, replica.userId, config, stages, now))
    .filter((deal) =>
      replica.known.has(deal.id)
        ? lacksNextStep(deal, byDeal.get(deal.id) ?? [], config, now)
        : isCandidate(deal, config, now),
    )
    .map((deal) => flag(deal, stages, now))
    .sort((a, b) => a.since - b.since || a.id - b.id);
};
