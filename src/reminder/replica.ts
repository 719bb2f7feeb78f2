/**
 * The local replica of one user's open deals and their open tasks: what an incremental check updates from amoCRM's
 * events list instead of reading every deal again (the path and its sources: docs/incremental-checks.md). Pure: the
 * storage edge is `host/replicaStore.ts`, the reads are `incremental.ts`.
 *
 * Kept in localStorage as one compact JSON string (tuples, not objects). localStorage rather than IndexedDB: the
 * leader tab reads it once, synchronously, when it takes over, and writes it once per check; it holds a few
 * hundred kilobytes for a manager with thousands of deals, far below the origin's quota; IndexedDB would add an
 * asynchronous open, its own schema upgrades and a second failure mode for no gain at this size.
 */
import type { Deal, OpenTask } from './policy';

/** Bumped whenever the encoding changes: an older or newer replica is discarded (a full check rebuilds it). */
export const REPLICA_VERSION = 1;
/** Events are re-read this far back (seconds) and de-duplicated by id: amoCRM's clock and ours may disagree. */
export const OVERLAP_S = 60;

export interface Replica {
  accountId: number;
  userId: number;
  /** The account had the API-filtering add-on when the replica was built (the path depends on it). */
  filtered: boolean;
  /** When (ms) the last full check built it. */
  fullAt: number;
  /** When (ms) it was last reconciled with the server (a full check counts). */
  reconciledAt: number;
  /** Events are read from here (Unix seconds, minus the overlap). */
  cursor: number;
  /** Event ids already applied, with their `created_at`, inside the overlap window. */
  seen: Map<string, number>;
  /** The user's open deals (every stage but won and lost), by id. */
  deals: Map<number, Deal>;
  /** Open tasks on the deals of `known`, by task id. */
  tasks: Map<number, OpenTask>;
  /** Deals whose open tasks are all in `tasks`; for the others only `closestTaskAt` is known. */
  known: Set<number>;
}

export const emptyReplica = (accountId: number, userId: number, filtered: boolean): Replica => ({
  accountId,
  userId,
  filtered,
  fullAt: 0,
  reconciledAt: 0,
  cursor: 0,
  seen: new Map(),
  deals: new Map(),
  tasks: new Map(),
  known: new Set(),
});

/** A copy to work on: a check that fails half-way leaves the replica it started from. */
export const cloneReplica = (replica: Replica): Replica => ({
  ...replica,
  seen: new Map(replica.seen),
  deals: new Map([...replica.deals].map(([id, deal]) => [id, { ...deal }])),
  tasks: new Map([...replica.tasks].map(([id, task]) => [id, { ...task }])),
  known: new Set(replica.known),
});

/** Drops a deal and what the replica knows of its tasks. */
export const dropDeal = (replica: Replica, dealId: number): void => {
  replica.deals.delete(dealId);
  replica.known.delete(dealId);
  for (const [id, task] of replica.tasks) if (task.entityId === dealId) replica.tasks.delete(id);
};

/** Sets the open tasks of some deals as read from the server; they become known. */
export const setTasksOf = (replica: Replica, dealIds: readonly number[], tasks: readonly OpenTask[]): void => {
  const ids = new Set(dealIds);
  for (const [id, task] of replica.tasks) if (ids.has(task.entityId)) replica.tasks.delete(id);
  for (const id of ids) if (replica.deals.has(id)) replica.known.add(id);
  for (const task of tasks)
    if (task.entityType === 'leads' && replica.known.has(task.entityId) && ids.has(task.entityId))
      replica.tasks.set(task.id, task);
  refreshClosest(replica, ids);
};

/** `closest_task_at` of known deals, from their open tasks (as amoCRM computes it: the earliest due time). */
export const refreshClosest = (replica: Replica, dealIds: Iterable<number>): void => {
  const ids = new Set([...dealIds].filter((id) => replica.known.has(id)));
  const closest = new Map<number, number>();
  for (const task of replica.tasks.values()) {
    if (!ids.has(task.entityId)) continue;
    const current = closest.get(task.entityId);
    if (current === undefined || task.completeTill < current) closest.set(task.entityId, task.completeTill);
  }
  for (const id of ids) {
    const deal = replica.deals.get(id);
    if (deal) deal.closestTaskAt = closest.get(id) ?? null;
  }
};

