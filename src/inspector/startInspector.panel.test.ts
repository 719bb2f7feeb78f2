/** The launcher and its dialog: what an admin sees of the captured failures, copies and filters. */
import { describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';
import { cleanUpAfterEach, context, failure, launcher, openPanel, shown, start } from './testing/fakeHost';
import { allByRole, byRole } from './testing/queries';

cleanUpAfterEach();

describe('startInspector', () => {
  it('shows a launcher whose name counts the failures, opening a named dialog', async () => {
    const s = start(context());
    await shown();
    expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 0');
    await s.emit(failure());
    await s.emit(failure({ status: 503, body: '', url: 'https://demo.amocrm.ru/api/v4/leads' }));
    // Preact subscribes in an effect (after the first frame): wait for it, as a user would.
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 2'));
    await openPanel();
    const dialog = document.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('tg-insp-title');
    expect(document.getElementById('tg-insp-title')?.textContent).toBe('Ошибки API');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('tg-insp-title'));
    // Newest first: the 503 leads the list.
    const titles = [...document.querySelectorAll('.tg-insp__card .tg-insp__head strong')].map((n) => n.textContent);
    expect(titles[0]).toBe('HTTP 503');
    expect(titles[1]).toBe('Код NotSupportedChoice · Валидация');
    dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(launcher()));
  });

  it('renders network text as inert text and never shows a secret', async () => {
    const s = start(context());
    await shown();
    await s.emit(failure());
    await openPanel();
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const panel = document.querySelector('[role="dialog"]');
    expect(panel?.querySelector('img, b, script')).toBeNull();
    expect(panel?.textContent).toContain('<img src=x onerror="window.pwned=1">');
    const html = document.body.innerHTML;
    expect(html).not.toContain('0c0e8f9dedfd8d24');
    expect(html).not.toContain('abcdef123456');
    expect(html).not.toContain('ivan@example.com');
    expect(s.saved.value).not.toContain('0c0e8f9dedfd8d24');
    expect(panel?.textContent).toContain('req-42');
  });

  it('copies a redacted Markdown report with the request id', async () => {
    const s = start(context());
    await shown();
    await s.emit(failure());
    await openPanel();
    byRole(document.body, 'button', 'Копировать отчёт').click();
    await vi.waitFor(() =>
      expect(document.querySelector('.tg-insp__actions [role="status"]')?.textContent).toBe('Скопировано'),
    );
    expect(s.copies[0]).toContain('req-42');
    expect(s.copies[0]).toContain('NotSupportedChoice');
    expect(s.copies[0]).not.toContain('0c0e8f9dedfd8d24');
    byRole(document.body, 'button', 'Копировать JSON').click();
    await vi.waitFor(() => expect(s.copies).toHaveLength(2));
    expect(JSON.parse(s.copies[1] ?? '{}')).toMatchObject({ failures: [{ requestIds: ['req-42'], status: 400 }] });
  });

  it('shows the breaker notice when the watchers trip after the panel was drawn', async () => {
    const s = start(context());
    await shown();
    const notice = () =>
      [...document.querySelectorAll('.tg-insp__notice')].find((n) => n.textContent === ru.inspector.breaker);
    await openPanel();
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    expect(notice()).toBeUndefined();
    s.breaker.tripped = true;
    // A store change redraws the open panel: it reads the breaker again.
    await s.emit(failure());
    await vi.waitFor(() => expect(notice()).toBeDefined());
    // Closed and opened again, the panel still says so.
    await openPanel();
    expect(notice()).toBeUndefined();
    await openPanel();
    expect(notice()).toBeDefined();
  });

  it('filters by status and clears', async () => {
    const s = start(context());
    await shown();
    await s.emit(failure());
    await s.emit(failure({ status: 429, body: '{"title":"Too Many Requests","status":429}' }));
    await openPanel();
    const status = byRole(document.body, 'combobox', 'Статус') as HTMLSelectElement;
    status.value = '429';
    status.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(allByRole(byRole(document.body, 'list', 'Последние сбои'), 'listitem')).toHaveLength(1);
    byRole(document.body, 'button', 'Очистить').click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('Ошибки API: 0'));
  });

  it('speaks English to an English user', async () => {
    const s = start(context({ language: 'en' }), en);
    await shown();
    await s.emit(
      failure({
        url: 'https://demo.amocrm.ru/private/api/auth.php',
        status: 401,
        body: '{"response":{"error":"x","error_code":"110"}}',
      }),
    );
    await vi.waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('API errors: 1'));
    await openPanel();
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain(
      'General authorization error. Incorrect login or password.',
    );
  });
});
