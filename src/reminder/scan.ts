import type { Api } from '../host/api';
import type { Config } from './config';
import {
  isCandidate,
  isInScope,
  isWatchedStage,
  lacksNextStep,
  stageKey,
  taskCounts,
  withoutTaskSince,
  type Deal,
  type OpenTask,
  type Stage,
} from './policy';

/** A deal without a next step, ready to show. */
export interface FlaggedDeal extends Pick<
  Deal,
  'id' | 'name' | 'price' | 'responsibleUserId' | 'pipelineId' | 'statusId' | 'createdAt'
> {
  pipelineName: string;
  stageName: string;
  /** Since when (ms) it has been without a next step (an estimate, see `withoutTaskSince`). */
  since: number;
}

export interface ScanResult {
  deals: FlaggedDeal[];
  checkedAt: number;
  /** Requests this check sent. */
  requests: number;
}

export interface ScanProgress {
  phase: 'deals' | 'tasks';
  done: number;
  /** Known for the task phase; the deals phase has no total (amoCRM gives no count). */
  total?: number;
}

export interface ScanInput {
  /** Whose deals: one user, or `null` for every user (the team report). */
  responsible: number | null;
  config: Config;
  now: number;
  onProgress?: (progress: ScanProgress) => void;
  /**
   * The account's facts a check needs besides the deals (filter add-on, stages), when the caller keeps them between
   * checks; without them the check reads both (2 requests).
   */
  account?: ScanAccount;
}

/** What a full check learns about the account before it reads any deal. */
export interface ScanAccount {
  /** The API filtering add-on is on: the deal filters are honoured. */
  filtered: boolean;
  stages: Map<string, Stage>;
}

/** amoCRM's page limit; more answers 422. */
export const PAGE = 250;
/** Deal ids per tasks request: keeps the URL short and each batch well inside one page of tasks. */
export const BATCH = 50;
/** More watched stages than this go as a pipeline filter (and are narrowed here) to keep the URL short. */
const MAX_STATUS_FILTERS = 40;

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null;
const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : Number(value) || 0;
const ids = (list: unknown): number[] =>
  Array.isArray(list) ? list.map((item) => (isDict(item) ? num(item.id) : 0)).filter(Boolean) : [];

/** Narrows one lead of `GET /api/v4/leads`. */
export const readDeal = (raw: unknown): Deal | undefined => {
  if (!isDict(raw) || !num(raw.id) || raw.is_deleted === true) return undefined;
  const embedded = isDict(raw._embedded) ? raw._embedded : {};
  return {
    id: num(raw.id),
    name: typeof raw.name === 'string' ? raw.name : `#${num(raw.id)}`,
    price: num(raw.price),
    responsibleUserId: num(raw.responsible_user_id),
    pipelineId: num(raw.pipeline_id),
    statusId: num(raw.status_id),
    createdAt: num(raw.created_at),
    updatedAt: num(raw.updated_at),
    closestTaskAt: raw.closest_task_at === null || raw.closest_task_at === undefined ? null : num(raw.closest_task_at),
    contactIds: ids(embedded.contacts),
    companyIds: ids(embedded.companies),
  };
};

/** Narrows one open task of `GET /api/v4/tasks`. */
export const readTask = (raw: unknown): OpenTask | undefined => {
  if (!isDict(raw) || !num(raw.id) || raw.is_completed === true) return undefined;
  return {
    id: num(raw.id),
    entityType: typeof raw.entity_type === 'string' ? raw.entity_type : '',
    entityId: num(raw.entity_id),
    completeTill: num(raw.complete_till),
  };
};

/** Narrows `GET /api/v4/leads/pipelines` into a stage table keyed by `pipeline:status`. */
export const readStages = (raw: unknown): Map<string, Stage> => {
  const stages = new Map<string, Stage>();
  const pipelines = isDict(raw) && isDict(raw._embedded) ? raw._embedded.pipelines : undefined;
  if (!Array.isArray(pipelines)) return stages;
  for (const pipeline of pipelines) {
    if (!isDict(pipeline)) continue;
    const statuses = isDict(pipeline._embedded) ? pipeline._embedded.statuses : undefined;
    if (!Array.isArray(statuses)) continue;
    for (const status of statuses) {
      if (!isDict(status)) continue;
      const stage: Stage = {
        pipelineId: num(pipeline.id),
        statusId: num(status.id),
        name: typeof status.name === 'string' ? status.name : '',
        pipelineName: typeof pipeline.name === 'string' ? pipeline.name : '',
        unsorted: num(status.type) === 1,
      };
      stages.set(stageKey(stage.pipelineId, stage.statusId), stage);
    }
  }
  return stages;
};

/** Loads the account's pipelines and stages (one request). */
export const loadStages = async (api: Api): Promise<Map<string, Stage>> =>
  readStages(await api.get('/api/v4/leads/pipelines'));

/** Whether the account has the API filtering add-on (one request); without it, filters may be ignored. */
const hasApiFilter = async (api: Api): Promise<boolean> => {
  const account = await api.get('/api/v4/account', { with: 'is_api_filter_enabled' });
  return isDict(account) && account.is_api_filter_enabled === true;
};

/** The account's filter add-on and its stages (2 requests); callers that check often keep the answer. */
export const loadScanAccount = async (api: Api): Promise<ScanAccount> => ({
  filtered: await hasApiFilter(api),
  stages: await loadStages(api),
});

