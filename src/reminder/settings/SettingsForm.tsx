import { useEffect, useState } from 'preact/hooks';
import type { Manager } from '../../host/amo';
import type { Translate } from '../../i18n';
import { DEFAULT_CONFIG, LIMITS, type Config, type NumberField, type ParsedConfig } from '../config';
import { isWatchedStage, LOST, WON, type Stage } from '../policy';
import { ConfigWarnings } from './ConfigWarnings';

export interface SettingsFormProps {
  t: Translate;
  language: string;
  managers: Manager[];
  parsed: ParsedConfig;
  loadStages(): Promise<Map<string, Stage>>;
  /** Called with every change; the caller stores the JSON in the custom field. */
  onChange(config: Config): void;
  /** The admin agrees to replace a saved policy the form could not read (only asked then). */
  onReplace?(replace: boolean): void;
}

/**
 * The host's settings form serializes every named input into what it saves, except those with this class (GitHub
 * `Psiant/two`, `frontend/bild/17331.d14bdbb075afedab4ca6.js`, `components/base/form`). The form's state is ours: its inputs carry
 * the class and no `name`, and the policy reaches the host as one JSON value.
 */
export const SKIP = 'js-form-changes-skip';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
// 2024-01-01 was a Monday: day n of that week names ISO weekday n in the admin's language.
const weekdayName = (day: number, language: string): string =>
  new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));

const toggle = (list: number[], value: number, on: boolean): number[] =>
  on ? [...new Set([...list, value])].sort((a, b) => a - b) : list.filter((item) => item !== value);

