import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pluralKey } from '../i18n';
import { ReminderContext, type ReminderDisplay } from './reminderContext';
import { ReminderRow } from './ReminderRow';
import type { FlaggedDeal } from './scan';
import type { CreateOutcome, Draft, NewTask } from './TaskForm';

/** The dialog's rules for this moment, as `dialogModel` works them out. */
export interface DialogRules {
  /** Gentle mode with snoozes left, or a failed check: the user may close. */
  canClose: boolean;
  /** Gentle mode: snoozes left today; `undefined` in strict mode. */
  snoozesLeft: number | undefined;
  /** A small line about a failed check. */
  notice?: string;
  /** The admin allows an emergency dismiss; offered only while the dialog cannot be closed otherwise. */
  emergency: boolean;
}

/** The dialog's display values (handed down as context), its rules, the deals and what the runtime does. */
export interface ReminderDialogProps extends ReminderDisplay, DialogRules {
  deals: FlaggedDeal[];
  drafts: Map<number, Draft>;
  onClose(): void;
  onEmergency(): Promise<boolean>;
  create(deal: FlaggedDeal, task: NewTask): Promise<CreateOutcome>;
}

/** Rows drawn at first and per "show more": 5k deals must not freeze the page. */
export const PAGE_ROWS = 50;

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled])';

/** The full-screen reminder: the count, the deals, and a queue of "set the next task" forms. */
export const ReminderDialog = (props: ReminderDialogProps) => {
  const { deals, t, language } = props;
  const { currency, timezone, now, config, taskTypes, templates } = props;
  const display: ReminderDisplay = { t, language, currency, timezone, now, config, taskTypes, templates };
  const [activeId, setActiveId] = useState<number | undefined>(deals[0]?.id);
  const [shown, setShown] = useState(PAGE_ROWS);
  const [confirming, setConfirming] = useState(false);
  const [dismissFailed, setDismissFailed] = useState(false);
  const dialog = useRef<HTMLDivElement | null>(null);
  // Where the user was before the dialog opened. Read when the dialog's node is first attached, which is before any
  // effect: the first form's autofocus effect runs ahead of this component's own effects (children first).
  const previous = useRef<Element | null | undefined>(undefined);
  const attach = (node: HTMLDivElement | null) => {
    dialog.current = node;
    if (node && previous.current === undefined) previous.current = node.ownerDocument.activeElement;
  };
  const activeIndex = useRef(0);

  // The open form follows the queue: when its deal leaves (created here, in another tab, or found done by a check),
  // the row that took its place opens, or the last one when it was the last.
  const found = deals.findIndex((d) => d.id === activeId);
  const index = found >= 0 ? found : Math.min(activeIndex.current, deals.length - 1);
  const active = deals[index]?.id;

  useLayoutEffect(() => {
    activeIndex.current = Math.max(index, 0);
    if (active !== activeId) setActiveId(active);
  });

  useEffect(
    () => () => {
      // Focus goes back where the user was, if that is still on the page.
      const before = previous.current;
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    },
    [],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (props.canClose) props.onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // The focus stays inside: the page behind is covered and must not be reachable by keyboard either.
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    const current = dialog.current.ownerDocument.activeElement;
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (current === first || current === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && current === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const create = async (deal: FlaggedDeal, task: NewTask): Promise<CreateOutcome> => {
    const at = deals.findIndex((d) => d.id === deal.id);
    const outcome = await props.create(deal, task);
    if (outcome.ok) {
      const next = deals[at + 1] ?? deals[at - 1];
      setActiveId(next?.id);
    }
    return outcome;
  };

  const count = deals.length;
  const visible = deals.slice(0, shown);
  const titleId = 'task-guard-reminder-title';
  // After a failed check the dialog closes until the next check; otherwise closing is a snooze.
  const closeLabel = props.notice ? t('reminder.close') : t('reminder.snooze', { minutes: props.config.snoozeMinutes });

  return (
    <ReminderContext.Provider value={display}>
      <div class="task-guard__overlay">
        <div
          class="task-guard__dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby="task-guard-reminder-count"
          tabIndex={-1}
          ref={attach}
          onKeyDown={onKeyDown}
        >
          <header class="task-guard__header">
            <div>
              <h2 id={titleId} class="task-guard__title">
                {t('reminder.title')}
              </h2>
              <p id="task-guard-reminder-count" class="task-guard__count">
                {t(`reminder.count.${pluralKey(language, count)}`, { count })}
              </p>
            </div>
            {props.canClose && (
              <button
                type="button"
                class="task-guard__close"
                aria-label={closeLabel}
                title={closeLabel}
                onClick={props.onClose}
              >
                ×
              </button>
            )}
          </header>
          {props.notice && (
            <p class="task-guard__notice-line" role="status">
              {props.notice}
            </p>
          )}
          <ul class="task-guard__list">
            {visible.map((deal) => (
              <ReminderRow
                key={deal.id}
                deal={deal}
                open={deal.id === active}
                focus={deal.id === active}
                draft={props.drafts.get(deal.id)}
                saveDraft={(draft) => props.drafts.set(deal.id, draft)}
                onOpen={() => setActiveId(deal.id)}
                create={(task) => create(deal, task)}
              />
            ))}
          </ul>
          {count > shown && (
            <button type="button" class="task-guard__more" onClick={() => setShown(shown + PAGE_ROWS * 2)}>
              {t('reminder.more', { count: count - shown })}
            </button>
          )}
          <footer class="task-guard__footer">
            {props.snoozesLeft !== undefined && !props.notice && (
              <span class="task-guard__snoozes">
                {props.canClose
                  ? t('reminder.snoozesLeft', { count: props.snoozesLeft, minutes: props.config.snoozeMinutes })
                  : t('reminder.snoozesUsed')}
              </span>
            )}
            {props.snoozesLeft === undefined && !props.canClose && (
              <span class="task-guard__snoozes">{t('reminder.strict')}</span>
            )}
            {props.canClose && (
              <button type="button" class="task-guard__button" onClick={props.onClose}>
                {closeLabel}
              </button>
            )}
            {props.emergency &&
              !props.canClose &&
              (confirming ? (
                <span class="task-guard__confirm" role="group" aria-label={t('reminder.emergency.label')}>
                  <span>{t('reminder.emergency.confirm', { count })}</span>
                  <button
                    type="button"
                    class="task-guard__button task-guard__button--danger"
                    onClick={() => {
                      void props.onEmergency().then((ok) => setDismissFailed(!ok));
                    }}
                  >
                    {t('reminder.emergency.yes')}
                  </button>
                  <button type="button" class="task-guard__button" onClick={() => setConfirming(false)}>
                    {t('reminder.emergency.no')}
                  </button>
                  {dismissFailed && <span role="alert">{t('reminder.emergency.failed')}</span>}
                </span>
              ) : (
                <button
                  type="button"
                  class="task-guard__button task-guard__button--link"
                  onClick={() => setConfirming(true)}
                >
                  {t('reminder.emergency.label')}
                </button>
              ))}
          </footer>
        </div>
      </div>
    </ReminderContext.Provider>
  );
};