const dealQuery = (
  input: ScanInput,
  stages: Map<string, Stage>,
  filtered: boolean,
): Record<string, string | number | number[]> => {
  const query: Record<string, string | number | number[]> = { limit: PAGE };
  if (input.config.linkedTasksCount) query.with = 'contacts';
  if (!filtered) return query;
  if (input.responsible !== null) query['filter[responsible_user_id]'] = input.responsible;
  const watched = [...stages.values()].filter((s) => isWatchedStage(s.pipelineId, s.statusId, input.config, stages));
  if (watched.length > 0 && watched.length <= MAX_STATUS_FILTERS) {
    watched.forEach((stage, i) => {
      query[`filter[statuses][${i}][pipeline_id]`] = stage.pipelineId;
      query[`filter[statuses][${i}][status_id]`] = stage.statusId;
    });
  } else if (watched.length > 0) {
    query['filter[pipeline_id][]'] = [...new Set(watched.map((s) => s.pipelineId))];
  }
  return query;
};

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Open tasks on the given entities, in batches of BATCH ids. */
const openTasks = async (
  api: Api,
  entityType: 'leads' | 'contacts' | 'companies',
  entityIds: readonly number[],
  onBatch?: () => void,
): Promise<OpenTask[]> => {
  const tasks: OpenTask[] = [];
  for (const batch of chunks(entityIds, BATCH)) {
    const raw = await api.getAll(
      '/api/v4/tasks',
      { 'filter[is_completed]': 0, 'filter[entity_type]': entityType, 'filter[entity_id][]': batch, limit: PAGE },
      'tasks',
    );
    for (const item of raw) {
      const task = readTask(item);
      // The filter is the server's promise; the entity check is ours, in case it was not kept.
      if (task && task.entityType === entityType && batch.includes(task.entityId)) tasks.push(task);
    }
    onBatch?.();
  }
  return tasks;
};

/** A deal as the dialog lists it. */
export const flag = (deal: Deal, stages: ReadonlyMap<string, Stage>, now: number): FlaggedDeal => {
  const stage = stages.get(stageKey(deal.pipelineId, deal.statusId));
  return {
    id: deal.id,
    name: deal.name,
    price: deal.price,
    responsibleUserId: deal.responsibleUserId,
    pipelineId: deal.pipelineId,
    statusId: deal.statusId,
    pipelineName: stage?.pipelineName ?? '',
    stageName: stage?.name ?? '',
    since: withoutTaskSince(deal, now),
    createdAt: deal.createdAt * 1000,
  };
};

/** Confirms candidates against the tasks endpoint and returns those without a next step, oldest first. */
const confirm = async (
  api: Api,
  candidates: Deal[],
  stages: Map<string, Stage>,
  input: ScanInput,
): Promise<FlaggedDeal[]> => {
  const { config, now } = input;
  const contactIds = config.linkedTasksCount ? [...new Set(candidates.flatMap((d) => d.contactIds))] : [];
  const companyIds = config.linkedTasksCount ? [...new Set(candidates.flatMap((d) => d.companyIds))] : [];
  const total =
    Math.ceil(candidates.length / BATCH) + Math.ceil(contactIds.length / BATCH) + Math.ceil(companyIds.length / BATCH);
  let done = 0;
  const tick = () => input.onProgress?.({ phase: 'tasks', done: (done += 1), total });
  const tasks = [
    ...(await openTasks(
      api,
      'leads',
      candidates.map((d) => d.id),
      tick,
    )),
    ...(await openTasks(api, 'contacts', contactIds, tick)),
    ...(await openTasks(api, 'companies', companyIds, tick)),
  ];
  const byDeal = new Map<number, OpenTask[]>();
  for (const task of tasks) {
    if (task.entityType !== 'leads') continue;
    const list = byDeal.get(task.entityId) ?? [];
    list.push(task);
    byDeal.set(task.entityId, list);
  }
  const linked = tasks.filter((task) => task.entityType !== 'leads');
  return candidates
    .filter((deal) => lacksNextStep(deal, [...(byDeal.get(deal.id) ?? []), ...linked], config, now))
    .map((deal) => flag(deal, stages, now))
    .sort((a, b) => a.since - b.since || a.id - b.id);
};

/**
 * A full check: account (filter add-on?) and pipelines, the deals page by page, then the candidates confirmed
 * with batched task requests. Costs ceil(deals/250) + ceil(candidates/50) + 2 requests (plus the linked
 * contacts' and companies' batches when that option is on); the 2 are saved when `input.account` is given.
 */
export const scan = async (input: ScanInput, api: Api): Promise<ScanResult> => {
  const before = api.sent;
  const { filtered, stages } = input.account ?? (await loadScanAccount(api));
  const raw = await api.getAll('/api/v4/leads', dealQuery(input, stages, filtered), 'leads', (done) =>
    input.onProgress?.({ phase: 'deals', done }),
  );
  // Filtered or not, every deal is judged here: without the add-on the server ignores (or refuses) the filter.
  const candidates: Deal[] = [];
  for (const item of raw) {
    const deal = readDeal(item);
    if (
      deal &&
      isInScope(deal, input.responsible, input.config, stages, input.now) &&
      isCandidate(deal, input.config, input.now)
    )
      candidates.push(deal);
  }
  const deals = await confirm(api, candidates, stages, input);
  return { deals, checkedAt: input.now, requests: api.sent - before };
};

/**
 * The cheap check (after navigation or a task created): only the deals already shown are confirmed again, so a
 * task set in the deal card drops its row at ceil(shown/50) requests.
 */
export const recheck = async (
  shown: readonly FlaggedDeal[],
  config: Config,
  now: number,
  api: Api,
): Promise<FlaggedDeal[]> => {
  if (shown.length === 0) return [];
  const tasks = await openTasks(
    api,
    'leads',
    shown.map((d) => d.id),
  );
  const withTask = new Set(tasks.filter((task) => taskCounts(task.completeTill, config, now)).map((t) => t.entityId));
  return shown.filter((deal) => !withTask.has(deal.id));
};
