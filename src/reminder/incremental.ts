/**
 * The incremental engine: a check costs what changed, not what exists. The first check of the day builds the
 * replica (`replica.ts`) with a full read; later checks read the events list since the last one
 * (`replicaEvents.ts`), and a reconcile at most once an hour catches what the feed cannot show (a deleted task the
 * replica never held, a re-opened or re-linked task). The path per kind of account, with its sources and the
 * requests it costs: docs/incremental-checks.md.
 */
import type { Api } from '../host/api';
import type { ReplicaStore } from '../host/replicaStore';
import type { Config } from './config';
import { isInScope, isOpen, type Deal, type Stage } from './policy';
import {
  cloneReplica,
  decodeReplica,
  emptyReplica,
  encodeReplica,
  setTasksOf,
  OVERLAP_S,
  type Replica,
} from './replica';
import {
  applyDeals,
  applyEvents,
  applyTasks,
  FEED_TYPES,
  flaggedOf,
  readEvent,
  unsettled,
  type FeedEvent,
  type LookedUpTask,
} from './replicaEvents';
import { BATCH, PAGE, readDeal, readTask, type FlaggedDeal, type ScanAccount } from './scan';
import { dayOf } from './snooze';

/** A reconcile at most this often (ms). */
export const RECONCILE_MS = 60 * 60_000;
/** amoCRM's events list gives at most 100 a page (`events-and-notes.md`: "Максимум – 100"). */
export const EVENTS_PAGE = 100;

export type CheckMode = 'full' | 'reconcile' | 'incremental';

export interface EngineResult {
  deals: FlaggedDeal[];
  mode: CheckMode;
  /** Requests this check sent. */
  requests: number;
}

export interface EngineOptions {
  api: Api;
  accountId: number;
  userId: number;
  timezone: string;
  config: Config;
  store: ReplicaStore;
}

export interface Engine {
  /**
   * One check. `scheduled`: the day's first is full, then an hourly reconcile, else incremental. `quick`
   * (navigation, a task created): incremental only; `undefined` when there is no replica to update.
   */
  check(kind: 'scheduled' | 'quick', account: ScanAccount, now: number): Promise<EngineResult | undefined>;
  /** Forgets the replica in memory; the next check reads the stored one (another tab may have moved it on). */
  reload(): void;
  /** The user changed this deal's tasks here: the next check reads them again, whatever the feed says. */
  touch(dealId: number): void;
}

/** More open stages than this go as a pipeline filter (narrowed locally), like scan.ts does. */
const MAX_STATUS_FILTERS = 40;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** The deals list of a full check: with the add-on the user's deals in open stages, without it every deal. */
const dealQuery = (userId: number, account: ScanAccount): Record<string, string | number | number[]> => {
  const query: Record<string, string | number | number[]> = { limit: PAGE };
  // Without the add-on the filters are not applied (filters-api.md): sending them would only mislead a reader.
  if (!account.filtered) return query;
  query['filter[responsible_user_id]'] = userId;
  const open = [...account.stages.values()].filter((s) => isOpen(s));
  if (open.length > 0 && open.length <= MAX_STATUS_FILTERS) {
    open.forEach((stage, i) => {
      query[`filter[statuses][${i}][pipeline_id]`] = stage.pipelineId;
      query[`filter[statuses][${i}][status_id]`] = stage.statusId;
    });
  } else if (open.length > 0) query['filter[pipeline_id][]'] = [...new Set(open.map((s) => s.pipelineId))];
  return query;
};