/** The integration settings modal's custom field: the reminder's whole policy, saved as JSON. */
export const SettingsForm = ({ t, language, managers, parsed, loadStages, onChange, onReplace }: SettingsFormProps) => {
  const [config, setConfig] = useState<Config>(parsed.config);
  const unreadable = parsed.warnings.some((warning) => warning.code === 'malformed');
  const [edited, setEdited] = useState(false);
  const [replace, setReplace] = useState(false);
  const [stages, setStages] = useState<Map<string, Stage> | undefined>();
  const [stagesFailed, setStagesFailed] = useState(false);

  useEffect(() => {
    loadStages().then(setStages, () => setStagesFailed(true));
  }, []);

  const update = (patch: Partial<Config>) => {
    const next = { ...config, ...patch };
    setConfig(next);
    setEdited(true);
    onChange(next);
  };
  // The bounds are the schema's (LIMITS): the form never offers a value parseConfig would refuse.
  const number = (field: NumberField) => {
    const { min, max } = LIMITS[field];
    return {
      type: 'number',
      class: SKIP,
      min,
      max,
      value: String(config[field]),
      onInput: (e: Event) => {
        const value = Math.round(Number((e.currentTarget as HTMLInputElement).value));
        if (Number.isFinite(value) && value >= min && value <= max) update({ [field]: value });
      },
    };
  };
  const flag = (field: keyof Config) => ({
    type: 'checkbox',
    class: SKIP,
    checked: config[field] === true,
    onChange: (e: Event) => update({ [field]: (e.currentTarget as HTMLInputElement).checked }),
  });

  const pipelines = new Map<number, Stage[]>();
  for (const stage of stages?.values() ?? []) {
    if (stage.statusId === WON || stage.statusId === LOST) continue;
    pipelines.set(stage.pipelineId, [...(pipelines.get(stage.pipelineId) ?? []), stage]);
  }
  const watched = (stage: Stage) => isWatchedStage(stage.pipelineId, stage.statusId, config, stages ?? new Map());
  const setWatched = (stage: Stage, on: boolean) => {
    // The first explicit choice turns the default ("every open stage but unsorted") into a list to edit.
    const explicit: Record<string, number[]> = {};
    for (const [pipelineId, list] of pipelines)
      explicit[String(pipelineId)] = list.filter(watched).map((s) => s.statusId);
    const key = String(stage.pipelineId);
    explicit[key] = toggle(explicit[key] ?? [], stage.statusId, on);
    update({ stages: explicit });
  };
  const always = config.workDays.length === 7 && config.workStart === '00:00' && config.workEnd === '24:00';

  return (
    <div class="task-guard__settings">
      {/* The host prints no title for a custom field (it does only for type != hidden): this is the form's. */}
      <h3 class="task-guard__settings-title">{t('config.heading')}</h3>
      <ConfigWarnings t={t} warnings={parsed.warnings} />
      {unreadable && (
        <div class="task-guard__warning">
          <label class="task-guard__check">
            <input
              type="checkbox"
              class={SKIP}
              checked={replace}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                setReplace(on);
                onReplace?.(on);
              }}
            />
            {t('config.replace.confirm')}
          </label>
          {edited && !replace && <p role="alert">{t('config.replace.needed')}</p>}
        </div>
      )}
      <fieldset>
        <legend>{t('config.stages.title')}</legend>
        <label class="task-guard__check">
          <input
            type="checkbox"
            class={SKIP}
            checked={config.stages === null}
            onChange={(e) => update({ stages: (e.currentTarget as HTMLInputElement).checked ? null : {} })}
          />
          {t('config.stages.default')}
        </label>
        {!stages && !stagesFailed && <p class="task-guard__muted">{t('config.loading')}</p>}
        {stagesFailed && <p class="task-guard__muted">{t('config.stages.failed')}</p>}
        {[...pipelines].map(([pipelineId, list]) => (
          <div key={pipelineId} class="task-guard__pipeline">
            <strong>{list[0]?.pipelineName}</strong>
            {list.map((stage) => (
              <label key={stage.statusId} class="task-guard__check">
                <input
                  type="checkbox"
                  class={SKIP}
                  checked={watched(stage)}
                  onChange={(e) => setWatched(stage, (e.currentTarget as HTMLInputElement).checked)}
                />
                {stage.name}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('config.users.title')}</legend>
        <label class="task-guard__check">
          <input {...flag('includeAdmins')} />
          {t('config.users.includeAdmins')}
        </label>
        <p class="task-guard__muted">{t('config.users.reminded')}</p>
        {managers
          .filter((m) => m.active)
          .map((manager) => (
            <label key={manager.id} class="task-guard__check">
              <input
                type="checkbox"
                class={SKIP}
                // Admins are out as a group unless "remind admins too" is on; their own boxes wait for that.
                disabled={manager.isAdmin && !config.includeAdmins}
                checked={!config.excludedUsers.includes(manager.id) && (!manager.isAdmin || config.includeAdmins)}
                onChange={(e) =>
                  update({
                    excludedUsers: toggle(
                      config.excludedUsers,
                      manager.id,
                      !(e.currentTarget as HTMLInputElement).checked,
                    ),
                  })
                }
              />
              {manager.name}
              {manager.isAdmin ? ` (${t('config.users.admin')})` : ''}
            </label>
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('config.mode.title')}</legend>
        {(['gentle', 'strict'] as const).map((mode) => (
          <label key={mode} class="task-guard__check">
            <input type="radio" class={SKIP} checked={config.mode === mode} onChange={() => update({ mode })} />
            {t(`config.mode.${mode}`)}
          </label>
        ))}
        <label class="task-guard__inline">
          {t('config.mode.snoozeMinutes')} <input {...number('snoozeMinutes')} />
        </label>
        <label class="task-guard__inline">
          {t('config.mode.maxSnoozes')} <input {...number('maxSnoozes')} />
        </label>
        <label class="task-guard__check">
          <input {...flag('emergencyDismiss')} />
          {t('config.mode.emergency')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('config.time.title')}</legend>
        <label class="task-guard__inline">
          {t('config.time.grace')} <input {...number('graceMinutes')} />
        </label>
        <label class="task-guard__inline">
          {t('config.time.interval')} <input {...number('intervalMinutes')} />
        </label>
        <div class="task-guard__days" role="group" aria-label={t('config.time.days')}>
          {WEEKDAYS.map((day) => (
            <label key={day} class="task-guard__check">
              <input
                type="checkbox"
                class={SKIP}
                checked={config.workDays.includes(day)}
                onChange={(e) =>
                  update({ workDays: toggle(config.workDays, day, (e.currentTarget as HTMLInputElement).checked) })
                }
              />
              {weekdayName(day, language)}
            </label>
          ))}
        </div>
        <label class="task-guard__inline">
          {t('config.time.from')}{' '}
          <input
            type="time"
            class={SKIP}
            value={config.workStart}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              if (value && value < config.workEnd) update({ workStart: value });
            }}
          />
        </label>
        <label class="task-guard__inline">
          {t('config.time.to')}{' '}
          <input
            type="time"
            class={SKIP}
            value={config.workEnd === '24:00' ? '23:59' : config.workEnd}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              if (value && value > config.workStart) update({ workEnd: value === '23:59' ? '24:00' : value });
            }}
          />
        </label>
        <label class="task-guard__check">
          <input
            type="checkbox"
            class={SKIP}
            checked={always}
            onChange={(e) =>
              update(
                (e.currentTarget as HTMLInputElement).checked
                  ? { workDays: WEEKDAYS, workStart: '00:00', workEnd: '24:00' }
                  : {
                      workDays: DEFAULT_CONFIG.workDays,
                      workStart: DEFAULT_CONFIG.workStart,
                      workEnd: DEFAULT_CONFIG.workEnd,
                    },
              )
            }
          />
          {t('config.time.always')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('config.rules.title')}</legend>
        <label class="task-guard__check">
          <input {...flag('overdueIsNoTask')} />
          {t('config.rules.overdue')}
        </label>
        <label class="task-guard__inline">
          {t('config.rules.horizon')} <input {...number('horizonDays')} />
        </label>
        <label class="task-guard__check">
          <input {...flag('linkedTasksCount')} />
          {t('config.rules.linked')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('config.templates.title')}</legend>
        <p class="task-guard__muted">{t('config.templates.hint')}</p>
        <textarea
          rows={4}
          class={`task-guard__text ${SKIP}`}
          value={config.templates.join('\n')}
          onChange={(e) =>
            update({
              templates: (e.currentTarget as HTMLTextAreaElement).value
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            })
          }
        />
      </fieldset>
    </div>
  );
};
