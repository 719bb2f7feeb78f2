import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { createTranslate } from '../i18n';
import { $, NOW, deal, draw, ok, root, useDialogRoot } from '../testing/reminderDialog';
import { DEFAULT_CONFIG } from './config';
import { ReminderDialog, PAGE_ROWS } from './ReminderDialog';

useDialogRoot();

describe('ReminderDialog: focus, long lists and languages', () => {
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
