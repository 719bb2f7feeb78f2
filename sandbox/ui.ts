import { empty, json, problem, type ApiRequest, type ApiResponse } from './http';
import { isClosedStatus, type Lead, type Task } from './model';
import { numberOf } from './query';
import type { Store } from './store';

/**
 * The host page's own data calls (amoCRM's front end uses internal endpoints, not API v4): board, list, card,
 * tasks and the native task composer. They are not rate limited, so the widget's API budget stays its own.
 */

const DAY = 86_400;
const COLUMN_CARDS = 40;
const LIST_PAGE = 50;

/** amoCRM's kanban marker for an open deal: none, no task, overdue (days), today, or a future task (no marker). */
export type Marker =
  { kind: 'none' } | { kind: 'noTask' } | { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'future' };

/** Midnight of "now" in the account's zone (Moscow, UTC+3, no DST). */
const dayStart = (now: number): number => {
  const offset = 3 * 3600;
  return now - ((now + offset) % DAY);
};

export const markerOf = (lead: Lead, now: number): Marker => {
  if (isClosedStatus(lead.statusId)) return { kind: 'none' };
  if (lead.closestTaskAt === null) return { kind: 'noTask' };
  const start = dayStart(now);
  if (lead.closestTaskAt < now && lead.closestTaskAt < start)
    return { kind: 'overdue', days: Math.max(1, Math.ceil((start - lead.closestTaskAt) / DAY)) };
  if (lead.closestTaskAt < now) return { kind: 'overdue', days: 0 };
  if (lead.closestTaskAt < start + DAY) return { kind: 'today' };
  return { kind: 'future' };
};

const leadRow = (lead: Lead, store: Store, now: number) => ({
  id: lead.id,
  name: lead.name,
  price: lead.price,
  statusId: lead.statusId,
  pipelineId: lead.pipelineId,
  responsibleUserId: lead.responsibleUserId,
  closestTaskAt: lead.closestTaskAt,
  contact: lead.contactId === null ? null : (store.contactById.get(lead.contactId)?.name ?? null),
  marker: markerOf(lead, now),
});

const taskRow = (task: Task, store: Store) => ({
  id: task.id,
  text: task.text,
  taskTypeId: task.taskTypeId,
  responsibleUserId: task.responsibleUserId,
  entityType: task.entityType,
  entityId: task.entityId,
  entityName:
    task.entityType === 'leads' && task.entityId !== null
      ? (store.leadById.get(task.entityId)?.name ?? '')
      : task.entityType === 'contacts' && task.entityId !== null
        ? (store.contactById.get(task.entityId)?.name ?? '')
        : '',
  completeTill: task.completeTill,
  isCompleted: task.isCompleted,
  resultText: task.resultText,
});

const board = (req: ApiRequest, store: Store): ApiResponse => {
  const now = store.now;
  const pipelineId =
    numberOf(typeof req.query.pipeline === 'string' ? req.query.pipeline : undefined) ?? store.data.pipelines[0]?.id;
  const pipeline = store.data.pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) return problem(404, 'Not Found', 'pipeline');
  const columns = pipeline.statuses
    .filter((s) => !isClosedStatus(s.id))
    .map((s) => ({ status: s, count: 0, budget: 0, leads: [] as ReturnType<typeof leadRow>[] }));
  const byStatus = new Map(columns.map((c) => [c.status.id, c]));
  const summary = { noTask: 0, overdue: 0, today: 0 };
  for (const lead of store.data.leads) {
    if (lead.pipelineId !== pipeline.id) continue;
    const column = byStatus.get(lead.statusId);
    if (!column) continue;
    column.count += 1;
    column.budget += lead.price;
    const row = leadRow(lead, store, now);
    if (row.marker.kind === 'noTask') summary.noTask += 1;
    if (row.marker.kind === 'overdue') summary.overdue += 1;
    if (row.marker.kind === 'today') summary.today += 1;
    if (column.leads.length < COLUMN_CARDS) column.leads.push(row);
  }
  return json(200, { pipeline: { id: pipeline.id, name: pipeline.name }, columns, summary, now });
};

const list = (req: ApiRequest, store: Store): ApiResponse => {
  const page = Math.max(1, numberOf(typeof req.query.page === 'string' ? req.query.page : undefined) ?? 1);
  const all = store.data.leads;
  const rows = all.slice((page - 1) * LIST_PAGE, page * LIST_PAGE).map((l) => leadRow(l, store, store.now));
  return json(200, { page, pages: Math.max(1, Math.ceil(all.length / LIST_PAGE)), total: all.length, rows });
};

