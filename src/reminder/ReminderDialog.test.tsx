import { render } from 'preact';
import { act } from 'preact/test-utils';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { createTranslate } from '../i18n';
import { DEFAULT_CONFIG } from './config';
import { ReminderDialog, PAGE_ROWS, type ReminderDialogProps } from './ReminderDialog';
import type { FlaggedDeal } from './scan';
import type { CreateOutcome, Draft, NewTask } from './TaskForm';

// Thursday 2026-11-26 12:00 Moscow.
const NOW = Date.parse('2026-11-26T09:00:00Z');

const deal = (id: number): FlaggedDeal => ({
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

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  root.className = 'task-guard';
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});

/** The dialog as the runtime drives it: a created task removes its deal from the list. */
const Harness = (props: {
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

const draw = async (props: Parameters<typeof Harness>[0]) => {
  await act(() => render(<Harness {...props} />, root));
};
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
const type = async (text: string) => {
  const area = $<HTMLTextAreaElement>('textarea');
  if (!area) throw new Error('no text field');
  await act(() => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const submit = async () => {
  await act(async () => {
    $<HTMLFormElement>('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    // Let the create promise settle inside act, so its re-render is flushed before the assertions.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};
const ok = async (): Promise<CreateOutcome> => ({ ok: true });

describe('ReminderDialog', () => {
  it('is an accessible modal headed with the count, listing each deal with its link, stage, budget and age', async () => {
    await draw({ deals: [deal(1), deal(2), deal(3)], create: ok });
    const dialog = $('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    const heading = document.getElementById(dialog?.getAttribute('aria-labelledby') ?? '');
    expect(heading?.textContent).toBe('Set a task!');
    expect($('.task-guard__count')?.textContent).toBe('3 deals without a next step');
    const links = [...root.querySelectorAll('a.task-guard__link')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/leads/detail/1', '/leads/detail/2', '/leads/detail/3']);
    expect(root.textContent).toContain('Sales › Proposal');
    expect(root.textContent).toContain('$150,000');
    expect(root.textContent).toContain('no task for 3 days');
  });

  it("opens the first deal's form with a due date preselected, so typing and Create is enough", async () => {
    const create = vi.fn(ok);
    await draw({ deals: [deal(1), deal(2)], create });
    expect(document.activeElement).toBe($('textarea'));
    expect($<HTMLSelectElement>('form select:nth-of-type(1)')).not.toBeNull();
    await type('Call back with the price');
    await submit();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), {
      typeId: 1,
      text: 'Call back with the price',
      // Today by the end of the working day: 19:00 Moscow.
      completeTill: Date.parse('2026-11-26T16:00:00Z'),
    });
  });

  it('works through the queue: the row leaves, the next form takes focus, zero rows left at the end', async () => {
    await draw({ deals: [deal(1), deal(2)], create: ok });
    await type('First');
    await submit();
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(1);
    expect($('.task-guard__count')?.textContent).toBe('1 deal without a next step');
    const area = $<HTMLTextAreaElement>('textarea');
    expect(document.activeElement).toBe(area);
    expect(area?.value).toBe('');
    await type('Second');
    await submit();
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(0);
  });

  it('fills a template with the deal name and stage, still editable', async () => {
    await draw({ deals: [deal(7)], create: ok });
    await act(() => $<HTMLButtonElement>('.task-guard__chip')?.click());
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Call about Deal 7 (Proposal)');
  });

  it('shows why a task was rejected and keeps what was typed', async () => {
    const create = vi.fn(async (): Promise<CreateOutcome> => ({
      ok: false,
      explanation: {
        code: '400',
        section: 'tasks',
        title: 'The task was rejected',
        explanation: 'complete_till is in the past',
        advice: 'Pick a later date',
        rows: [{ code: 'InvalidType', path: 'complete_till', detail: 'must be in the future' }],
      },
    }));
    await draw({ deals: [deal(1)], create });
    await type('Keep me');
    await submit();
    const alert = $('[role="alert"]');
    expect(alert?.textContent).toContain('The task was rejected');
    expect(alert?.textContent).toContain('complete_till');
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('Keep me');
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(1);
  });

  it('creates one task however often Create is pressed while it is pending', async () => {
    let finish: (outcome: CreateOutcome) => void = () => undefined;
    const create = vi.fn(() => new Promise<CreateOutcome>((resolve) => (finish = resolve)));
    await draw({ deals: [deal(1), deal(2)], create });
    await type('Once');
    await submit();
    await submit();
    await submit();
    expect(create).toHaveBeenCalledTimes(1);
    await act(async () => finish({ ok: true }));
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(1);
  });

  it('asks for text instead of sending an empty task', async () => {
    const create = vi.fn(ok);
    await draw({ deals: [deal(1)], create });
    await submit();
    expect(create).not.toHaveBeenCalled();
    expect(root.textContent).toContain('Write what needs to be done');
  });

  it.each([
    ['gentle: Escape closes', true, 1],
    ['strict: Escape does nothing', false, 0],
  ])('%s', async (_name, canClose, closes) => {
    const onClose = vi.fn();
    await draw({
      deals: [deal(1)],
      create: ok,
      overrides: { canClose, onClose, snoozesLeft: canClose ? 2 : undefined },
    });
    await act(() => {
      $('textarea')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(closes);
    expect(!!$('.task-guard__close')).toBe(canClose);
  });

  it('keeps focus inside: Tab from the last control goes to the first, Shift+Tab back', async () => {
    await draw({ deals: [deal(1)], create: ok });
    const controls = [...root.querySelectorAll<HTMLElement>('a[href],button,select,textarea,input')];
    const first = controls[0];
    const last = controls[controls.length - 1];
    last?.focus();
    await act(() => {
      last?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(first);
    await act(() => {
      first?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true }),
      );
    });
    expect(document.activeElement).toBe(last);
  });

  it('gives focus back to where the user was when it closes', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'On the page';
    document.body.appendChild(outside);
    outside.focus();
    await draw({ deals: [deal(1), deal(2)], create: ok });
    // The first form took focus on the way in...
    expect(document.activeElement).toBe($('textarea'));
    await act(() => render(null, root));
    // ...and the page's button gets it back, not the textarea that is gone.
    expect(document.activeElement).toBe(outside);
  });

  it.each([
    ['the middle one: the row that took its place', [1, 2, 3], 2, 3],
    ['the last one: the new last row', [1, 2, 3], 3, 2],
    ['the first one: the next row', [1, 2, 3], 1, 2],
  ])(
    'when the open deal leaves the list from outside (%s), focus stays inside on the next form',
    async (_name, ids, removed, next) => {
      const base = (list: number[]) => (
        <ReminderDialog
          deals={list.map(deal)}
          t={createTranslate(en)}
          language="en"
          currency="USD"
          timezone="Europe/Moscow"
          now={NOW}
          config={DEFAULT_CONFIG}
          taskTypes={[{ id: 1, name: 'Follow-up' }]}
          templates={[]}
          canClose={false}
          snoozesLeft={undefined}
          emergency={false}
          drafts={new Map()}
          onClose={() => undefined}
          onEmergency={async () => true}
          create={ok}
        />
      );
      await act(() => render(base(ids), root));
      const opener = [...root.querySelectorAll<HTMLElement>('.task-guard__row')]
        .find((row) => row.querySelector(`a[href="/leads/detail/${removed}"]`))
        ?.querySelector<HTMLButtonElement>('button');
      if (removed !== ids[0]) await act(() => opener?.click());
      expect(document.activeElement).toBe(
        $(`form[aria-label="${en.reminder.form.label.replace('{deal}', `Deal ${removed}`)}"] textarea`),
      );
      // A re-check or another tab's created task takes the open deal away.
      await act(() => render(base(ids.filter((id) => id !== removed)), root));
      const form = $<HTMLFormElement>('form');
      expect(root.querySelectorAll('form')).toHaveLength(1);
      expect(form?.closest('.task-guard__row')?.querySelector('a')?.getAttribute('href')).toBe(`/leads/detail/${next}`);
      expect(document.activeElement).toBe(form?.querySelector('textarea'));
      expect($('[role="dialog"]')?.contains(document.activeElement)).toBe(true);
    },
  );

  it('draws the first rows of 5000 deals and the rest on demand', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => deal(i + 1));
    await draw({ deals: many, create: ok });
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(PAGE_ROWS);
    expect($('.task-guard__count')?.textContent).toBe('5000 deals without a next step');
    await act(() => $<HTMLButtonElement>('.task-guard__more')?.click());
    expect(root.querySelectorAll('.task-guard__row')).toHaveLength(PAGE_ROWS * 3);
  });

  it('speaks Russian with Russian plurals', async () => {
    await act(() =>
      render(
        <ReminderDialog
          deals={[deal(1), deal(2)]}
          t={createTranslate(ru)}
          language="ru"
          currency="RUB"
          timezone="Europe/Moscow"
          now={NOW}
          config={DEFAULT_CONFIG}
          taskTypes={[{ id: 1, name: 'Связаться' }]}
          templates={[]}
          canClose={false}
          snoozesLeft={undefined}
          emergency
          drafts={new Map()}
          onClose={() => undefined}
          onEmergency={async () => true}
          create={ok}
        />,
        root,
      ),
    );
    expect($('h2')?.textContent).toBe('Поставьте задачу!');
    expect($('.task-guard__count')?.textContent).toBe('2 сделки без следующего шага');
    expect(root.textContent).toContain('Создать');
    expect(root.textContent).toContain('Экстренно закрыть');
  });
});
