import type { TaskType } from '../host/amo';
import type { Translate } from '../i18n';
import type { Config } from './config';
import { formatDuration, formatMoney } from './format';
import type { FlaggedDeal } from './scan';
import { TaskForm, type CreateOutcome, type Draft, type NewTask } from './TaskForm';

export interface ReminderRowProps {
  deal: FlaggedDeal;
  t: Translate;
  language: string;
  currency: string;
  timezone: string;
  now: number;
  config: Config;
  taskTypes: TaskType[];
  templates: string[];
  open: boolean;
  focus: boolean;
  draft: Draft | undefined;
  saveDraft(draft: Draft): void;
  onOpen(): void;
  create(task: NewTask): Promise<CreateOutcome>;
}

/** One deal of the reminder: what it is, how long it has waited, and its "set task" form when open. */
export const ReminderRow = (props: ReminderRowProps) => {
  const { deal, t, language } = props;
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
        <span class="task-guard__price">{formatMoney(deal.price, language, props.currency)}</span>
        <span class="task-guard__age">
          {t('reminder.row.without', { duration: formatDuration(props.now - deal.since, language) })}
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
          t={t}
          language={language}
          timezone={props.timezone}
          config={props.config}
          taskTypes={props.taskTypes}
          templates={props.templates}
          now={props.now}
          draft={props.draft}
          saveDraft={props.saveDraft}
          create={props.create}
          autoFocus={props.focus}
        />
      )}
    </li>
  );
};
