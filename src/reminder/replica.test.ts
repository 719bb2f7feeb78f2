import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import type { Deal } from './policy';
import { decodeReplica, emptyReplica, encodeReplica, REPLICA_VERSION, setTasksOf, type Replica } from './replica';
import { applyDeals, applyEvents, applyTasks, flaggedOf, readEvent, type FeedEvent } from './replicaEvents';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);
const S = NOW / 1000;
const STAGES = new Map([
  ['1:20', { pipelineId: 1, statusId: 20, name: 'Proposal', pipelineName: 'Sales', unsorted: false }],
]);

const deal = (id: number, patch: Partial<Deal> = {}): Deal => ({
  id,
  name: `Deal ${id}`,
  price: 100,
  responsibleUserId: 2,
  pipelineId: 1,
  statusId: 20,
  createdAt: S - 86_400 * 3,
  updatedAt: S - 86_400,
  closestTaskAt: null,
  contactIds: [],
  companyIds: [],
  ...patch,
});

/** Deals 1 (no task), 2 (task 20 due tomorrow, known) and 3 (closest task tomorrow, tasks not known). */
const sample = (): Replica => {
  const r = emptyReplica(7, 2, true);
  r.fullAt = NOW;
  r.reconciledAt = NOW;
  r.cursor = S;
  for (const d of [deal(1), deal(2), deal(3, { closestTaskAt: S + 86_400 })]) r.deals.set(d.id, d);
  setTasksOf(r, [1, 2], [{ id: 20, entityType: 'leads', entityId: 2, completeTill: S + 86_400 }]);
  return r;
};

const listed = (r: Replica) => flaggedOf(r, DEFAULT_CONFIG, STAGES, NOW).map((d) => d.id);

const event = (
  type: string,
  entityType: 'lead' | 'task',
  entityId: number,
  after: unknown[] = [],
  before: unknown[] = [],
) =>
  readEvent({
    id: `01ev${type}${entityId}`,
    type,
    entity_type: entityType,
    entity_id: entityId,
    created_at: S + 60,
    value_after: after,
    value_before: before,
  }) as FeedEvent;

describe('the stored replica', () => {
  it('comes back as it was written', () => {
    const r = sample();
    const back = decodeReplica(encodeReplica(r), 7, 2);
    expect(back && listed(back)).toEqual([1]);
    expect(back?.known).toEqual(new Set([1, 2]));
    expect(back?.tasks.get(20)?.entityId).toBe(2);
  });

  const stored = () => JSON.parse(encodeReplica(sample())) as Record<string, unknown>;
  it.each<[string, () => string]>([
    ['not JSON', () => '{"v":1,'],
    ['another version', () => JSON.stringify({ ...stored(), v: REPLICA_VERSION + 1 })],
    ['another account', () => JSON.stringify({ ...stored(), a: 8 })],
    ['another user', () => JSON.stringify({ ...stored(), u: 3 })],
    ['a deal of someone else', () => JSON.stringify({ ...stored(), d: [[1, 'x', 0, 3, 1, 20, 0, 0, null]] })],
    ['a deal with a field missing', () => JSON.stringify({ ...stored(), d: [[1, 'x', 0, 2, 1, 20, 0, 0]] })],
    ['a task on a deal it does not know', () => JSON.stringify({ ...stored(), t: [[20, 99, S]] })],
    ['a list that is not one', () => JSON.stringify({ ...stored(), seen: {} })],
    ['null', () => 'null'],
  ])('is discarded when it is %s', (_name, text) => {
    expect(decodeReplica(text(), 7, 2)).toBeUndefined();
  });
});

