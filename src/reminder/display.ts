import type { TaskType } from '../host/amo';
import type { WidgetContext } from '../host/amo';
import type { Translate } from '../i18n';
import type { Config } from './config';
import type { ReminderViewProps } from './ReminderView';

/** The task types offered: amoCRM's built-in ones named in the user's language, then the account's own. */
export const namedTaskTypes = (types: readonly TaskType[], t: Translate): TaskType[] => {
  const named = types.map((type) =>
    type.name ? type : { ...type, name: t(type.id === 2 ? 'reminder.types.meeting' : 'reminder.types.call') },
  );
  return named.length
    ? named
    : [
        { id: 1, name: t('reminder.types.call') },
        { id: 2, name: t('reminder.types.meeting') },
      ];
};

/** The dialog's fixed display values for this user and policy. */
export const displayOf = (ctx: WidgetContext, config: Config, t: Translate): ReminderViewProps['display'] => ({
  t,
  language: ctx.language,
  currency: ctx.currency,
  timezone: ctx.timezone,
  config,
  taskTypes: namedTaskTypes(ctx.taskTypes, t),
  templates: config.templates.length
    ? config.templates
    : [t('reminder.templates.call'), t('reminder.templates.followUp'), t('reminder.templates.meeting')],
});
