import type { EntityType, Lead, Task } from './model';

/** Fields a new deal may carry. */
export interface NewLead {
  name: string;
  price: number;
  responsibleUserId: number;
  pipelineId: number;
  statusId: number;
  contactId: number | null;
}

export type TaskPatch = Partial<
  Pick<Task, 'isCompleted' | 'text' | 'completeTill' | 'resultText' | 'responsibleUserId' | 'taskTypeId'>
>;
export type LeadPatch = Partial<Pick<Lead, 'statusId' | 'pipelineId' | 'responsibleUserId' | 'name' | 'price'>>;

/** Fields a new task may carry once validated. */
export interface NewTask {
  text: string;
  completeTill: number;
  taskTypeId: number;
  responsibleUserId: number;
  entityType: EntityType | null;
  entityId: number | null;
  duration: number;
}
