/**
 * Who gets the inspector and when: watchers.js and admin.js as they arrive or fail, the advanced settings page, and
 * what stop leaves behind.
 */
import { describe, expect, it, vi } from 'vitest';
import adminKit, { type AdminKit } from '../admin';
import ru from '../../i18n/ru.json';
import { cleanUpAfterEach, context, failure, launcher, shown, start } from './testing/fakeHost';

cleanUpAfterEach();

describe('startInspector', () => {
  it('gives a manager no watchers: watchers.js is never asked for, nothing shown or kept, admin.js never loaded', async () => {
    const s = start(context({ isAdmin: false }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.watchers).not.toHaveBeenCalled();
    expect(s.installs).not.toHaveBeenCalled();
    expect(s.listeners).toHaveLength(0);
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(s.feature.advanced).toBeUndefined();
    expect(s.loads).not.toHaveBeenCalled();
  });

  it('keeps the failures captured while admin.js is still on its way', async () => {
    let arrive: (kit: AdminKit) => void = () => undefined;
    const s = start(context(), ru, () => new Promise((resolve) => (arrive = resolve)));
    // Subscribed as soon as watchers.js arrived, before admin.js: the watchers report to someone from the first page on.
    expect(s.watchers).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(s.listeners).toHaveLength(1));
    await s.emit(failure());
    await s.emit(failure({ status: 503, body: '', url: 'https://demo.amocrm.ru/api/v4/leads' }));
    expect(launcher()).toBeNull();
    arrive(adminKit);
    await shown();
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 2'));
    await s.emit(failure({ status: 429, body: '{"title":"Too Many Requests","status":429}' }));
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 3'));
    expect(s.loads).toHaveBeenCalledTimes(1);
  });

  it('asks for admin.js once for the launcher and the advanced page', async () => {
    const s = start(context());
    await shown();
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('.tg-insp__page')).not.toBeNull());
    expect(s.loads).toHaveBeenCalledTimes(1);
    undo?.();
  });

  it('tells the admin in a line when admin.js cannot be loaded, and tries again for the advanced page', async () => {
    const s = start(context(), ru, () => Promise.reject(new Error('script error')));
    await s.emit(failure());
    await vi.waitFor(() => expect(document.querySelector('.task-guard__unavailable')).not.toBeNull());
    expect(document.querySelector('.task-guard__unavailable')?.textContent).toBe(ru.admin.unavailable);
    expect(launcher()).toBeNull();
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('.task-guard__unavailable')).not.toBeNull());
    expect(s.loads).toHaveBeenCalledTimes(2);
    undo?.();
    expect(root.childElementCount).toBe(0);
    root.remove();
    s.feature.stop();
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.querySelector('style[id^="task-guard"]')).toBeNull();
  });

  it('puts the history and the catalog search on the advanced settings page', async () => {
    const s = start(context());
    const root = document.createElement('section');
    document.body.appendChild(root);
    const undo = s.feature.advanced?.(root);
    await vi.waitFor(() => expect(root.querySelector('input[type="search"]')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('input[type="search"]');
    expect(input?.labels?.[0]?.textContent).toBe('Справочник ошибок amoCRM');
    if (!input) throw new Error('no search');
    input.value = 'капчи';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.querySelector('.tg-insp__results')?.textContent).toContain('Код 111 · Авторизация');
    undo?.();
    expect(root.childElementCount).toBe(0);
  });

  it('leaves the page as it found it on stop', async () => {
    const s = start(context());
    await shown();
    s.feature.stop();
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.getElementById('task-guard-style-inspector')).toBeNull();
    expect(s.listeners).toHaveLength(0);
  });

  it('draws nothing when stopped before admin.js arrived', async () => {
    const s = start(context());
    s.feature.stop();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.loads).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.task-guard')).toBeNull();
    expect(document.querySelector('style[id^="task-guard"]')).toBeNull();
  });
});
