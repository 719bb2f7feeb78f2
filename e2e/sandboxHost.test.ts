/**
 * The sandbox host itself, as the widget meets it: language and user switchers, the widget's i18n(), the deal card's
 * own task form, the API under amoCRM's request limit, and the fault lab.
 */
import { describe, expect, it } from 'vitest';
import { expectClean } from './expectClean';
import { errorsOf, navigate, useSandbox, waitReady } from './harness';

const { sb, open } = useSandbox();

describe('the widget in the sandbox host', () => {
  it('switches the language: APP.lang_id and the widget language file follow', async () => {
    const page = await open('/dashboard/', { user: 2, lang: 'ru' });
    const langFiles: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/i18n/')) langFiles.push(new URL(r.url()).pathname);
    });
    await Promise.all([page.waitForEvent('load'), page.getByRole('combobox', { name: 'Язык' }).selectOption('en')]);
    await waitReady(page);
    expect(await page.evaluate(() => (window as unknown as { APP: { lang_id: string } }).APP.lang_id)).toBe('en');
    expect(langFiles).toContain('/upl/task_guard/widget/i18n/en.json');
    expect(await page.textContent('[data-menu="dashboard"]')).toContain('Dashboard');
    await navigate(page, '/leads/pipeline/');
    expect(await page.evaluate(() => (window as unknown as { APP: { lang_id: string } }).APP.lang_id)).toBe('en');
    expectClean(page);
  });

  it('switches the user with the user switcher', async () => {
    const page = await open('/dashboard/', { user: 1 });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('combobox', { name: 'Пользователь' }).selectOption('4'),
    ]);
    await waitReady(page);
    const rights = await page.evaluate(() =>
      (window as unknown as { APP: { constant(n: string): { is_admin: boolean; id: number } } }).APP.constant(
        'user_rights',
      ),
    );
    expect(rights).toMatchObject({ is_admin: false, id: 4 });
  });

  it('gives the widget the host i18n(): false for a missing key, TypeError for a missing branch', async () => {
    const page = await open('/dashboard/');
    const result = await page.evaluate(() => {
      const w = (window as unknown as { __sandbox: { widget: { i18n(k: string): unknown } } }).__sandbox.widget;
      let threw = '';
      try {
        w.i18n('no_such_branch.key');
      } catch (error) {
        threw = (error as Error).name;
      }
      return { name: w.i18n('widget.name'), missing: w.i18n('widget.nope'), threw };
    });
    expect(result).toMatchObject({ missing: false, threw: 'TypeError' });
    expect(typeof result.name).toBe('string');
  });

  it('lets a manager set a task the native way from the deal card', async () => {
    const lead = sb().sandbox.store.data.leads.find(
      (l) => l.closestTaskAt === null && l.statusId !== 142 && l.statusId !== 143,
    );
    if (!lead) throw new Error('seed');
    const page = await open(`/leads/detail/${lead.id}`, { user: lead.responsibleUserId });
    expect(await page.locator('.card-feed .marker--none').count()).toBe(1);
    await page.fill('.composer-text', 'Перезвонить по договору');
    await page.getByRole('button', { name: 'Поставить', exact: true }).click();
    await page.waitForSelector('.feed-task');
    expect(lead.closestTaskAt).not.toBeNull();
    expect(await page.locator('.card-feed .marker--none').count()).toBe(0);
    expectClean(page);
  });

  it('runs API calls from the page as the logged-in user, under the 7-per-second limit', async () => {
    const page = await open('/dashboard/', { user: 2 });
    const answers = await page.evaluate(async () => {
      const users = (await fetch('/api/v4/users')).status;
      const me = ((await (await fetch('/api/v4/account')).json()) as { current_user_id: number }).current_user_id;
      const burst = await Promise.all(
        Array.from({ length: 10 }, () => fetch('/api/v4/leads/pipelines').then((r) => r.status)),
      );
      return { users, me, burst };
    });
    expect(answers.users).toBe(403);
    expect(answers.me).toBe(2);
    expect(answers.burst.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(sb().stats().byPath['GET /api/v4/leads/pipelines']).toBeGreaterThanOrEqual(10);
  });

  it.each(['fetch', 'xhr', 'jquery'])(
    'fires every fault lab case through %s without breaking the page',
    async (via) => {
      const page = await open('/sandbox/faults/', { user: 1 });
      const total = await page.locator('[data-fault-row]').count();
      await page.click(`[data-fire-all="${via}"]`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.fault-result--bad, .fault-result--ok').length === n,
        total,
        {
          timeout: 30_000,
        },
      );
      expect(total).toBeGreaterThan(60);
      expect(errorsOf(page).failedResponses.length).toBeGreaterThan(50);
      expect(errorsOf(page).pageErrors).toEqual([]);
    },
  );
});
