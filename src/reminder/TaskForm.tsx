import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Explanation } from '../inspector/explainFailure';
import { dueOptions, fromLocalInput, toLocalInput, type DuePreset } from './dueDates';
import { formatWhen } from './format';
import { useReminderDisplay } from './reminderContext';
import type { FlaggedDeal } from './scan';

/** What the user typed for one deal; kept outside the form so nothing typed is lost on a re-render. */
export interface Draft {
  typeId: number;
  text: string;
  preset: DuePreset;
  custom: string;
}

/** The task to create: `complete_till` in ms here, converted to Unix seconds by the runtime. */
export interface NewTask {
  typeId: number;
  text: string;
  completeTill: number;
}

export type CreateOutcome = { ok: true } | { ok: false; explanation: Explanation };

export interface TaskFormProps {
  deal: FlaggedDeal;
  draft: Draft | undefined;
  saveDraft(draft: Draft): void;
  create(task: NewTask): Promise<CreateOutcome>;
  autoFocus: boolean;
}

/** Fills `{deal}` and `{stage}` in a text template. */
export const fillTemplate = (template: string, deal: Pick<FlaggedDeal, 'name' | 'stageName'>): string =>
  template.replace(/\{deal\}/g, deal.name).replace(/\{stage\}/g, deal.stageName);

/** The inline "set the next task" form of one reminder row. */
export const TaskForm = (props: TaskFormProps) => {
  const { deal } = props;
  const { t, language, timezone, now, config, taskTypes, templates } = useReminderDisplay();
  // Not on every keystroke: the presets only change with the clock, the policy or the time zone.
  const options = useMemo(() => dueOptions(now, config, timezone), [now, config, timezone]);
  const first = options[0];
  const [draft, setDraft] = useState<Draft>(
    () =>
      props.draft ?? {
        typeId: taskTypes[0]?.id ?? 1,
        text: '',
        preset: first?.preset ?? 'custom',
        custom: toLocalInput(first?.at ?? now + 3_600_000, timezone),
      },
  );
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Explanation | undefined>();
  const [missing, setMissing] = useState(false);
  const busy = useRef(false);
  const text = useRef<HTMLTextAreaElement>(null);
  const id = `task-guard-task-${deal.id}`;

  useEffect(() => {
    if (props.autoFocus) text.current?.focus();
  }, [props.autoFocus]);

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    props.saveDraft(next);
  };

  const dueAt = (): number | undefined =>
    draft.preset === 'custom'
      ? fromLocalInput(draft.custom, timezone)
      : (options.find((o) => o.preset === draft.preset)?.at ?? options[0]?.at);

  const submit = async (event: Event) => {
    event.preventDefault();
    // One task per click, however fast the clicks: the ref flips before any re-render could disable the button.
    if (busy.current) return;
    const completeTill = dueAt();
    if (!draft.text.trim() || completeTill === undefined) {
      setMissing(true);
      text.current?.focus();
      return;
    }
    busy.current = true;
    setPending(true);
    setProblem(undefined);
    const outcome = await props.create({ typeId: draft.typeId, text: draft.text.trim(), completeTill });
    busy.current = false;
    setPending(false);
    if (!outcome.ok) setProblem(outcome.explanation);
  };

  return (
    <form class="task-guard__form" onSubmit={submit} aria-label={t('reminder.form.label', { deal: deal.name })}>
      <div class="task-guard__fields">
        <label class="task-guard__field">
          <span>{t('reminder.form.type')}</span>
          <select
            value={String(draft.typeId)}
            onChange={(e) => update({ typeId: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {taskTypes.map((type) => (
              <option key={type.id} value={String(type.id)}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label class="task-guard__field">
          <span>{t('reminder.form.due')}</span>
          <select
            value={draft.preset}
            onChange={(e) => update({ preset: (e.currentTarget as HTMLSelectElement).value as DuePreset })}
          >
            {options.map((option) => (
              <option key={option.preset} value={option.preset}>
                {t(`reminder.due.${option.preset}`)} · {formatWhen(option.at, language, timezone)}
              </option>
            ))}
            <option value="custom">{t('reminder.due.custom')}</option>
          </select>
        </label>
        {draft.preset === 'custom' && (
          <label class="task-guard__field">
            <span>{t('reminder.form.when')}</span>
            <input
              type="datetime-local"
              value={draft.custom}
              onInput={(e) => update({ custom: (e.currentTarget as HTMLInputElement).value })}
            />
          </label>
        )}
      </div>
      {templates.length > 0 && (
        <div class="task-guard__templates" role="group" aria-label={t('reminder.form.templates')}>
          {templates.map((template) => (
            <button
              type="button"
              key={template}
              class="task-guard__chip"
              onClick={() => {
                update({ text: fillTemplate(template, deal) });
                text.current?.focus();
              }}
            >
              {fillTemplate(template, deal)}
            </button>
          ))}
        </div>
      )}
      <label class="task-guard__sr" for={id}>
        {t('reminder.form.text')}
      </label>
      <textarea
        id={id}
        ref={text}
        rows={2}
        class="task-guard__text"
        placeholder={t('reminder.form.placeholder')}
        value={draft.text}
        aria-invalid={missing && !draft.text.trim()}
        onInput={(e) => {
          setMissing(false);
          update({ text: (e.currentTarget as HTMLTextAreaElement).value });
        }}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter creates, as in amoCRM's own task composer.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      {missing && !draft.text.trim() && <p class="task-guard__hint">{t('reminder.form.needText')}</p>}
      {problem && (
        <div class="task-guard__problem" role="alert">
          <strong>{problem.title}</strong>
          <p>{problem.explanation}</p>
          {problem.rows.map((row) => (
            <p key={`${row.path}:${row.code}`} class="task-guard__problem-row">
              <code>{row.path}</code> {row.detail}
            </p>
          ))}
          {problem.advice && <p class="task-guard__advice">{problem.advice}</p>}
        </div>
      )}
      <div class="task-guard__actions">
        <button type="submit" class="task-guard__button task-guard__button--primary" disabled={pending}>
          {pending ? t('reminder.form.creating') : t('reminder.form.create')}
        </button>
      </div>
    </form>
  );
};
