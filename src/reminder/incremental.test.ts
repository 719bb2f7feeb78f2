// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../../sandbox/mutate';
import { memoryReplicaStore } from '../host/replicaStore';
import { DEFAULT_CONFIG } from './config';
import { createEngine, RECONCILE_MS } from './incremental';
import { encodeReplica, emptyReplica } from './replica';
import { loadScanAccount, scan } from './scan';
import { sandboxWorld } from '../testing/sandboxWorld';

const setup = async (apiFilter = true) => {
  const w = sandboxWorld({ deals: 120, managers: 2, apiFilter, seed: 3 });
  const api = w.api(2);
  const replicas = memoryReplicaStore();
  const make = () =>
    createEngine({
      api,
      accountId: w.store.data.account.id,
      userId: 2,
      timezone: 'Europe/Moscow',
      config: DEFAULT_CONFIG,
      store: replicas,
    });
  const account = await loadScanAccount(api);
  const full = async () =>
    (await scan({ responsible: 2, config: DEFAULT_CONFIG, now: w.now(), account }, w.api(2))).deals.map((d) => d.id);
  return { w, api, replicas, make, account, full };
};

/** A replica written today (so only its owner, account or version can make it unusable), with no deals. */
const today = (accountId: number, userId: number, now: number) => {
  const r = emptyReplica(accountId, userId, true);
  r.fullAt = now;
  r.reconciledAt = now;
  r.cursor = Math.floor(now / 1000);
  return encodeReplica(r);
};

describe('the incremental engine', () => {
  it('checks in full first, then costs one request on a quiet interval; a new day is full again', async () => {
    const { w, make, account, full } = await setup();
    const engine = make();
    const first = await engine.check('scheduled', account, w.now());
    expect(first?.mode).toBe('full');
    expect(first?.deals.map((d) => d.id)).toEqual(await full());
    w.advance(5 * 60_000);
    const quiet = await engine.check('scheduled', account, w.now());
    expect(quiet).toMatchObject({ mode: 'incremental', requests: 1 });
    w.advance(RECONCILE_MS);
    expect((await engine.check('scheduled', account, w.now()))?.mode).toBe('reconcile');
    w.advance(24 * 3600_000);
    expect((await engine.check('scheduled', account, w.now()))?.mode).toBe('full');
  });

  it('shows a task completed elsewhere and a new deal at the next check, and a quick check needs a replica', async () => {
    const { w, make, account, full } = await setup(false);
    const engine = make();
    expect(await engine.check('quick', account, w.now())).toBeUndefined();
    const before = (await engine.check('scheduled', account, w.now()))?.deals.map((d) => d.id) ?? [];
    const task = w.store.data.tasks.find(
      (t) =>
        !t.isCompleted && t.entityType === 'leads' && w.store.leadById.get(t.entityId ?? 0)?.responsibleUserId === 2,
    );
    if (!task) throw new Error('no open task of the manager in the seed');
    w.advance(60_000);
    applyMutation(w.store, { op: 'completeTask', taskId: task.id });
    // Past the grace period, a deal created elsewhere for the manager shows too.
    const created = applyMutation(w.store, { op: 'createDeal', responsibleUserId: 2 });
    w.advance(DEFAULT_CONFIG.graceMinutes * 60_000);
    const after = await engine.check('quick', account, w.now());
    const ids = after?.deals.map((d) => d.id) ?? [];
    expect(ids).toEqual(await full());
    expect(ids).toContain(created.leadId);
    expect(ids.length).toBeGreaterThan(before.length);
  });

  it.each([
    ['damaged', () => '{"v":1,"a":'],
    ['of another user', (accountId: number, now: number) => today(accountId, 3, now)],
    ['of another account', (accountId: number, now: number) => today(accountId + 1, 2, now)],
    ['of another version', (accountId: number, now: number) => today(accountId, 2, now).replace('"v":1', '"v":0')],
  ])('discards a replica that is %s with a full check, never showing it', async (_name, text) => {
    const { w, make, replicas, account, full } = await setup();
    replicas.write(text(w.store.data.account.id, w.now()));
    const result = await make().check('scheduled', account, w.now());
    expect(result?.mode).toBe('full');
    expect(result?.deals.map((d) => d.id)).toEqual(await full());
    expect(replicas.text).toContain(`"u":2`);
  });

  it("takes another tab's stored replica of today: no full check", async () => {
    const { w, make, account, full } = await setup();
    await make().check('scheduled', account, w.now());
    w.advance(60_000);
    const result = await make().check('scheduled', account, w.now());
    expect(result?.mode).toBe('incremental');
    expect(result?.deals.map((d) => d.id)).toEqual(await full());
  });
});
