import { empty, json, problem, type ApiRequest, type ApiResponse } from '../http';
import type { AmoEvent, EventEntity } from '../model';
import { numberOf, numbers, pick, strings, type QueryValue } from '../query';
import type { Store } from '../store';
import type { Handler } from './context';
import { rangeFilter } from './leads';
import { halPage } from './paging';

/**
 * The account's events list, `GET /api/v4/events`, after GitHub `biradrags/amo-docs`
 * `amocrm_docs_md/crm_platform/events-and-notes.md` ("Список событий"): every user may call it (what comes back
 * depends on the user's rights to the entities; here every user sees every deal), at most 100 a page, 204 with an
 * empty body when nothing matches. The paid "API filtering" add-on does not cover it (`filters-api.md` names the
 * deals, contacts, companies and customers lists only), so its filters always work.
 */

export const EVENTS_MAX_LIMIT = 100;
/** `filter[entity_id]` and `filter[created_by]` take "до 10-ти ID". */
const MAX_IDS = 10;
const ENTITIES: readonly EventEntity[] = ['lead', 'contact', 'company', 'customer', 'task'];

const entityHref = (event: AmoEvent, origin: string): string => {
  const path =
    event.entityType === 'lead'
      ? 'leads'
      : event.entityType === 'task'
        ? 'tasks'
        : event.entityType === 'company'
          ? 'companies'
          : `${event.entityType}s`;
  return `${origin}/api/v4/${path}/${event.entityId}`;
};

/** An event as API v4 renders it; `with=lead_name` adds the deal's name to `_embedded.entity` (our placement). */
export const renderEvent = (event: AmoEvent, req: ApiRequest, store: Store): Record<string, unknown> => {
  const withs = typeof req.query.with === 'string' ? req.query.with.split(',') : [];
  const lead = event.entityType === 'lead' ? store.leadById.get(event.entityId) : undefined;
  return {
    id: event.id,
    type: event.type,
    entity_id: event.entityId,
    entity_type: event.entityType,
    created_by: event.createdBy,
    created_at: event.createdAt,
    value_after: event.valueAfter,
    value_before: event.valueBefore,
    account_id: store.data.account.id,
    _links: { self: { href: `${req.origin}/api/v4/events/${event.id}` } },
    _embedded: {
      entity: {
        id: event.entityId,
        ...(withs.includes('lead_name') && lead ? { name: lead.name } : {}),
        _links: { self: { href: entityHref(event, req.origin) } },
      },
    },
  };
};

type Test = (event: AmoEvent) => boolean;

/** `filter[value_after|value_before][leads_statuses][i][pipeline_id|status_id]` and `[responsible_user_id]`. */
const valueFilter = (value: QueryValue | undefined, side: 'valueAfter' | 'valueBefore'): Test | undefined => {
  if (value === undefined || typeof value === 'string') return undefined;
  const users = new Set(numbers(pick(value, 'responsible_user_id')));
  const rawStatuses = pick(value, 'leads_statuses');
  const statuses =
    rawStatuses === undefined || typeof rawStatuses === 'string'
      ? []
      : Object.values(rawStatuses).flatMap((item) => {
          const pipelineId = numberOf(pick(item, 'pipeline_id'));
          const statusId = numberOf(pick(item, 'status_id'));
          return pipelineId === undefined || statusId === undefined ? [] : [{ pipelineId, statusId }];
        });
  if (users.size === 0 && statuses.length === 0) return undefined;
  return (event) =>
    event[side].some((change) => {
      const responsible = change.responsible_user?.id;
      const status = change.lead_status;
      return (
        (users.size > 0 && typeof responsible === 'number' && users.has(responsible)) ||
        (status !== undefined && statuses.some((s) => s.pipelineId === status.pipeline_id && s.statusId === status.id))
      );
    });
};

/** Reads every filter; a 400 problem for the combinations the docs forbid (our wording of the answer). */
const readFilters = (req: ApiRequest): Test[] | ApiResponse => {
  const filter = req.query.filter;
  const tests: Test[] = [];
  const ids = new Set(strings(pick(filter, 'id')));
  if (ids.size > 0) tests.push((e) => ids.has(e.id));
  const types = new Set(strings(pick(filter, 'type')));
  if (types.size > 0) tests.push((e) => types.has(e.type));
  const entities = strings(pick(filter, 'entity'));
  if (entities.some((e) => !ENTITIES.includes(e as EventEntity) && !e.startsWith('catalog_')))
    return problem(400, 'Bad Request', 'filter[entity]: unknown entity type');
  if (entities.length > 0) tests.push((e) => entities.includes(e.entityType));
  const entityIds = new Set(numbers(pick(filter, 'entity_id')));
  if (entityIds.size > 0) {
    // "Для использования данного фильтра обязательна передача фильтра filter[entity] и не более 1 сущности в нём."
    if (entities.length !== 1)
      return problem(400, 'Bad Request', 'filter[entity_id] needs exactly one entity in filter[entity]');
    if (entityIds.size > MAX_IDS) return problem(400, 'Bad Request', 'filter[entity_id]: up to 10 ids');
    tests.push((e) => entityIds.has(e.entityId));
  }
  const authors = new Set(numbers(pick(filter, 'created_by')));
  if (authors.size > MAX_IDS) return problem(400, 'Bad Request', 'filter[created_by]: up to 10 ids');
  if (authors.size > 0) tests.push((e) => authors.has(e.createdBy));
  const created = rangeFilter(pick(filter, 'created_at'), 'after');
  if (created) tests.push((e) => created(e.createdAt));
  const after = valueFilter(pick(filter, 'value_after'), 'valueAfter');
  if (after) tests.push(after);
  const before = valueFilter(pick(filter, 'value_before'), 'valueBefore');
  if (before) tests.push(before);
  return tests;
};

/** GET /api/v4/events: newest first (the order amoCRM's feed shows; the API docs do not state one). */
export const listEvents: Handler = (req, { store }) => {
  const tests = readFilters(req);
  if (!Array.isArray(tests)) return tests;
  const matching: AmoEvent[] = [];
  for (let i = store.events.length - 1; i >= 0; i -= 1) {
    const event = store.events[i];
    if (event && tests.every((test) => test(event))) matching.push(event);
  }
  return halPage(req, 'events', matching, (e) => renderEvent(e, req, store), EVENTS_MAX_LIMIT);
};

/** GET /api/v4/events/{id}: 204 for an unknown id, as the other single-entity calls answer. */
export const getEvent: Handler = (req, { store }) => {
  const id = req.path.replace(/\/+$/, '').split('/').pop() ?? '';
  const event = store.eventById.get(id);
  return event ? json(200, renderEvent(event, req, store)) : empty();
};
