import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TaskType } from '../host/amo';
import type { Translate } from '../i18n';
import type { Config } from './config';

/** What every part of the reminder's dialog shows with: the user's language and zone, the policy, the choices. */
export interface ReminderDisplay {
  t: Translate;
  language: string;
  currency: string;
  timezone: string;
  now: number;
  config: Config;
  taskTypes: TaskType[];
  templates: string[];
}

/**
 * Handed down the dialog's tree (ReminderDialog -> ReminderRow -> TaskForm) instead of passed through every row:
 * `createContext` is in Preact's core, so it adds no bytes.
 */
export const ReminderContext = createContext<ReminderDisplay | undefined>(undefined);

/** The display values of the dialog around this component. */
export const useReminderDisplay = (): ReminderDisplay => {
  const display = useContext(ReminderContext);
  if (!display) throw new Error('a reminder row is drawn outside ReminderDialog');
  return display;
};