// The stored shape: [id, name, price, responsible, pipeline, status, created, updated, closest] per deal and
// [id, deal, completeTill] per task. Contacts and companies are not kept: with "tasks on the contact count" on,
// the engine checks the old way (see incremental.ts).
type DealTuple = [number, string, number, number, number, number, number, number, number | null];
type TaskTuple = [number, number, number];
interface Stored {
  v: number;
  a: number;
  u: number;
  f: boolean;
  full: number;
  rec: number;
  cur: number;
  seen: [string, number][];
  d: DealTuple[];
  t: TaskTuple[];
  k: number[];
}

export const encodeReplica = (replica: Replica): string => {
  const stored: Stored = {
    v: REPLICA_VERSION,
    a: replica.accountId,
    u: replica.userId,
    f: replica.filtered,
    full: replica.fullAt,
    rec: replica.reconciledAt,
    cur: replica.cursor,
    seen: [...replica.seen],
    d: [...replica.deals.values()].map((d) => [
      d.id,
      d.name,
      d.price,
      d.responsibleUserId,
      d.pipelineId,
      d.statusId,
      d.createdAt,
      d.updatedAt,
      d.closestTaskAt,
    ]),
    t: [...replica.tasks.values()].map((t) => [t.id, t.entityId, t.completeTill]),
    k: [...replica.known],
  };
  return JSON.stringify(stored);
};

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);
const isNum = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isDealTuple = (value: unknown): value is DealTuple =>
  Array.isArray(value) &&
  value.length === 9 &&
  isInt(value[0]) &&
  value[0] > 0 &&
  typeof value[1] === 'string' &&
  value.slice(2, 8).every(isNum) &&
  (value[8] === null || isNum(value[8]));
const isTaskTuple = (value: unknown): value is TaskTuple =>
  Array.isArray(value) && value.length === 3 && value.every(isInt) && (value[0] as number) > 0;
const isSeen = (value: unknown): value is [string, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isInt(value[1]);

/**
 * Reads a stored replica; `undefined` when it is not one of ours in this version, belongs to another account or
 * user, or is damaged in any way (one bad entry discards the whole: a partial replica would hide deals).
 */
export const decodeReplica = (text: string, accountId: number, userId: number): Replica | undefined => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Partial<Stored>;
  if (s.v !== REPLICA_VERSION || s.a !== accountId || s.u !== userId || typeof s.f !== 'boolean') return undefined;
  if (!isNum(s.full) || !isNum(s.rec) || !isInt(s.cur)) return undefined;
  if (![s.seen, s.d, s.t, s.k].every(Array.isArray)) return undefined;
  const { seen = [], d = [], t = [], k = [] } = s;
  if (!seen.every(isSeen) || !d.every(isDealTuple) || !t.every(isTaskTuple) || !k.every(isInt)) return undefined;
  const replica = emptyReplica(accountId, userId, s.f);
  replica.fullAt = s.full;
  replica.reconciledAt = s.rec;
  replica.cursor = s.cur;
  replica.seen = new Map(seen);
  for (const [id, name, price, responsible, pipeline, status, created, updated, closest] of d) {
    // Only the user's own deals are ever stored: anything else means the data is not what we wrote.
    if (responsible !== userId) return undefined;
    replica.deals.set(id, {
      id,
      name,
      price,
      responsibleUserId: responsible,
      pipelineId: pipeline,
      statusId: status,
      createdAt: created,
      updatedAt: updated,
      closestTaskAt: closest,
      contactIds: [],
      companyIds: [],
    });
  }
  for (const id of k) if (replica.deals.has(id)) replica.known.add(id);
  for (const [id, deal, till] of t) {
    if (!replica.known.has(deal)) return undefined;
    replica.tasks.set(id, { id, entityType: 'leads', entityId: deal, completeTill: till });
  }
  return replica;
};
