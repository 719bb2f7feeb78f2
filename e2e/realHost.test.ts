/**
 * What the real amoCRM host does differently from our first notes, played in the sandbox that now behaves like it
 * (docs/real-host.md): the account's own task types, the quiet Integrations page, a rights 403 that refuses one
 * call only, and a reminder that says why it rests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, launchBrowser, navigate, openPage, startSandbox, type SandboxHandle } from './harness';

const ALWAYS = { workDays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00' };
const dialog = '.task-guard [role="dialog"]';

let browser: Browser;
let sb: SandboxHandle;
const pages: Page[] = [];

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
};
const saveConfig = (config: Record<string, unknown>) => post('_sandbox/settings', { config: JSON.stringify(config) });
const open = async (path: string, user: number) => {
  const page = await openPage(browser, sb.url + path.replace(/^\//, ''), { user, lang: 'en' });
  pages.push(page);
  return page;
};
const expectClean = (page: Page) => {
  const { pageErrors, consoleErrors } = errorsOf(page);
  expect({ pageErrors, consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
};
const openRows = (page: Page) => page.locator('.task-guard__row').count();

beforeAll(async () => {
  browser = await launchBrowser();
  sb = await startSandbox();
});
afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close();
  await sb.reset();
});
afterAll(async () => {
  await sb?.stop();
  await browser?.close();
});

describe('the widget on a host that behaves like amoCRM', () => {
  it("offers the account's own task types next to call and meeting, and creates one", async () => {
    await saveConfig(ALWAYS);
    const page = await open('/leads/pipeline/', 2);
    await page.waitForSelector(`${dialog} select`);
    const type = page.locator(`${dialog} .task-guard__row--open`).getByLabel('Type');
    expect(await type.locator('option').allTextContents()).toEqual(['Follow-up', 'Meeting', 'Письмо', 'Отправить КП']);
    await type.selectOption({ label: 'Отправить КП' });
    await page.fill(`${dialog} .task-guard__row--open textarea`, 'Send the offer');
    const before = await openRows(page);
    await page.click(`${dialog} .task-guard__row--open button[type="submit"]`);
    await page.waitForFunction((n) => document.querySelectorAll('.task-guard__row').length === n - 1, before);
    const created = sb.sandbox.store.data.tasks.find((task) => task.text === 'Send the offer');
    expect(created?.taskTypeId).toBe(4);
    expectClean(page);
  });

  it('never covers the Integrations page or the widget page for an admin who is reminded, even in strict mode', async () => {
    await saveConfig({ ...ALWAYS, includeAdmins: true, mode: 'strict' });
    // The demo admin keeps every deal's next step: take the tasks off one of them.
    const { data } = sb.sandbox.store;
    const deal = data.leads.find(
      (lead) => lead.responsibleUserId === 1 && lead.statusId !== 142 && lead.statusId !== 143,
    );
    if (!deal) throw new Error('the demo admin has no open deal');
    for (const task of sb.sandbox.store.tasksOf('leads', deal.id)) task.isCompleted = true;
    sb.sandbox.store.refreshClosest(deal.id);
    const page = await open('/leads/pipeline/', 1);
    await page.waitForSelector(dialog);
    for (const path of ['/settings/widgets/', '/settings/widgets/task_guard/']) {
      await navigate(page, path);
      await page.waitForSelector(dialog, { state: 'detached' });
    }
    // On the Integrations page the admin can open the widget's settings and switch it off.
    await navigate(page, '/settings/widgets/');
    await page.click('.integration-card--ours');
    await page.waitForSelector('.widget-settings-modal:not(.modal--hidden)');
    expect(await page.locator(dialog).count()).toBe(0);
    // Back at work, the reminder is there again.
    await page.keyboard.press('Escape');
    await navigate(page, '/leads/pipeline/');
    await page.waitForSelector(dialog);
    expectClean(page);
  });

  it('a rights 403 refuses that task only: the next task is created at once', async () => {
    await saveConfig(ALWAYS);
    const page = await open('/leads/pipeline/', 2);
    await page.waitForSelector(`${dialog} .task-guard__row--open textarea`);
    const before = await openRows(page);
    expect(before).toBeGreaterThan(1);
    await post('_sandbox/faults', { method: 'POST', path: '/api/v4/tasks', status: 'rights', count: 1 });
    await page.fill(`${dialog} .task-guard__row--open textarea`, 'Refused');
    await page.click(`${dialog} .task-guard__row--open button[type="submit"]`);
    await page.waitForSelector('.task-guard__problem');
    expect(await openRows(page)).toBe(before);
    // Another deal: no pause, no waiting 15 minutes.
    await page.locator('.task-guard__row:not(.task-guard__row--open) button').first().click();
    await page.fill(`${dialog} .task-guard__row--open textarea`, 'Allowed');
    const started = Date.now();
    await page.click(`${dialog} .task-guard__row--open button[type="submit"]`);
    await page.waitForFunction((n) => document.querySelectorAll('.task-guard__row').length === n - 1, before);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sb.sandbox.store.data.tasks.some((task) => task.text === 'Allowed')).toBe(true);
    expect(sb.sandbox.store.data.tasks.some((task) => task.text === 'Refused')).toBe(false);
  });

  it("says on the admin's widget page why there is no reminder at night, and when it checks next", async () => {
    await saveConfig({ includeAdmins: true });
    // Wednesday 23:00 on the account's clock (Europe/Moscow): outside the default Mon-Fri 09:00-19:00.
    await post('_sandbox/clock', { at: '2026-12-02T23:00' });
    const page = await open('/settings/widgets/task_guard/', 1);
    const status = page.locator('.task-guard [role="status"]').first();
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('resting outside working hours (09:00–19:00, Europe/Moscow)');
    expect(text).toMatch(/Next check: .*Dec.* 3.*9:00/);
    expect(await page.locator(dialog).count()).toBe(0);
    // In the morning, the same page says what the reminder found instead.
    await post('_sandbox/clock', { at: '2026-12-03T11:00' });
    await page.reload();
    await page.locator('.task-guard [role="status"]').first().waitFor();
    await expect
      .poll(async () => (await page.locator('.task-guard [role="status"]').first().textContent()) ?? '')
      .toMatch(/deals without a next task: \d+|nothing to show/);
    expectClean(page);
  });
});