const card = (id: number, store: Store): ApiResponse => {
  const lead = store.leadById.get(id);
  if (!lead) return problem(404, 'Not Found', `Lead ${id} not found`);
  const contact = lead.contactId === null ? undefined : store.contactById.get(lead.contactId);
  return json(200, {
    lead: leadRow(lead, store, store.now),
    contact: contact ?? null,
    tasks: store.tasksOf('leads', id).map((t) => taskRow(t, store)),
    contactTasks: contact ? store.tasksOf('contacts', contact.id).map((t) => taskRow(t, store)) : [],
    notes: store.data.notes.filter((n) => n.entityId === id),
  });
};

const tasks = (req: ApiRequest, store: Store): ApiResponse => {
  const me = store.data.users.find((u) => u.id === req.userId);
  const open = store.data.tasks.filter((t) => !t.isCompleted && (me?.isAdmin || t.responsibleUserId === req.userId));
  open.sort((a, b) => a.completeTill - b.completeTill);
  return json(200, { total: open.length, rows: open.slice(0, 200).map((t) => taskRow(t, store)), now: store.now });
};

const dashboard = (req: ApiRequest, store: Store): ApiResponse => {
  const now = store.now;
  const me = store.data.users.find((u) => u.id === req.userId);
  const mine = me?.isAdmin ? store.data.leads : (store.leadsByUser.get(req.userId) ?? []);
  const counts = { open: 0, noTask: 0, overdue: 0, today: 0, won: 0, budget: 0 };
  for (const lead of mine) {
    if (lead.statusId === 142) counts.won += 1;
    if (isClosedStatus(lead.statusId)) continue;
    counts.open += 1;
    counts.budget += lead.price;
    const marker = markerOf(lead, now).kind;
    if (marker === 'noTask') counts.noTask += 1;
    if (marker === 'overdue') counts.overdue += 1;
    if (marker === 'today') counts.today += 1;
  }
  const perUser = store.data.users.map((u) => {
    let noTask = 0;
    for (const lead of store.leadsByUser.get(u.id) ?? []) if (markerOf(lead, now).kind === 'noTask') noTask += 1;
    return { id: u.id, name: u.name, noTask };
  });
  return json(200, { counts, perUser });
};

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The native task composer and the "done" tick of the card and the tasks page. */
const addTask = (req: ApiRequest, store: Store): ApiResponse => {
  const b = isDict(req.body) ? req.body : {};
  const text = typeof b.text === 'string' ? b.text.trim() : '';
  const completeTill = Number(b.completeTill);
  const entityId = Number(b.entityId);
  const entityType = b.entityType === 'contacts' ? 'contacts' : 'leads';
  if (!text || !Number.isInteger(completeTill) || !store.entityExists(entityType, entityId))
    return problem(400, 'Bad Request', 'text, completeTill and entity are required');
  const task = store.addTask(
    {
      text,
      completeTill,
      taskTypeId: Number(b.taskTypeId) || 1,
      responsibleUserId: Number(b.responsibleUserId) || req.userId,
      entityType,
      entityId,
      duration: 0,
    },
    req.userId,
  );
  return json(200, taskRow(task, store));
};

/** Routes `/_sandbox/ui/...`. */
export const handleUi = (req: ApiRequest, store: Store): ApiResponse => {
  const path = req.path.replace(/^\/_sandbox\/ui/, '');
  if (req.method === 'GET' && path === '/board') return board(req, store);
  if (req.method === 'GET' && path === '/leads') return list(req, store);
  if (req.method === 'GET' && path === '/dashboard') return dashboard(req, store);
  if (req.method === 'GET' && path === '/tasks') return tasks(req, store);
  if (req.method === 'POST' && path === '/tasks') return addTask(req, store);
  const lead = /^\/lead\/(\d+)$/.exec(path);
  if (req.method === 'GET' && lead) return card(Number(lead[1]), store);
  const done = /^\/tasks\/(\d+)\/complete$/.exec(path);
  if (req.method === 'POST' && done) {
    const task = store.taskById.get(Number(done[1]));
    if (!task) return problem(404, 'Not Found', 'task');
    store.updateTask(task, { isCompleted: true, resultText: 'Выполнено' }, req.userId);
    return empty(204);
  }
  const stage = /^\/lead\/(\d+)\/status$/.exec(path);
  if (req.method === 'POST' && stage) {
    const target = store.leadById.get(Number(stage[1]));
    const statusId = isDict(req.body) ? Number(req.body.statusId) : NaN;
    const pipeline = store.data.pipelines.find((p) => p.id === target?.pipelineId);
    if (!target || !pipeline?.statuses.some((s) => s.id === statusId)) return problem(400, 'Bad Request', 'status');
    store.updateLead(target, { statusId }, req.userId);
    return empty(204);
  }
  return problem(404, 'Not Found', `Cannot ${req.method} ${req.path}`);
};
