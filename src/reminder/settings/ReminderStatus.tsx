import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../i18n';
import type { Config } from '../config';
import { formatWhen } from '../format';
import type { ReminderRest } from '../resting';
import type { RestSource } from '../resting';

export interface ReminderStatusProps {
  t: Translate;
  language: string;
  timezone: string;
  config: Config;
  rest: RestSource;
}

/** Re-reads the source on each change and every half minute (an off-hours rest ends by the clock alone). */
const useRest = (source: RestSource): ReminderRest => {
  const [rest, setRest] = useState(source.get);
  useEffect(() => {
    const refresh = () => setRest(source.get());
    const stop = source.subscribe(refresh);
    const timer = setInterval(refresh, 30_000);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [source]);
  return rest;
};

/** One line on the widget's page: whether the reminder shows to this user now, why not, and when it looks again. */
export const ReminderStatus = ({ t, language, timezone, config, rest: source }: ReminderStatusProps) => {
  const rest = useRest(source);
  const when = (ms: number) => formatWhen(ms, language, timezone);
  const hours = { from: config.workStart, to: config.workEnd, zone: timezone };
  let text: string;
  switch (rest.kind) {
    case 'notWatched':
    case 'noWorkingDays':
    case 'waiting':
      text = t(`config.status.${rest.kind}`);
      break;
    case 'offHours':
      text = t('config.status.offHours', { ...hours, when: when(rest.next) });
      break;
    case 'paused':
    case 'snoozed':
      text = t(`config.status.${rest.kind}`, { when: when(rest.until) });
      break;
    case 'failed':
    case 'nothing':
      text = t(`config.status.${rest.kind}`, { when: when(rest.next) });
      break;
    case 'showing':
      text = t('config.status.showing', { count: rest.count, when: when(rest.next) });
      break;
  }
  return (
    <div class="task-guard__status" role="status">
      <p>
        <strong>{t('config.status.title')}</strong> {text}
      </p>
    </div>
  );
};
