/**
 * "Someone else changed it": typed changes applied to the store as another user (another browser, a colleague,
 * a robot), each writing the events and `updated_at` amoCRM would. `POST /_sandbox/mutate` takes one of these
 * (or a list); `randomMutation` draws one for a differential test.
 */
export type Mutation =
  | {
      op: 'createTask';
      leadId: number;
      responsibleUserId?: number;
      completeTill?: number;
      text?: string;
      taskTypeId?: number;
      by?: number;
    }
  | { op: 'completeTask'; taskId: number; by?: number }
  | { op: 'deleteTask'; taskId: number; by?: number }
  | { op: 'moveTaskDeadline'; taskId: number; completeTill: number; by?: number }
  | {
      op: 'createDeal';
      responsibleUserId: number;
      pipelineId?: number;
      statusId?: number;
      name?: string;
      price?: number;
      by?: number;
    }
  | { op: 'moveDeal'; leadId: number; statusId: number; pipelineId?: number; by?: number }
  | { op: 'closeDeal'; leadId: number; outcome: 'won' | 'lost'; by?: number }
  | { op: 'deleteDeal'; leadId: number; by?: number }
  | { op: 'changeResponsible'; leadId: number; responsibleUserId: number; by?: number };

export type MutationOp = Mutation['op'];

export const MUTATION_OPS: readonly MutationOp[] = [
  'createTask',
  'completeTask',
  'deleteTask',
  'moveTaskDeadline',
  'createDeal',
  'moveDeal',
  'closeDeal',
  'deleteDeal',
  'changeResponsible',
];

export interface MutationResult {
  op: MutationOp;
  leadId?: number;
  taskId?: number;
  /** Ids of the events the change wrote, oldest first. */
  events: string[];
}

export class MutationError extends Error {}
