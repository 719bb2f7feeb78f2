import { empty, json, type ApiRequest } from '../http';
import type { Lead } from '../model';
import { numberOf, numbers, pick, type QueryValue } from '../query';
import type { Store } from '../store';
import type { ApiContext, Handler } from './context';
import { halPage } from './paging';

/** A lead as API v4 renders it. */
export const renderLead = (
  lead: Lead,
  req: ApiRequest,
  store: Store,
  withContacts = false,
): Record<string, unknown> => ({
  id: lead.id,
  name: lead.name,
  price: lead.price,
  responsible_user_id: lead.responsibleUserId,
  group_id: 0,
  status_id: lead.statusId,
  pipeline_id: lead.pipelineId,
  loss_reason_id: null,
  created_by: lead.createdBy,
  updated_by: lead.updatedBy ?? lead.createdBy,
  created_at: lead.createdAt,
  updated_at: lead.updatedAt,
  closed_at: lead.closedAt,
  closest_task_at: lead.closestTaskAt,
  is_deleted: false,
  custom_fields_values: null,
  score: null,
  account_id: store.data.account.id,
  labor_cost: null,
  _links: { self: { href: `${req.origin}/api/v4/leads/${lead.id}` } },
  _embedded: {
    tags: [],
    companies: [],
    ...(withContacts && lead.contactId !== null
      ? {
          contacts: [
            {
              id: lead.contactId,
              is_main: true,
              _links: { self: { href: `${req.origin}/api/v4/contacts/${lead.contactId}` } },
            },
          ],
        }
      : {}),
  },
});

/**
 * `filter[x][from]` / `[to]` (both inclusive) as a predicate; undefined when absent. A bare value means exactly
 * that, or, where the docs say so (`filter[updated_at]` of tasks, `filter[created_at]` of events: "будут
 * возвращены задачи, которые были изменены после переданного значения"), anything after it.
 */
export const rangeFilter = (
  value: QueryValue | undefined,
  bare: 'exact' | 'after' = 'exact',
): ((n: number | null) => boolean) | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const single = numberOf(value);
    if (single === undefined) return undefined;
    return bare === 'after' ? (n) => n !== null && n > single : (n) => n === single;
  }
  const from = numberOf(pick(value, 'from'));
  const to = numberOf(pick(value, 'to'));
  if (from === undefined && to === undefined) return undefined;
  // A range never matches a missing value: amoCRM has no "is null" filter.
  return (n) => n !== null && (from === undefined || n >= from) && (to === undefined || n <= to);
};

const statusPairs = (value: QueryValue | undefined): { pipelineId: number; statusId: number | undefined }[] => {
  if (value === undefined || typeof value === 'string') return [];
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.flatMap((item) => {
    const pipelineId = numberOf(pick(item, 'pipeline_id'));
    return pipelineId === undefined ? [] : [{ pipelineId, statusId: numberOf(pick(item, 'status_id')) }];
  });
};

type LeadField = 'id' | 'createdAt' | 'updatedAt';
const ORDER_FIELDS: Record<string, LeadField> = { id: 'id', created_at: 'createdAt', updated_at: 'updatedAt' };

/** Applies `filter[...]` and `order[...]`; candidates come from the responsible-user index when it is filtered. */
export const selectLeads = (req: ApiRequest, ctx: ApiContext): Lead[] => {
  const { store } = ctx;
  const filter = ctx.apiFilter ? req.query.filter : undefined;
  const users = numbers(pick(filter, 'responsible_user_id'));
  const ids = new Set(numbers(pick(filter, 'id')));
  const pipelines = new Set(numbers(pick(filter, 'pipeline_id')));
  const statuses = statusPairs(pick(filter, 'statuses'));
  const ranges: [keyof Lead, (n: number | null) => boolean][] = [];
  for (const [name, field] of [
    ['created_at', 'createdAt'],
    ['updated_at', 'updatedAt'],
    ['closed_at', 'closedAt'],
    ['closest_task_at', 'closestTaskAt'],
  ] as const) {
    const test = rangeFilter(pick(filter, name));
    if (test) ranges.push([field, test]);
  }
  let candidates: Lead[];
  if (ids.size > 0) candidates = [...ids].flatMap((id) => store.leadById.get(id) ?? []).sort((a, b) => a.id - b.id);
  else if (users.length > 0) {
    candidates = users.flatMap((u) => store.leadsByUser.get(u) ?? []);
    if (users.length > 1) candidates.sort((a, b) => a.id - b.id);
  } else candidates = store.data.leads;
  const userSet = new Set(users);
  const result = candidates.filter(
    (lead) =>
      (userSet.size === 0 || userSet.has(lead.responsibleUserId)) &&
      (pipelines.size === 0 || pipelines.has(lead.pipelineId)) &&
      (statuses.length === 0 ||
        statuses.some(
          (s) => s.pipelineId === lead.pipelineId && (s.statusId === undefined || s.statusId === lead.statusId),
        )) &&
      ranges.every(([field, test]) => test(lead[field] as number | null)),
  );
  const order = req.query.order;
  if (order && typeof order === 'object' && !Array.isArray(order)) {
    const [name, direction] = Object.entries(order)[0] ?? [];
    const field = name ? ORDER_FIELDS[name] : undefined;
    if (field) {
      const sign = direction === 'desc' ? -1 : 1;
      return result.sort((a, b) => sign * (a[field] - b[field] || a.id - b.id));
    }
  }
  return result;
};

/** GET /api/v4/leads. */
export const listLeads: Handler = (req, ctx) => {
  const withContacts = typeof req.query.with === 'string' && req.query.with.split(',').includes('contacts');
  return halPage(req, 'leads', selectLeads(req, ctx), (lead) => renderLead(lead, req, ctx.store, withContacts));
};

/** GET /api/v4/leads/{id}. */
export const getLead =
  (id: number): Handler =>
  (req, { store }) => {
    const lead = store.leadById.get(id);
    // amoCRM answers an unknown id with 204 and no body, like an empty list.
    if (!lead) return empty();
    const withContacts = typeof req.query.with === 'string' && req.query.with.split(',').includes('contacts');
    return json(200, renderLead(lead, req, store, withContacts));
  };
