import type { Config } from './config';

/** amoCRM's fixed stage ids present in every pipeline. */
export const WON = 142;
export const LOST = 143;

/** A deal as the policy needs it (times in Unix seconds, as the API gives them). */
export interface Deal {
  id: number;
  name: string;
  price: number;
  responsibleUserId: number;
  pipelineId: number;
  statusId: number;
  createdAt: number;
  updatedAt: number;
  /** Due time of the nearest open task according to amoCRM; not trusted alone. */
  closestTaskAt: number | null;
  contactIds: number[];
  companyIds: number[];
}

/** An open task, narrowed from `GET /api/v4/tasks`. */
export interface OpenTask {
  id: number;
  entityType: string;
  entityId: number;
  /** Unix seconds. */
  completeTill: number;
}

/** A stage of a pipeline, from `GET /api/v4/leads/pipelines`. */
export interface Stage {
  pipelineId: number;
  statusId: number;
  name: string;
  pipelineName: string;
  /** The "unsorted" (incoming) stage, type 1. */
  unsorted: boolean;
}

/** Who the policy is asked about. */
export interface Person {
  id: number;
  isAdmin: boolean;
  active: boolean;
}

export const stageKey = (pipelineId: number, statusId: number): string => `${pipelineId}:${statusId}`;

/** Active, not excluded, and an admin only when admins are included. */
export const appliesTo = (person: Person, config: Config): boolean =>
  person.active && !config.excludedUsers.includes(person.id) && (config.includeAdmins || !person.isAdmin);

export const isOpen = (deal: Pick<Deal, 'statusId'>): boolean => deal.statusId !== WON && deal.statusId !== LOST;

/**
 * A stage is watched when the admin listed it, or, with no list, when it is open and not "unsorted". An unknown
 * stage (pipelines not loaded) counts as watched: missing a reminder is worse than one extra row.
 */
export const isWatchedStage = (
  pipelineId: number,
  statusId: number,
  config: Config,
  stages: ReadonlyMap<string, Stage>,
): boolean => {
  if (statusId === WON || statusId === LOST) return false;
  if (config.stages) return config.stages[String(pipelineId)]?.includes(statusId) ?? false;
  return !stages.get(stageKey(pipelineId, statusId))?.unsorted;
};

/** Past the grace period: a deal created a minute ago has not had the chance to get a task. */
export const isPastGrace = (deal: Pick<Deal, 'createdAt'>, config: Config, now: number): boolean =>
  now - deal.createdAt * 1000 >= config.graceMinutes * 60_000;

/** Does a task due at `completeTill` (Unix s) count as a next step under the options? */
export const taskCounts = (completeTill: number, config: Config, now: number): boolean => {
  const due = completeTill * 1000;
  if (config.overdueIsNoTask && due < now) return false;
  if (config.horizonDays > 0 && due > now + config.horizonDays * 86_400_000) return false;
  return true;
};

/** The deal belongs to this check at all: responsible, open, watched, past the grace period. */
export const isInScope = (
  deal: Deal,
  responsible: number | null,
  config: Config,
  stages: ReadonlyMap<string, Stage>,
  now: number,
): boolean =>
  (responsible === null || deal.responsibleUserId === responsible) &&
  isOpen(deal) &&
  isWatchedStage(deal.pipelineId, deal.statusId, config, stages) &&
  isPastGrace(deal, config, now);

/**
 * Cheap pre-selection from `closest_task_at`: a deal whose nearest task counts surely has a next step; every
 * other deal is a candidate to confirm against the tasks endpoint.
 */
export const isCandidate = (deal: Deal, config: Config, now: number): boolean =>
  deal.closestTaskAt === null || deal.closestTaskAt === 0 || !taskCounts(deal.closestTaskAt, config, now);

/** The final word: no open task that counts, on the deal itself (or on its contact/company when enabled). */
export const lacksNextStep = (deal: Deal, tasks: readonly OpenTask[], config: Config, now: number): boolean =>
  !tasks.some((task) => {
    const own = task.entityType === 'leads' && task.entityId === deal.id;
    const linked =
      config.linkedTasksCount &&
      ((task.entityType === 'contacts' && deal.contactIds.includes(task.entityId)) ||
        (task.entityType === 'companies' && deal.companyIds.includes(task.entityId)));
    return (own || linked) && taskCounts(task.completeTill, config, now);
  });

/**
 * Since when (ms) the deal has been without a next step, as far as the deal tells: the overdue task's due time,
 * else its last change, else its creation. amoCRM gives no "last task completed at", so this is an estimate.
 */
export const withoutTaskSince = (deal: Deal, now: number): number => {
  if (deal.closestTaskAt && deal.closestTaskAt * 1000 < now) return deal.closestTaskAt * 1000;
  return Math.max(deal.createdAt, deal.updatedAt || 0) * 1000;
};
