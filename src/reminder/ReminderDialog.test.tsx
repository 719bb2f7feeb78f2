import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { $, deal, draw, ok, root, submit, type, useDialogRoot } from '../testing/reminderDialog';
import type { CreateOutcome } from './TaskForm';

useDialogRoot();

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
        rate: false,
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
});
