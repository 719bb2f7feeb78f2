import {
  FIELD_MISSING,
  INVALID_TYPE,
  NOT_SUPPORTED,
  empty,
  json,
  problem,
  validationErrors,
  type ApiRequest,
  type ValidationError,
} from '../http';
import type { EntityType, Task } from '../model';
import { numbers, pick } from '../query';
import type { NewTask, Store, TaskPatch } from '../store';
import type { Handler } from './context';
import { rangeFilter } from './leads';
import { halPage } from './paging';

const ENTITY_TYPES: readonly EntityType[] = ['leads', 'contacts', 'companies', 'customers'];

/** A task as API v4 renders it. */
export const renderTask = (task: Task, req: ApiRequest, store: Store): Record<string, unknown> => ({
  id: task.id,
  created_by: task.createdBy,
  updated_by: task.updatedBy ?? task.createdBy,
  created_at: task.createdAt,
  updated_at: task.updatedAt,
  responsible_user_id: task.responsibleUserId,
  group_id: 0,
  entity_id: task.entityId,
  entity_type: task.entityType,
  duration: task.duration,
  is_completed: task.isCompleted,
  task_type_id: task.taskTypeId,
  text: task.text,
  result: task.resultText === null ? [] : { text: task.resultText },
  complete_till: task.completeTill,
  account_id: store.data.account.id,
  _links: { self: { href: `${req.origin}/api/v4/tasks/${task.id}` } },
});

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GET /api/v4/tasks. */
export const listTasks: Handler = (req, { store }) => {
  // The tasks list's own filters are plain parameters: the paid "API filtering" add-on covers the lists of deals,
  // contacts, companies and customers only (`biradrags/amo-docs` `amocrm_docs_md/crm_platform/filters-api.md`),
  // so `apiFilter: false` leaves this list alone.
  const filter = req.query.filter;
  const completed = pick(filter, 'is_completed');
  const entityType = pick(filter, 'entity_type');
  const entityIds = numbers(pick(filter, 'entity_id'));
  const users = new Set(numbers(pick(filter, 'responsible_user_id')));
  const types = new Set(numbers(pick(filter, 'task_type')));
  const ids = new Set(numbers(pick(filter, 'id')));
  const updated = rangeFilter(pick(filter, 'updated_at'), 'after');
  let candidates: Task[];
  if (typeof entityType === 'string' && entityIds.length > 0 && ENTITY_TYPES.includes(entityType as EntityType)) {
    candidates = entityIds.flatMap((id) => store.tasksOf(entityType as EntityType, id));
  } else candidates = store.data.tasks;
  let result = candidates.filter(
    (t) =>
      (completed === undefined || t.isCompleted === (completed === '1' || completed === 'true')) &&
      (typeof entityType !== 'string' || t.entityType === entityType) &&
      (users.size === 0 || users.has(t.responsibleUserId)) &&
      (types.size === 0 || types.has(t.taskTypeId)) &&
      (ids.size === 0 || ids.has(t.id)) &&
      (!updated || updated(t.updatedAt)),
  );
  // Sortable by created_at, complete_till and id only (`tasks-api.md`): `order[updated_at]` is not documented for
  // tasks, so it is ignored here and the default order stays.
  const order = req.query.order;
  if (isDict(order)) {
    const [name, direction] = Object.entries(order)[0] ?? [];
    const key =
      name === 'complete_till'
        ? 'completeTill'
        : name === 'created_at'
          ? 'createdAt'
          : name === 'id'
            ? 'id'
            : undefined;
    if (key) {
      const sign = direction === 'desc' ? -1 : 1;
      result = result.sort((a, b) => sign * (a[key] - b[key] || a.id - b.id));
    }
  } else if (candidates !== store.data.tasks) result.sort((a, b) => a.id - b.id);
  return halPage(req, 'tasks', result, (t) => renderTask(t, req, store));
};

/** GET /api/v4/tasks/{id}. */
export const getTask =
  (id: number): Handler =>
  (req, { store }) => {
    const task = store.taskById.get(id);
    return task ? json(200, renderTask(task, req, store)) : empty();
  };

/** Validates one POST item the way amoCRM does: every problem reported with its path, nothing stored on error. */
export const validateNewTask = (
  item: unknown,
  store: Store,
  userId: number,
): { task?: NewTask; errors: ValidationError[] } => {
  if (!isDict(item)) return { errors: [INVALID_TYPE('', 'array')] };
  const errors: ValidationError[] = [];
  if (item.text === undefined) errors.push(FIELD_MISSING('text'));
  else if (typeof item.text !== 'string') errors.push(INVALID_TYPE('text', 'string'));
  if (item.complete_till === undefined) errors.push(FIELD_MISSING('complete_till'));
  else if (!isInt(item.complete_till)) errors.push(INVALID_TYPE('complete_till', 'int'));
  const typeId = item.task_type_id ?? 1;
  if (!isInt(typeId)) errors.push(INVALID_TYPE('task_type_id', 'int'));
  else if (!store.data.taskTypes.some((t) => t.id === typeId)) errors.push(NOT_SUPPORTED('task_type_id'));
  const responsible = item.responsible_user_id ?? userId;
  if (!isInt(responsible)) errors.push(INVALID_TYPE('responsible_user_id', 'int'));
  else if (!store.data.users.some((u) => u.id === responsible)) errors.push(NOT_SUPPORTED('responsible_user_id'));
  if (item.duration !== undefined && !isInt(item.duration)) errors.push(INVALID_TYPE('duration', 'int'));
  const hasEntity = item.entity_id !== undefined || item.entity_type !== undefined;
  if (hasEntity) {
    if (item.entity_type === undefined) errors.push(FIELD_MISSING('entity_type'));
    else if (!ENTITY_TYPES.includes(item.entity_type as EntityType)) errors.push(NOT_SUPPORTED('entity_type'));
    if (item.entity_id === undefined) errors.push(FIELD_MISSING('entity_id'));
    else if (!isInt(item.entity_id)) errors.push(INVALID_TYPE('entity_id', 'int'));
    else if (
      ENTITY_TYPES.includes(item.entity_type as EntityType) &&
      !store.entityExists(item.entity_type as EntityType, item.entity_id)
    ) {
      errors.push(NOT_SUPPORTED('entity_id'));
    }
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    task: {
      text: item.text as string,
      completeTill: item.complete_till as number,
      taskTypeId: typeId as number,
      responsibleUserId: responsible as number,
      entityType: hasEntity ? (item.entity_type as EntityType) : null,
      entityId: hasEntity ? (item.entity_id as number) : null,
      duration: (item.duration as number | undefined) ?? 0,
    },
  };
};