export const createEngine = (options: EngineOptions): Engine => {
  const { api, accountId, userId, timezone, config, store } = options;
  let replica: Replica | undefined;
  let loaded = false;
  const touched = new Set<number>();

  const load = () => {
    if (loaded) return;
    loaded = true;
    const text = store.read();
    if (text === undefined) return;
    replica = decodeReplica(text, accountId, userId);
    // Corrupt, foreign or of another version: never shown, gone, and the next check is a full one.
    if (!replica) store.remove();
  };

  /** Reads the open tasks of `dealIds` (and of every deal the policy cannot settle without them). */
  const settle = async (r: Replica, stages: ReadonlyMap<string, Stage>, now: number, extra: Iterable<number> = []) => {
    const ids = [...new Set([...extra, ...unsettled(r, config, stages, now)])].filter((id) => r.deals.has(id));
    for (const batch of chunks(ids, BATCH)) {
      const raw = await api.getAll(
        '/api/v4/tasks',
        { 'filter[is_completed]': 0, 'filter[entity_type]': 'leads', 'filter[entity_id][]': batch, limit: PAGE },
        'tasks',
      );
      const tasks = raw.flatMap((item) => readTask(item) ?? []);
      setTasksOf(r, batch, tasks);
    }
  };

  /** The replica's deals the policy watches now. */
  const inScope = (r: Replica, account: ScanAccount, now: number): number[] =>
    [...r.deals.values()].filter((d) => isInScope(d, userId, config, account.stages, now)).map((d) => d.id);

  const full = async (account: ScanAccount, now: number): Promise<Replica> => {
    const r = emptyReplica(accountId, userId, account.filtered);
    for (const item of await api.getAll('/api/v4/leads', dealQuery(userId, account), 'leads')) {
      const deal = readDeal(item);
      if (deal && deal.responsibleUserId === userId && isOpen(deal)) r.deals.set(deal.id, deal);
    }
    // Without the add-on a task changed elsewhere on a deal whose tasks were not read costs a request of its own
    // (deals are read one by one there): the full check reads the tasks of every deal in scope, as the hourly
    // reconcile does, so the checks between them read only what the events name.
    await settle(r, account.stages, now, account.filtered ? [] : inScope(r, account, now));
    // Events from the start of this check on are read by the next one: a change made while the deals were being
    // paged is applied then.
    r.cursor = Math.floor(now / 1000);
    r.fullAt = now;
    r.reconciledAt = now;
    return r;
  };

  const readDeals = async (ids: readonly number[], filtered: boolean): Promise<Deal[]> => {
    const deals: Deal[] = [];
    if (filtered) {
      for (const batch of chunks(ids, BATCH)) {
        const raw = await api.getAll('/api/v4/leads', { 'filter[id][]': batch, limit: PAGE }, 'leads');
        deals.push(...raw.flatMap((item) => readDeal(item) ?? []).filter((d) => batch.includes(d.id)));
      }
    } else {
      // Never `filter[id]` without the add-on: ignored, it would answer with the first page of every deal.
      for (const id of ids) {
        const deal = readDeal(await api.get(`/api/v4/leads/${id}`));
        if (deal?.id === id) deals.push(deal);
      }
    }
    return deals;
  };

  const lookUpTasks = async (ids: readonly number[]): Promise<LookedUpTask[]> => {
    const found: LookedUpTask[] = [];
    for (const batch of chunks(ids, BATCH)) {
      const raw = await api.getAll('/api/v4/tasks', { 'filter[id][]': batch, limit: PAGE }, 'tasks');
      for (const item of raw) {
        if (typeof item !== 'object' || item === null) continue;
        const record = item as Record<string, unknown>;
        const completed = record.is_completed === true;
        // readTask keeps open tasks only; a lookup needs the completed ones too.
        const task = readTask({ ...record, is_completed: false });
        if (task && batch.includes(task.id)) found.push({ ...task, completed });
      }
    }
    return found;
  };

  const incremental = async (from: Replica, account: ScanAccount, now: number): Promise<Replica> => {
    const r = cloneReplica(from);
    const to = Math.floor(now / 1000);
    const raw = await api.getAll(
      '/api/v4/events',
      {
        'filter[type][]': [...FEED_TYPES],
        'filter[created_at][from]': Math.max(0, r.cursor - OVERLAP_S),
        'filter[created_at][to]': to,
        limit: EVENTS_PAGE,
      },
      'events',
    );
    const events = raw.flatMap((item): FeedEvent[] => {
      const event = readEvent(item);
      return event ? [event] : [];
    });
    const work = applyEvents(r, events, to);
    // Tasks first: a task changed on a deal whose tasks were not read makes that deal read again. With the add-on
    // that deal goes into the one deals request (its fresh `closest_task_at` settles it, as in a full check), so a
    // busy interval costs events + tasks + deals; without it a deal costs a request of its own, and its open tasks
    // (one request for up to 50 deals) are read instead.
    const reread = work.tasks.size > 0 ? applyTasks(r, await lookUpTasks([...work.tasks]), work.added) : [];
    const asked = new Set([...work.deals, ...(account.filtered ? reread : [])]);
    if (asked.size > 0) applyDeals(r, asked, await readDeals([...asked], account.filtered));
    await settle(r, account.stages, now, [...(account.filtered ? [] : reread), ...touched]);
    return r;
  };

  /** Without the add-on a full check reads every deal of the account: the hourly reconcile re-reads tasks only. */
  const reconcile = async (from: Replica, account: ScanAccount, now: number): Promise<Replica> => {
    if (account.filtered) return full(account, now);
    const r = await incremental(from, account, now);
    await settle(r, account.stages, now, inScope(r, account, now));
    r.reconciledAt = now;
    return r;
  };

  return {
    async check(kind, account, now) {
      load();
      const before = api.sent;
      const usable = replica !== undefined && replica.filtered === account.filtered;
      let mode: CheckMode;
      if (kind === 'quick') {
        if (!usable) return undefined;
        mode = 'incremental';
      } else if (!usable || !replica || dayOf(replica.fullAt, timezone) !== dayOf(now, timezone)) mode = 'full';
      else mode = now - replica.reconciledAt >= RECONCILE_MS ? 'reconcile' : 'incremental';
      const current = replica;
      const next =
        mode === 'full' || !current
          ? await full(account, now)
          : mode === 'reconcile'
            ? await reconcile(current, account, now)
            : await incremental(current, account, now);
      replica = next;
      touched.clear();
      store.write(encodeReplica(next));
      return { deals: flaggedOf(next, config, account.stages, now), mode, requests: api.sent - before };
    },
    reload() {
      replica = undefined;
      loaded = false;
    },
    touch(dealId) {
      touched.add(dealId);
    },
  };
};
