import { useEffect, useRef, useState } from 'preact/hooks';
import { PanelBody, type PanelProps } from './PanelBody';
import type { Store } from './store';
import { useEntries } from './useEntries';

/** What the launcher and the advanced-page section are drawn from. */
export type InspectorProps = Omit<PanelProps, 'entries' | 'clear' | 'idPrefix'> & { store: Store };

/** The launcher and its dialog, for admins, on every page. */
export function Inspector(props: InspectorProps) {
  const { store, t } = props;
  const entries = useEntries(store);
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);

  // Focus goes into the dialog when it opens and back to the launcher when it closes.
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const label = t('inspector.launcher', { count: entries.length });
  return (
    <>
      <button
        ref={launcher}
        type="button"
        class={`tg-insp__launcher ${entries.length ? 'tg-insp__launcher--alert' : ''}`}
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" class="tg-insp__icon">
          API
        </span>
        {entries.length > 0 && (
          <span aria-hidden="true" class="tg-insp__badge">
            {entries.length > 99 ? '99+' : entries.length}
          </span>
        )}
      </button>
      {open && (
        <div
          class="tg-insp__panel"
          role="dialog"
          aria-modal="false"
          aria-labelledby="tg-insp-title"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <header class="tg-insp__header">
            <h2 id="tg-insp-title" class="tg-insp__title" tabIndex={-1} ref={heading}>
              {t('inspector.title')}
            </h2>
            <button
              type="button"
              class="tg-insp__close"
              aria-label={t('inspector.close')}
              onClick={() => setOpen(false)}
            >
              ×
            </button>
          </header>
          <PanelBody {...props} entries={entries} clear={() => store.clear()} idPrefix="tg-insp-dialog" />
        </div>
      )}
    </>
  );
}

/** The advanced settings page's section: the same history and catalog, inline. */
export function InspectorPage(props: InspectorProps) {
  const entries = useEntries(props.store);
  return (
    <section class="tg-insp__page" aria-labelledby="tg-insp-page-title">
      <h2 id="tg-insp-page-title" class="tg-insp__title">
        {props.t('inspector.title')}
      </h2>
      <PanelBody {...props} entries={entries} clear={() => props.store.clear()} idPrefix="tg-insp-page" />
    </section>
  );
}