const requestIdOf = (item: unknown, index: number): string =>
  isDict(item) && (typeof item.request_id === 'string' || typeof item.request_id === 'number')
    ? String(item.request_id)
    : String(index);

/** POST /api/v4/tasks: a JSON array; all-or-nothing, 400 validation-errors in amoCRM's shape. */
export const createTasks: Handler = (req, { store }) => {
  if (!Array.isArray(req.body) || req.body.length === 0) {
    return validationErrors([{ requestId: '0', errors: [INVALID_TYPE('', 'array')] }]);
  }
  const items = req.body as unknown[];
  const checked = items.map((item) => validateNewTask(item, store, req.userId));
  const failed = checked.flatMap((c, i) =>
    c.errors.length ? [{ requestId: requestIdOf(items[i], i), errors: c.errors }] : [],
  );
  if (failed.length > 0) return validationErrors(failed);
  const tasks = checked.map((c, i) => {
    const task = store.addTask(c.task as NewTask, req.userId);
    return {
      id: task.id,
      request_id: requestIdOf(items[i], i),
      _links: { self: { href: `${req.origin}/api/v4/tasks/${task.id}` } },
    };
  });
  return json(200, { _links: { self: { href: `${req.origin}/api/v4/tasks` } }, _embedded: { tasks } });
};

const validatePatch = (
  item: unknown,
  store: Store,
  id: number | undefined,
): { task?: Task; patch: TaskPatch; errors: ValidationError[] } => {
  const patch: TaskPatch = {};
  if (!isDict(item)) return { patch, errors: [INVALID_TYPE('', 'array')] };
  const errors: ValidationError[] = [];
  const taskId = id ?? item.id;
  let task: Task | undefined;
  if (taskId === undefined) errors.push(FIELD_MISSING('id'));
  else if (!isInt(taskId)) errors.push(INVALID_TYPE('id', 'int'));
  else if (!(task = store.taskById.get(taskId))) errors.push(NOT_SUPPORTED('id'));
  if (item.is_completed !== undefined) {
    if (typeof item.is_completed !== 'boolean') errors.push(INVALID_TYPE('is_completed', 'bool'));
    else patch.isCompleted = item.is_completed;
  }
  if (item.text !== undefined) {
    if (typeof item.text !== 'string') errors.push(INVALID_TYPE('text', 'string'));
    else patch.text = item.text;
  }
  if (item.complete_till !== undefined) {
    if (!isInt(item.complete_till)) errors.push(INVALID_TYPE('complete_till', 'int'));
    else patch.completeTill = item.complete_till;
  }
  const result = item.result;
  if (result !== undefined) {
    if (!isDict(result) || typeof result.text !== 'string') errors.push(INVALID_TYPE('result.text', 'string'));
    else patch.resultText = result.text;
  }
  return { task, patch, errors };
};

/** PATCH /api/v4/tasks (an array of `{id, ...}`). */
export const patchTasks: Handler = (req, { store }) => {
  if (!Array.isArray(req.body) || req.body.length === 0)
    return validationErrors([{ requestId: '0', errors: [INVALID_TYPE('', 'array')] }]);
  const items = req.body as unknown[];
  const checked = items.map((item) => validatePatch(item, store, undefined));
  const failed = checked.flatMap((c, i) =>
    c.errors.length ? [{ requestId: requestIdOf(items[i], i), errors: c.errors }] : [],
  );
  if (failed.length > 0) return validationErrors(failed);
  const tasks = checked.map((c, i) => {
    const task = store.updateTask(c.task as Task, c.patch, req.userId);
    return {
      id: task.id,
      updated_at: task.updatedAt,
      request_id: requestIdOf(items[i], i),
      _links: { self: { href: `${req.origin}/api/v4/tasks/${task.id}` } },
    };
  });
  return json(200, { _links: { self: { href: `${req.origin}/api/v4/tasks` } }, _embedded: { tasks } });
};

/** PATCH /api/v4/tasks/{id} (one object). */
export const patchTask =
  (id: number): Handler =>
  (req, { store }) => {
    if (!store.taskById.has(id)) return problem(404, 'Not Found', `Task ${id} not found`);
    const checked = validatePatch(req.body, store, id);
    if (checked.errors.length > 0) return validationErrors([{ requestId: '0', errors: checked.errors }]);
    const task = store.updateTask(checked.task as Task, checked.patch, req.userId);
    return json(200, {
      id: task.id,
      updated_at: task.updatedAt,
      _links: { self: { href: `${req.origin}/api/v4/tasks/${task.id}` } },
    });
  };
