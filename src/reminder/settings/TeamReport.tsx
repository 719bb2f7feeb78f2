import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../host/api';
import type { WidgetContext } from '../../host/amo';
import { pluralKey, type Translate } from '../../i18n';
import type { Config, ConfigWarning } from '../config';
import { formatDuration, formatMoney } from '../format';
import { appliesTo } from '../policy';
import type { FlaggedDeal, scan, ScanProgress } from '../scan';
import type { RestSource } from '../resting';
import { ConfigWarnings } from './ConfigWarnings';
import { ReminderStatus } from './ReminderStatus';

export interface TeamReportProps {
  t: Translate;
  ctx: WidgetContext;
  config: Config;
  warnings: ConfigWarning[];
  api: Api;
  /** The clock: each refresh judges deals against the time it runs. */
  now: () => number;
  /** The scan (scan.ts); admin.js passes its own, tests a fake. */
  run: typeof scan;
  /** Why the reminder rests for this admin now, if it does. */
  rest?: RestSource;
}

/** One manager's line of the report. */
export interface TeamLine {
  userId: number;
  name: string;
  count: number;
  budget: number;
  oldest: FlaggedDeal | undefined;
}

/** Groups the flagged deals per reminded manager (managers with none included), most deals first. */
export const teamLines = (ctx: WidgetContext, config: Config, deals: FlaggedDeal[]): TeamLine[] => {
  const lines = new Map<number, TeamLine>();
  for (const manager of ctx.managers) {
    if (appliesTo(manager, config))
      lines.set(manager.id, { userId: manager.id, name: manager.name, count: 0, budget: 0, oldest: undefined });
  }
  for (const deal of deals) {
    const line = lines.get(deal.responsibleUserId);
    // Deals of excluded users or admins (when admins are out) are not the team's reminder business.
    if (!line) continue;
    line.count += 1;
    line.budget += deal.price;
    if (!line.oldest || deal.since < line.oldest.since) line.oldest = deal;
  }
  return [...lines.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
};

type Status =
  { kind: 'loading'; progress: ScanProgress | undefined } | { kind: 'done'; lines: TeamLine[] } | { kind: 'failed' };

/** The advanced settings page: per manager, deals without a next step now, their budget and the oldest one. */
export const TeamReport = (props: TeamReportProps) => {
  const { t, ctx } = props;
  const [status, setStatus] = useState<Status>({ kind: 'loading', progress: undefined });
  const [round, setRound] = useState(0);
  const [at, setAt] = useState(props.now);

  useEffect(() => {
    if (!ctx.isAdmin) return;
    let live = true;
    const now = props.now();
    setAt(now);
    setStatus({ kind: 'loading', progress: undefined });
    const { run } = props;
    run(
      {
        responsible: null,
        config: props.config,
        now,
        onProgress: (progress) => live && setStatus({ kind: 'loading', progress }),
      },
      props.api,
    ).then(
      (result) => live && setStatus({ kind: 'done', lines: teamLines(ctx, props.config, result.deals) }),
      () => live && setStatus({ kind: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [round]);

  if (!ctx.isAdmin) return <p class="task-guard__report">{t('config.report.adminsOnly')}</p>;

  const progress = status.kind === 'loading' ? status.progress : undefined;
  return (
    <div class="task-guard__report">
      <h2 class="task-guard__report-title">{t('config.report.title')}</h2>
      {props.rest && (
        <ReminderStatus t={t} language={ctx.language} timezone={ctx.timezone} config={props.config} rest={props.rest} />
      )}
      <ConfigWarnings t={t} warnings={props.warnings} />
      <p class="task-guard__muted">
        {t('config.report.versusAmo', { grace: props.config.graceMinutes })}
        {props.config.stages === null ? '' : ` ${t('config.report.versusAmoStages')}`}
        {props.config.overdueIsNoTask ? ` ${t('config.report.versusAmoOverdue')}` : ''}
      </p>
      {status.kind === 'loading' && (
        <div class="task-guard__progress-wrap">
          <progress
            class="task-guard__progress"
            aria-label={t('config.report.loading')}
            {...(progress?.phase === 'tasks' && progress.total ? { value: progress.done, max: progress.total } : {})}
          />
          <span class="task-guard__muted">
            {progress?.phase === 'tasks'
              ? t('config.report.checking', { done: progress.done, total: progress.total ?? 0 })
              : t('config.report.reading', { count: progress?.done ?? 0 })}
          </span>
        </div>
      )}
      {status.kind === 'failed' && (
        <p role="alert">
          {t('config.report.failed')}{' '}
          <button type="button" class="task-guard__button" onClick={() => setRound(round + 1)}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {status.kind === 'done' && (
        <table class="task-guard__table">
          <thead>
            <tr>
              <th scope="col">{t('config.report.manager')}</th>
              <th scope="col">{t('config.report.count')}</th>
              <th scope="col">{t('config.report.budget')}</th>
              <th scope="col">{t('config.report.oldest')}</th>
            </tr>
          </thead>
          <tbody>
            {status.lines.map((line) => (
              <tr key={line.userId}>
                <td>{line.name}</td>
                <td class="task-guard__num">
                  {t(`config.report.deals.${pluralKey(ctx.language, line.count)}`, { count: line.count })}
                </td>
                <td class="task-guard__num">{formatMoney(line.budget, ctx.language, ctx.currency)}</td>
                <td>
                  {line.oldest ? (
                    <>
                      <a class="task-guard__link" href={`/leads/detail/${line.oldest.id}`}>
                        {line.oldest.name}
                      </a>{' '}
                      <span class="task-guard__muted">
                        {t('reminder.row.without', {
                          duration: formatDuration(at - line.oldest.since, ctx.language),
                        })}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status.kind === 'done' && (
        <button type="button" class="task-guard__button" onClick={() => setRound(round + 1)}>
          {t('config.report.refresh')}
        </button>
      )}
    </div>
  );
};
