/**
 * What the reminder writes to amoCRM: the next task of a deal and the emergency dismiss's notes. They sit beside
 * the reads (scan.ts); the runtime decides when, these decide what is sent.
 */
import type { Api } from '../host/api';
import type { FlaggedDeal } from './scan';
import type { NewTask } from './TaskForm';

/** Notes per request: one request per 100 notes keeps the audit trail inside the same request budget as a check. */
export const NOTES_PER_REQUEST = 100;

/** Creates `task` on `deal` for `userId` (POST /api/v4/tasks, `complete_till` in Unix seconds). */
export const postTask = async (
  api: Api,
  deal: FlaggedDeal,
  task: NewTask,
  userId: number,
  now: number,
): Promise<void> => {
  await api.post('/api/v4/tasks', [
    {
      text: task.text,
      complete_till: Math.floor(task.completeTill / 1000),
      entity_id: deal.id,
      entity_type: 'leads',
      task_type_id: task.typeId,
      responsible_user_id: userId,
      // amoCRM only echoes it back in the answer (it does not deduplicate by it); it ties the answer to this
      // request in logs. What keeps one click from making two tasks is TaskForm's busy ref.
      request_id: `task-guard-${deal.id}-${now}`,
    },
  ]);
};

/** Leaves the same common note on every deal (POST /api/v4/leads/notes), in batches. */
export const postNotes = async (api: Api, deals: readonly FlaggedDeal[], text: string): Promise<void> => {
  for (let i = 0; i < deals.length; i += NOTES_PER_REQUEST) {
    await api.post(
      '/api/v4/leads/notes',
      deals
        .slice(i, i + NOTES_PER_REQUEST)
        .map((deal) => ({ entity_id: deal.id, note_type: 'common', params: { text } })),
    );
  }
};
