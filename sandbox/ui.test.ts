// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOW, apiRequest, bodyOf } from './fixtures';
import type { Lead } from './model';
import { Store } from './store';
import { handleUi, markerOf } from './ui';

const lead = (statusId: number, closestTaskAt: number | null): Lead => ({
  id: 1,
  name: 'x',
  price: 0,
  responsibleUserId: 2,
  statusId,
  pipelineId: 1,
  createdAt: 0,
  updatedAt: 0,
  closedAt: null,
  closestTaskAt,
  contactId: null,
  createdBy: 2,
});

// NOW is 2026-09-21 14:13:20 UTC = 17:13 in Moscow.
describe('markerOf (the board card marker)', () => {
  it.each([
    ['no open task', lead(5, null), 'noTask'],
    ['overdue since yesterday', lead(5, NOW - 86_400), 'overdue'],
    ['later today in Moscow', lead(5, NOW + 3600), 'today'],
    ['next week', lead(5, NOW + 7 * 86_400), 'future'],
    ['won', lead(142, null), 'none'],
    ['lost', lead(143, NOW - 86_400), 'none'],
  ])('%s', (_name, value, kind) => {
    expect(markerOf(value, NOW).kind).toBe(kind);
  });
});

describe('the host page data', () => {
  it('adds a task from the native composer and the board counts one deal without tasks less', () => {
    const store = new Store({ now: NOW });
    const pipelineId = store.data.pipelines[0]?.id ?? 0;
    const board = () =>
      bodyOf<{ summary: { noTask: number } }>(
        handleUi(apiRequest('GET', `/_sandbox/ui/board?pipeline=${pipelineId}`), store),
      );
    const before = board().summary.noTask;
    const target = store.data.leads.find(
      (l) => l.pipelineId === pipelineId && markerOf(l, store.now).kind === 'noTask',
    );
    if (!target) throw new Error('seed');
    const body = {
      entityType: 'leads',
      entityId: target.id,
      text: 'Позвонить',
      completeTill: store.now + 86_400,
      taskTypeId: 2,
    };
    expect(handleUi(apiRequest('POST', '/_sandbox/ui/tasks', { body, userId: 2 }), store).status).toBe(200);
    expect(board().summary.noTask).toBe(before - 1);
  });

  it('rejects a composer submit without text', () => {
    const store = new Store({ now: NOW });
    const body = { entityType: 'leads', entityId: 10_000_001, text: ' ', completeTill: NOW };
    expect(handleUi(apiRequest('POST', '/_sandbox/ui/tasks', { body }), store).status).toBe(400);
  });
});
