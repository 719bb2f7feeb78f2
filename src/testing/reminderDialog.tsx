/** Shared builders of the reminder dialog's tests: the dialog as the runtime drives it, and ways to act on it. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach } from 'vitest';
import en from '../../i18n/en.json';
import { createTranslate } from '../i18n';
import { DEFAULT_CONFIG } from '../reminder/config';
import { ReminderDialog, type ReminderDialogProps } from '../reminder/ReminderDialog';
import type { FlaggedDeal } from '../reminder/scan';
import type { CreateOutcome, Draft, NewTask } from '../reminder/TaskForm';

// Thursday 2026-11-26 12:00 Moscow.
export const NOW = Date.parse('2026-11-26T09:00:00Z');

export const deal = (id: number): FlaggedDeal => ({
  id,
  name: `Deal ${id}`,
  price: 150_000,
  responsibleUserId: 2,
  pipelineId: 1,
  statusId: 20,
  pipelineName: 'Sales',
  stageName: 'Proposal',
  since: NOW - 3 * 86_400_000,
  createdAt: NOW - 10 * 86_400_000,
});

/** The element the dialog is drawn into; a new one for every test (`useDialogRoot`). */
export let root: HTMLElement;

/** A fresh root before each test of the calling file, and a clean page after. */
export const useDialogRoot = (): void => {
  beforeEach(() => {
    root = document.createElement('div');
    root.className = 'task-guard';
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    document.body.innerHTML = '';
  });
};

/** The dialog as the runtime drives it: a created task removes its deal from the list. */
export const Harness = (props: {
  deals: FlaggedDeal[];
  create: (deal: FlaggedDeal, task: NewTask) => Promise<CreateOutcome>;
  overrides?: Partial<ReminderDialogProps>;
}) => {
  const [deals, setDeals] = useState(props.deals);
  return (
    <ReminderDialog
      deals={deals}
      t={createTranslate(en)}
      language="en"
      currency="USD"
      timezone="Europe/Moscow"
      now={NOW}
      config={DEFAULT_CONFIG}
      taskTypes={[
        { id: 1, name: 'Follow-up' },
        { id: 2, name: 'Meeting' },
      ]}
      templates={['Call about {deal} ({stage})']}
      canClose
      snoozesLeft={3}
      emergency={false}
      drafts={new Map<number, Draft>()}
      onClose={() => undefined}
      onEmergency={async () => true}
      create={async (d, task) => {
        const outcome = await props.create(d, task);
        if (outcome.ok) setDeals((list) => list.filter((x) => x.id !== d.id));
        return outcome;
      }}
      {...props.overrides}
    />
  );
};

export const draw = async (props: Parameters<typeof Harness>[0]) => {
  await act(() => render(<Harness {...props} />, root));
};
export const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
export const type = async (text: string) => {
  const area = $<HTMLTextAreaElement>('textarea');
  if (!area) throw new Error('no text field');
  await act(() => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
export const submit = async () => {
  await act(async () => {
    $<HTMLFormElement>('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    // Let the create promise settle inside act, so its re-render is flushed before the assertions.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};
export const ok = async (): Promise<CreateOutcome> => ({ ok: true });