describe('events applied to the replica', () => {
  it.each<[string, FeedEvent, number[], { deals?: number[]; tasks?: number[] }]>([
    ['a known task completed shows its deal', event('task_completed', 'task', 20), [1, 2], {}],
    ['a known task deleted shows its deal', event('task_deleted', 'task', 20), [1, 2], {}],
    ['an unknown task completed is looked up', event('task_completed', 'task', 30), [1], { tasks: [30] }],
    ['an unknown task deleted cannot be looked up (the reconcile sees it)', event('task_deleted', 'task', 30), [1], {}],
    ['a task added is looked up', event('task_added', 'task', 31), [1], { tasks: [31] }],
    [
      'a known task moved into the past still counts by default',
      event('task_deadline_changed', 'task', 20, [{ task_deadline: { timestamp: S - 3600 } }]),
      [1],
      {},
    ],
    [
      'a deal won leaves',
      event('lead_status_changed', 'lead', 1, [{ lead_status: { id: 142, pipeline_id: 1 } }]),
      [],
      {},
    ],
    [
      'a deal moved to a stage not watched leaves the list',
      event('lead_status_changed', 'lead', 1, [{ lead_status: { id: 99, pipeline_id: 1 } }]),
      [1],
      {},
    ],
    [
      "someone else's open deal moving is not read",
      event(
        'lead_status_changed',
        'lead',
        50,
        [{ lead_status: { id: 21, pipeline_id: 1 } }],
        [{ lead_status: { id: 20, pipeline_id: 1 } }],
      ),
      [1],
      {},
    ],
    [
      'a closed deal re-opened is read (it may be ours)',
      event(
        'lead_status_changed',
        'lead',
        50,
        [{ lead_status: { id: 20, pipeline_id: 1 } }],
        [{ lead_status: { id: 143, pipeline_id: 1 } }],
      ),
      [1],
      { deals: [50] },
    ],
    [
      'a deal handed to someone else leaves',
      event('entity_responsible_changed', 'lead', 1, [{ responsible_user: { id: 3 } }]),
      [],
      {},
    ],
    [
      'a deal handed to me is read',
      event('entity_responsible_changed', 'lead', 60, [{ responsible_user: { id: 2 } }]),
      [1],
      { deals: [60] },
    ],
    ['a new deal is read', event('lead_added', 'lead', 61, [{ note: { id: 1 } }]), [1], { deals: [61] }],
    ['a deleted deal leaves', event('lead_deleted', 'lead', 1), [], {}],
  ])('%s', (_name, ev, expected, work) => {
    const r = sample();
    const left = applyEvents(r, [ev], S + 120);
    // Stage 99 is not in the stage table: unknown stages count as watched, so moving there keeps the deal.
    expect(listed(r)).toEqual(expected);
    expect([...left.deals]).toEqual(work.deals ?? []);
    expect([...left.tasks]).toEqual(work.tasks ?? []);
    expect(r.cursor).toBe(S + 120);
  });

  it('applies an event once, however often the overlap brings it back', () => {
    const r = sample();
    applyEvents(r, [event('task_completed', 'task', 20)], S + 120);
    setTasksOf(r, [2], [{ id: 21, entityType: 'leads', entityId: 2, completeTill: S + 86_400 }]);
    const again = applyEvents(r, [event('task_completed', 'task', 20), event('lead_added', 'lead', 70)], S + 180);
    expect(listed(r)).toEqual([1]);
    expect([...again.deals]).toEqual([70]);
  });

  it('takes the deals read by id: mine and open stay, the rest (and the missing) leave', () => {
    const r = sample();
    applyDeals(r, [1, 60, 61, 62], [deal(60), deal(61, { responsibleUserId: 3 }), deal(62, { statusId: 142 })]);
    expect([...r.deals.keys()].sort()).toEqual([2, 3, 60]);
    // Read just now with no closest task: it has none, no need to ask.
    expect(r.known.has(60)).toBe(true);
  });

  it('takes looked-up tasks on known deals, and asks to re-read the tasks of the other deals', () => {
    const r = sample();
    const reread = applyTasks(r, [
      { id: 40, entityType: 'leads', entityId: 1, completeTill: S + 3600, completed: false },
      { id: 20, entityType: 'leads', entityId: 2, completeTill: S + 3600, completed: true },
      { id: 41, entityType: 'leads', entityId: 3, completeTill: S + 3600, completed: true },
      { id: 42, entityType: 'leads', entityId: 99, completeTill: S + 3600, completed: false },
    ]);
    expect(reread).toEqual([3]);
    expect(listed(r)).toEqual([2]);
    expect(r.deals.get(1)?.closestTaskAt).toBe(S + 3600);
  });

  it('a task only added on a deal whose tasks are not known moves its closest task nearer, without a read', () => {
    const r = sample();
    const reread = applyTasks(
      r,
      [{ id: 43, entityType: 'leads', entityId: 3, completeTill: S + 600, completed: false }],
      new Set([43]),
    );
    expect(reread).toEqual([]);
    expect(r.deals.get(3)?.closestTaskAt).toBe(S + 600);
  });
});
