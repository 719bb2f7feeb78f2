import type { EventType, EventValue, Lead, Task } from './model';

/** One event a change writes, with amoCRM's documented value shapes (events-and-notes in docs/sandbox.md). */
export interface ChangeEvent {
  type: EventType;
  valueBefore: EventValue[];
  valueAfter: EventValue[];
}

const change = (type: EventType, valueBefore: EventValue[] = [], valueAfter: EventValue[] = []): ChangeEvent => ({
  type,
  valueBefore,
  valueAfter,
});

/** One documented change: its event type, and the value it records of the entity before and after. */
type Rule<T> = readonly [type: EventType, value: (entity: T) => EventValue];

/** The events of the rules whose value differs between `before` and `after`, in the rules' order. */
const eventsOf = <T>(rules: readonly Rule<T>[], before: T, after: T): ChangeEvent[] =>
  rules
    .filter(([, value]) => JSON.stringify(value(before)) !== JSON.stringify(value(after)))
    .map(([type, value]) => change(type, [value(before)], [value(after)]));

const TASK_RULES: readonly Rule<Task>[] = [
  ['task_deadline_changed', (task) => ({ task_deadline: { timestamp: task.completeTill } })],
  ['task_text_changed', (task) => ({ task: { text: task.text } })],
  ['task_type_changed', (task) => ({ task_type: { id: task.taskTypeId } })],
  ['entity_responsible_changed', (task) => ({ responsible_user: { id: task.responsibleUserId } })],
];

const LEAD_RULES: readonly Rule<Lead>[] = [
  ['lead_status_changed', (lead) => ({ lead_status: { id: lead.statusId, pipeline_id: lead.pipelineId } })],
  ['entity_responsible_changed', (lead) => ({ responsible_user: { id: lead.responsibleUserId } })],
];

/**
 * The events a task's change writes, one per documented change, in this order: completed, deadline, text, type,
 * responsible. `task_completed` records no values.
 */
export const taskChangeEvents = (before: Task, after: Task): ChangeEvent[] => [
  ...(!before.isCompleted && after.isCompleted ? [change('task_completed')] : []),
  ...eventsOf(TASK_RULES, before, after),
];

/** The events a deal's change writes: `lead_status_changed` (stage or pipeline), then `entity_responsible_changed`. */
export const leadChangeEvents = (before: Lead, after: Lead): ChangeEvent[] => eventsOf(LEAD_RULES, before, after);
