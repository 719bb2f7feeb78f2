import { describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import { createApi } from '../host/api';
import { realClock } from '../host/clock';
import { joinTabs, sharedValue } from '../host/tabs';
import { createTranslate } from '../i18n';
import { ctx, dialog, fakeApi, lead, settle, startReminderWith, useReminderTime } from '../testing/reminderRuntime';
import { memory } from '../testing/widgetContext';
import type { SnoozeRecord, TabMessage } from './startReminder';
import reminderUi from './ui';

vi.mock('../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

useReminderTime();

describe('a task amoCRM rejects', () => {
  const reject = async (adminKit: () => Promise<unknown>) => {
    const { api, posts } = fakeApi({ rejectPost: true });
    const feature = startReminderWith(
      { ctx: ctx(), t: createTranslate(en), halves: { admin: adminKit } },
      {
        api,
        clock: realClock,
        snoozes: sharedValue<SnoozeRecord>('snooze', memory()),
        tabs: joinTabs<TabMessage>('tg', { clock: realClock }),
      },
    );
    // The tabs meet over a real BroadcastChannel, whose messages no fake timer hurries: wait for the form.
    const text = await vi.waitFor(() => {
      const found = document.querySelector<HTMLTextAreaElement>('.task-guard [role="dialog"] textarea');
      if (!found) throw new Error('no task form');
      return found;
    });
    text.value = 'Call back about the contract';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.querySelector<HTMLButtonElement>('.task-guard [role="dialog"] button[type="submit"]')?.click();
    await settle();
    const problem = document.querySelector('.task-guard__problem')?.textContent ?? '';
    const kept = document.querySelector<HTMLTextAreaElement>('.task-guard [role="dialog"] textarea')?.value;
    feature.stop();
    return { problem, kept, posts };
  };

  it('is explained from the catalog in admin.js, loaded only now, and keeps the typed text', async () => {
    const explainFailure = vi.fn(() => ({
      code: 'FieldMissing',
      section: 'tasks',
      title: 'Catalog title',
      explanation: 'Catalog explanation',
      advice: 'Catalog advice',
      rows: [],
    }));
    const adminKit = vi.fn(async () => ({ explainFailure }));
    const { problem, kept, posts } = await reject(adminKit);
    expect(posts).toHaveLength(1);
    expect(adminKit).toHaveBeenCalledTimes(1);
    expect(explainFailure).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', status: 400, body: '{"title":"Bad Request"}' }),
      expect.any(Function),
    );
    expect(problem).toContain('Catalog explanation');
    expect(kept).toBe('Call back about the contract');
  });

  it('still says so, plainly, when admin.js cannot load', async () => {
    const { problem, kept } = await reject(async () => {
      throw new Error('script error');
    });
    expect(problem).toContain(en.reminder.taskFailed);
    expect(problem).toContain(en.reminder.taskNotice.failed);
    expect(kept).toBe('Call back about the contract');
  });
});

describe('stop', () => {
  it('takes the dialog and its sheet away even when one undo throws', async () => {
    const snoozes = sharedValue<SnoozeRecord>('snooze', memory());
    const tabs = joinTabs<TabMessage>('tg', { clock: realClock });
    const feature = startReminderWith(
      {
        ctx: ctx(),
        t: createTranslate(en),
        // The dialog's undo runs first (last in, first out) and fails after taking the dialog away.
        halves: {
          reminder: async () => ({
            showReminder: (...args: Parameters<typeof reminderUi.showReminder>) => {
              const undo = reminderUi.showReminder(...args);
              return () => {
                undo();
                throw new Error('unmount failed');
              };
            },
          }),
        },
      },
      { api: fakeApi().api, clock: realClock, snoozes, tabs },
    );
    await settle();
    expect(dialog()).not.toBeNull();
    expect(document.querySelectorAll('style').length).toBe(1);
    expect(() => feature.stop()).not.toThrow();
    expect(dialog()).toBeNull();
    expect(document.querySelectorAll('style').length).toBe(0);
  });
});

describe('a task refused for rights', () => {
  it("fails only that task: the next deal's task is created at once, and checks go on", async () => {
    let refused = 0;
    const posted: unknown[] = [];
    const api = createApi({
      now: () => Date.now(),
      fetch: async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          if (posted.length === 1) {
            refused += 1;
            return Response.json(
              { title: 'Forbidden', status: 403, detail: 'Недостаточно прав. Доступ запрещен.' },
              { status: 403 },
            );
          }
          return Response.json({ _embedded: { tasks: [{ id: 99 }] } });
        }
        if (url.startsWith('/api/v4/account')) return Response.json({ is_api_filter_enabled: true });
        if (url.startsWith('/api/v4/leads/pipelines'))
          return Response.json({
            _embedded: {
              pipelines: [{ id: 1, name: 'Sales', _embedded: { statuses: [{ id: 20, name: 'Proposal', type: 0 }] } }],
            },
          });
        if (url.startsWith('/api/v4/leads')) return Response.json({ _embedded: { leads: [lead(1), lead(2)] } });
        return new Response(null, { status: 204 });
      },
    });
    const feature = startReminderWith(
      { ctx: ctx(), t: createTranslate(en), halves: { admin: async () => Promise.reject(new Error('offline')) } },
      {
        api,
        clock: realClock,
        snoozes: sharedValue<SnoozeRecord>('snooze', memory()),
        tabs: joinTabs<TabMessage>('tg', { clock: realClock }),
      },
    );
    await vi.advanceTimersByTimeAsync(3_000);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(2);
    const submit = async () => {
      const open = document.querySelector('.task-guard__row--open');
      const text = open?.querySelector<HTMLTextAreaElement>('textarea');
      if (!open || !text) throw new Error('no task form');
      text.value = 'Call back';
      text.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      open.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await vi.advanceTimersByTimeAsync(1_000);
    };
    await submit();
    expect(refused).toBe(1);
    expect(document.querySelector('.task-guard__problem')?.textContent).toBeTruthy();
    expect(api.blockedUntil()).toBe(0);
    // The other deal: its task goes through at once, with no 15-minute pause.
    const other = [...document.querySelectorAll('.task-guard__row')].find(
      (row) => !row.classList.contains('task-guard__row--open'),
    );
    other?.querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    await submit();
    expect(posted).toHaveLength(2);
    expect(document.querySelectorAll('.task-guard__row')).toHaveLength(1);
    feature.stop();
  });
});
