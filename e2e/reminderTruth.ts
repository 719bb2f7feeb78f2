/**
 * The reminder's ground truth for browser tests, read from the sandbox's own data, and the dialog as the user sees
 * it. Shared by e2e/reminder.test.ts and e2e/incremental.test.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SandboxHandle } from './harness';

/** "Always" working hours, so the result does not depend on when the tests run. */
export const ALWAYS = { workDays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00' };
const WON = 142;
const LOST = 143;

/** The reminder's dialog. */
export const DIALOG = '.task-guard [role="dialog"]';

/** Saves the policy as the admin's Save would: always-on working hours under `config`. */
export const saveConfig = async (sb: SandboxHandle, config: Record<string, unknown>): Promise<void> => {
  const res = await fetch(`${sb.url}_sandbox/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config: JSON.stringify({ ...ALWAYS, ...config }) }),
  });
  expect(res.ok).toBe(true);
};

/** The manager's open deals the default policy watches (every stage but won, lost and unsorted). */
export const watchedDeals = (sb: SandboxHandle, userId: number) => {
  const { data } = sb.sandbox.store;
  const unsorted = new Set(data.pipelines.flatMap((p) => p.statuses.filter((s) => s.type === 1).map((s) => s.id)));
  return data.leads.filter(
    (l) => l.responsibleUserId === userId && l.statusId !== WON && l.statusId !== LOST && !unsorted.has(l.statusId),
  );
};

/** The manager's watched deals with no open task, by id: what the dialog must list. */
export const expectedDeals = (sb: SandboxHandle, userId: number): number[] => {
  const { data } = sb.sandbox.store;
  const withTask = new Set(data.tasks.filter((t) => !t.isCompleted && t.entityType === 'leads').map((t) => t.entityId));
  return watchedDeals(sb, userId)
    .filter((l) => !withTask.has(l.id))
    .map((l) => l.id)
    .sort((a, b) => a - b);
};

/** The deals the dialog lists, by id, after drawing every row ("show more"); none when it is not up. */
export const shownDeals = async (page: Page): Promise<number[]> => {
  if (!(await page.$(DIALOG))) return [];
  while (await page.$('.task-guard__more')) await page.click('.task-guard__more');
  return (
    await page.$$eval(`${DIALOG} a.task-guard__link`, (links) =>
      links.map((a) => Number(a.getAttribute('href')?.split('/').pop())),
    )
  ).sort((a, b) => a - b);
};
