import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../i18n/en.json';
import type { WidgetContext } from '../host/amo';
import type { Api } from '../host/api';
import { createTranslate } from '../i18n';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../reminder/config';
import { stageKey, type Stage } from '../reminder/policy';
import type { FlaggedDeal, ScanResult } from '../reminder/scan';
import { SettingsForm } from './SettingsForm';
import { TeamReport, teamLines } from './TeamReport';

vi.mock('../host/network/registry', () => ({ nativeFetch: () => fetch, reportOwnFailure: () => undefined }));

const t = createTranslate(en);
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});
const tick = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

const stages = new Map<string, Stage>([
  [stageKey(1, 10), { pipelineId: 1, statusId: 10, name: 'Incoming', pipelineName: 'Sales', unsorted: true }],
  [stageKey(1, 20), { pipelineId: 1, statusId: 20, name: 'Proposal', pipelineName: 'Sales', unsorted: false }],
  [stageKey(1, 142), { pipelineId: 1, statusId: 142, name: 'Won', pipelineName: 'Sales', unsorted: false }],
]);
const managers = [
  { id: 1, name: 'Olga', isAdmin: true, active: true },
  { id: 2, name: 'Ivan', isAdmin: false, active: true },
  { id: 3, name: 'Maria', isAdmin: false, active: true },
];

describe('SettingsForm', () => {
  const draw = async (raw: unknown) => {
    const changes: Config[] = [];
    await act(() =>
      render(
        <SettingsForm
          t={t}
          language="en"
          managers={managers}
          parsed={parseConfig(raw)}
          loadStages={async () => stages}
          onChange={(config) => changes.push(config)}
        />,
        root,
      ),
    );
    await tick();
    return changes;
  };

  it('warns about a malformed value instead of failing, and shows the defaults', async () => {
    await draw('{nope');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('cannot be read');
    const checked = [...root.querySelectorAll<HTMLInputElement>('.task-guard__pipeline input')].map((i) => i.checked);
    // Incoming (unsorted) off, Proposal on; Won is never offered.
    expect(checked).toEqual([false, true]);
  });

  it('turns every edit into valid JSON for the custom field', async () => {
    const changes = await draw(JSON.stringify(DEFAULT_CONFIG));
    const strict = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')][1];
    await act(() => strict?.click());
    const ivan = [...root.querySelectorAll('label')].find((l) => l.textContent === 'Ivan')?.querySelector('input');
    await act(() => ivan?.click());
    const last = changes.at(-1);
    expect(last).toMatchObject({ mode: 'strict', excludedUsers: [2] });
    expect(parseConfig(JSON.stringify(last)).warnings).toEqual([]);
  });
});

describe('TeamReport', () => {
  const context = (isAdmin: boolean): WidgetContext => ({
    widgetCode: 'task_guard',
    userId: isAdmin ? 1 : 2,
    userName: '',
    isAdmin,
    language: 'en',
    accountId: 1,
    subdomain: 'demo',
    timezone: 'UTC',
    currency: 'USD',
    managers,
    taskTypes: [],
    area: 'advanced-settings:task_guard',
    pagePath: '/settings/widgets/task_guard/',
    path: '',
    version: '',
    widgetVersion: '0.1.0',
    rawConfig: undefined,
  });
  const flagged = (id: number, owner: number, price: number, since: number): FlaggedDeal => ({
    id,
    name: `Deal ${id}`,
    price,
    responsibleUserId: owner,
    pipelineId: 1,
    statusId: 20,
    pipelineName: 'Sales',
    stageName: 'Proposal',
    since,
    createdAt: 0,
  });
  const deals = [flagged(1, 2, 100, 5_000), flagged(2, 2, 50, 1_000), flagged(3, 1, 10, 0)];

  it('groups per reminded manager: count, budget, oldest; admins out by default', () => {
    const lines = teamLines(context(true), DEFAULT_CONFIG, deals);
    expect(lines.map((l) => [l.name, l.count, l.budget, l.oldest?.id])).toEqual([
      ['Ivan', 2, 150, 2],
      ['Maria', 0, 0, undefined],
    ]);
  });

  it('shows progress, then the table with links into amoCRM', async () => {
    let finish: (result: ScanResult) => void = () => undefined;
    const run = vi.fn(
      (input: { onProgress?: (p: { phase: 'deals' | 'tasks'; done: number; total?: number }) => void }) =>
        new Promise<ScanResult>((resolve) => {
          input.onProgress?.({ phase: 'deals', done: 250 });
          finish = resolve;
        }),
    );
    await act(() =>
      render(
        <TeamReport
          t={t}
          ctx={context(true)}
          config={DEFAULT_CONFIG}
          warnings={[]}
          api={{} as Api}
          now={() => 10_000}
          run={run}
        />,
        root,
      ),
    );
    expect(root.querySelector('progress')).not.toBeNull();
    expect(root.textContent).toContain('Deals read: 250');
    await act(async () => finish({ deals, checkedAt: 0, requests: 4 }));
    expect(root.querySelector('progress')).toBeNull();
    expect(root.querySelector('tbody tr')?.textContent).toContain('Ivan');
    expect(root.querySelector('tbody a')?.getAttribute('href')).toBe('/leads/detail/2');
  });

  it('tells a manager it is for admins only', async () => {
    const run = vi.fn();
    await act(() =>
      render(
        <TeamReport
          t={t}
          ctx={context(false)}
          config={DEFAULT_CONFIG}
          warnings={[]}
          api={{} as Api}
          now={() => 0}
          run={run}
        />,
        root,
      ),
    );
    expect(root.textContent).toBe('The Task Guard report is for admins only.');
    expect(run).not.toHaveBeenCalled();
  });
});
