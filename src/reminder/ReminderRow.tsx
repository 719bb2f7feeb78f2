import { formatDuration, formatMoney } from './format';
import type { FlaggedDeal } from './scan';
import { useReminderDisplay } from './reminderContext';
import { TaskForm, type CreateOutcome, type Draft, type NewTask } from './TaskForm';

export interface ReminderRowProps {
  deal: FlaggedDeal;
  open: boolean;
  focus: boolean;
  draft: Draft | undefined;
  saveDraft(draft: Draft): void;
  onOpen(): void;
  create(task: NewTask): Promise<CreateOutcome>;
}

/** One deal of the reminder: what it is, how long it has waited, and its "set task" form when open. */
export const ReminderRow = (props: ReminderRowProps) => {
  const { deal } = props;
  const { t, language, currency, now } = useReminderDisplay();
  const stage = [deal.pipelineName, deal.stageName].filter(Boolean).join(' › ');
  return (
    <li class={`task-guard__row${props.open ? ' task-guard__row--open' : ''}`}>
      <div class="task-guard__deal">
        <div class="task-guard__deal-main">
          <a class="task-guard__link" href={`/leads/detail/${deal.id}`}>
            {deal.name}
          </a>
          <span class="task-guard__meta">{stage}</span>
        </div>
        <span class="task-guard__price">{formatMoney(deal.price, language, currency)}</span>
        <span class="task-guard__age">
          {t('reminder.row.without', { duration: formatDuration(now - deal.since, language) })}
        </span>
        {!props.open && (
          <button type="button" class="task-guard__button" onClick={props.onOpen}>
            {t('reminder.row.setTask')}
          </button>
        )}
      </div>
      {props.open && (
        <TaskForm
          deal={deal}
          draft={props.draft}
          saveDraft={props.saveDraft}
          create={props.create}
          autoFocus={props.focus}
        />
      )}
    </li>
  );
};
