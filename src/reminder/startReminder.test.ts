import { describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import { NOW, S, dialog, fakeApi, settle, start, useReminderTime } from '../testing/reminderRuntime';
import { ACCOUNT_EVERY } from './checks';

vi.mock('../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

useReminderTime();

describe('startReminder', () => {
  it('shows a manager the deals without a next step', async () => {
    const { feature } = start();
    await settle();
    expect(dialog()).not.toBeNull();
    const links = [...document.querySelectorAll('.task-guard a.task-guard__link')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(['/leads/detail/1', '/leads/detail/2']);
    feature.stop();
    expect(dialog()).toBeNull();
  });

  it('leaves admins alone by default, without a single request', async () => {
    const { api } = fakeApi();
    const { feature } = start({ userId: 1, isAdmin: true }, api);
    await settle();
    expect(dialog()).toBeNull();
    expect(api.sent).toBe(0);
    feature.stop();
  });

  it('creates the task on the deal for the user, in Unix seconds, and drops the row', async () => {
    const { api, posts } = fakeApi();
    const { feature } = start({}, api);
    await settle();
    const area = document.querySelector<HTMLTextAreaElement>('.task-guard textarea');
    if (!area) throw new Error('no form');
    area.value = 'Call back';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector('.task-guard form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    const body = (posts[0]?.body as Record<string, unknown>[])[0];
    expect(posts[0]?.path).toBe('/api/v4/tasks');
    expect(body).toMatchObject({ text: 'Call back', entity_type: 'leads', responsible_user_id: 2, task_type_id: 1 });
    expect(Number.isInteger(body?.complete_till)).toBe(true);
    expect(body?.complete_till).toBeGreaterThan(S);
    expect(String(body?.request_id)).toMatch(/^task-guard-/);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });

  it('gentle: closing snoozes in every tab, up to the daily limit', async () => {
    const { feature, snoozes } = start();
    await settle();
    document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
    await settle();
    expect(dialog()).toBeNull();
    expect(snoozes.read()).toMatchObject({ count: 1, until: NOW + 50 + 30 * 60_000 });
    // It comes back by itself when the snooze ends.
    await vi.advanceTimersByTimeAsync(30 * 60_000 + 100);
    expect(dialog()).not.toBeNull();
    // Three closings a day (the default), then it stays.
    for (let i = 0; i < 2; i += 1) {
      document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
      await vi.advanceTimersByTimeAsync(30 * 60_000 + 100);
    }
    expect(dialog()).not.toBeNull();
    expect(snoozes.read()?.count).toBe(3);
    expect(document.querySelector('.task-guard__close')).toBeNull();
    expect(document.querySelector('.task-guard__snoozes')?.textContent).toContain('No snoozes left today');
    feature.stop();
  });

  it('strict: no way to close while deals remain', async () => {
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) });
    await settle();
    expect(dialog()).not.toBeNull();
    expect(document.querySelector('.task-guard__close')).toBeNull();
    feature.stop();
  });

  it('a failing first check never shows a blocking dialog', async () => {
    const { api } = fakeApi({ fail: true });
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
    await settle();
    expect(dialog()).toBeNull();
    feature.stop();
  });

  it.each([
    ['a server error (500)', 'http', 'could not check your deals'],
    ['a network failure', 'network', 'No connection'],
  ] as const)(
    'strict mode: %s on the next check unlocks the reminder already shown, and closing works',
    async (_name, kind, notice) => {
      const failLater = { on: false, kind };
      const { api } = fakeApi({ failLater });
      const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
      await settle();
      // The first check succeeded: strict, nothing to close it with.
      expect(dialog()).not.toBeNull();
      expect(document.querySelector('.task-guard__close')).toBeNull();
      failLater.on = true;
      await vi.advanceTimersByTimeAsync(5 * 60_000 + 100);
      expect(dialog()).not.toBeNull();
      expect(document.querySelector('.task-guard__notice-line')?.textContent).toContain(notice);
      const close = document.querySelector<HTMLButtonElement>('.task-guard__close');
      expect(close).not.toBeNull();
      close?.click();
      await settle();
      expect(dialog()).toBeNull();
      feature.stop();
    },
  );

  it('reads the account and its stages once per hour of checks, and again after a failed check', async () => {
    const failLater = { on: false, kind: 'http' as const };
    const { api, gets } = fakeApi({ failLater });
    const { feature } = start({}, api);
    const reads = () => gets.filter((p) => p === '/api/v4/account' || p === '/api/v4/leads/pipelines').length;
    const fullCheck = () => vi.advanceTimersByTimeAsync(5 * 60_000);
    await settle();
    expect(dialog()).not.toBeNull();
    expect(reads()).toBe(2);
    await fullCheck();
    await fullCheck();
    // Two more full checks, no more reads of the account: each costs only the deals and the tasks.
    expect(reads()).toBe(2);
    failLater.on = true;
    await fullCheck();
    failLater.on = false;
    await fullCheck();
    // A failed check drops what was kept: the next one reads the account afresh.
    expect(reads()).toBe(4);
    for (let i = 1; i < ACCOUNT_EVERY; i += 1) await fullCheck();
    expect(reads()).toBe(4);
    await fullCheck();
    // And at least once every ACCOUNT_EVERY checks, so a pipeline edited meanwhile shows up.
    expect(reads()).toBe(6);
    feature.stop();
  });

  it('a check that was under way when a task was created does not bring its row back', async () => {
    let answer: (tasks: unknown[]) => void = () => undefined;
    let hold = false;
    const { api } = fakeApi({
      tasks: () => (hold ? new Promise((resolve) => (answer = resolve)) : Promise.resolve([])),
    });
    const { feature } = start({}, api);
    await settle();
    hold = true;
    // Navigation: a quick re-check starts and waits for its answer.
    feature.navigated?.('leads');
    await settle();
    const area = document.querySelector<HTMLTextAreaElement>('.task-guard textarea');
    if (!area) throw new Error('no form');
    area.value = 'Call';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector('.task-guard form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    // The old answer (no tasks anywhere) arrives after the task was created.
    hold = false;
    answer([]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });

  it('strict mode: a later failed check makes the shown reminder closable, with a notice', async () => {
    const failLater = { on: false };
    const { api } = fakeApi({ failLater });
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) }, api);
    await settle();
    expect(document.querySelector('.task-guard__close')).toBeNull();
    failLater.on = true;
    await vi.advanceTimersByTimeAsync(5 * 60_000 + 100);
    expect(document.querySelector('.task-guard__notice-line')?.textContent).toContain('limiting requests');
    document.querySelector<HTMLButtonElement>('.task-guard__close')?.click();
    await settle();
    expect(dialog()).toBeNull();
    feature.stop();
  });

  it.each([
    ['the Integrations page', 'widgetsSettings', '/settings/widgets/'],
    ['the login log', 'authlog', '/settings/authlog/'],
    ['any other settings page, whatever its area', 'users', '/settings/users/'],
    ['the widget page', 'advanced-settings:task_guard', '/settings/widgets/task_guard/'],
    ['a deal card', 'leads_card', '/leads/detail/1'],
  ])('stays off %s', async (_name, area, path) => {
    const { feature } = start();
    await settle();
    expect(dialog()).not.toBeNull();
    feature.navigated?.(area, path);
    await settle();
    expect(dialog()).toBeNull();
    feature.navigated?.('leads-pipeline', '/leads/pipeline/1/');
    await settle();
    expect(dialog()).not.toBeNull();
    feature.stop();
  });

  it('gives way to the widget settings modal while it is open, even in strict mode', async () => {
    document.body.innerHTML = '<div id="task_guard_custom_content"></div>';
    const { feature } = start({ rawConfig: JSON.stringify({ mode: 'strict' }) });
    await settle();
    expect(dialog()).not.toBeNull();
    const root = document.getElementById('task_guard_custom_content') as HTMLElement;
    const close = feature.settings?.({ root, saved: undefined, set: () => undefined });
    await settle();
    expect(dialog()).toBeNull();
    close?.();
    await settle();
    expect(dialog()).not.toBeNull();
    feature.stop();
  });

  it('offers the built-in call and meeting types and every type of the account', async () => {
    const { feature } = start({
      taskTypes: [
        { id: 1, name: '' },
        { id: 2, name: '' },
        { id: 3, name: 'Письмо' },
        { id: 7, name: 'Отправить КП' },
      ],
    });
    await settle();
    const options = [...document.querySelectorAll<HTMLOptionElement>('.task-guard [role="dialog"] select option')];
    const offered = options.map((option) => option.textContent);
    expect(offered).toEqual(
      expect.arrayContaining([en.reminder.types.call, en.reminder.types.meeting, 'Письмо', 'Отправить КП']),
    );
    feature.stop();
  });
});
