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

/** The events a task's change writes, one per documented change, in this order: completed, deadline, text, type, responsible. */
export const taskChangeEvents = (before: Task, after: Task): ChangeEvent[] => [
  ...(!before.isCompleted && after.isCompleted ? [change('task_completed')] : []),
  ...(before.completeTill !== after.completeTill
    ? [
        change(
          'task_deadline_changed',
          [{ task_deadline: { timestamp: before.completeTill } }],
          [{ task_deadline: { timestamp: after.completeTill } }],
        ),
      ]
    : []),
  ...(before.text !== after.text
    ? [change('task_text_changed', [{ task: { text: before.text } }], [{ task: { text: after.text } }])]
    : []),
  ...(before.taskTypeId !== after.taskTypeId
    ? [
        change(
          'task_type_changed',
          [{ task_type: { id: before.taskTypeId } }],
          [{ task_type: { id: after.taskTypeId } }],
        ),
      ]
    : []),
  ...(before.responsibleUserId !== after.responsibleUserId
    ? [
        change(
          'entity_responsible_changed',
          [{ responsible_user: { id: before.responsibleUserId } }],
          [{ responsible_user: { id: after.responsibleUserId } }],
        ),
      ]
    : []),
];

/** The events a deal's change writes: `lead_status_changed` (stage or pipeline), then `entity_responsible_changed`. */
export const leadChangeEvents = (before: Lead, after: Lead): ChangeEvent[] => [
  ...(before.statusId !== after.statusId || before.pipelineId !== after.pipelineId
    ? [
        change(
          'lead_status_changed',
          [{ lead_status: { id: before.statusId, pipeline_id: before.pipelineId } }],
          [{ lead_status: { id: after.statusId, pipeline_id: after.pipelineId } }],
        ),
      ]
    : []),
  ...(before.responsibleUserId !== after.responsibleUserId
    ? [
        change(
          'entity_responsible_changed',
          [{ responsible_user: { id: before.responsibleUserId } }],
          [{ responsible_user: { id: after.responsibleUserId } }],
        ),
      ]
    : []),
];
