// @vitest-environment node
/**
 * The differential test of the incremental engine: random changes made by other users (sandbox/mutate.ts
 * `randomMutation` / `applyMutation` on the sandbox's store, served by its API router in-process, on a virtual
 * clock), and after each incremental check the listed deals must equal what a fresh full check (scan.ts) lists.
 *
 * One known blind spot, by design (docs/incremental-checks.md, 1.2 and 2): a task deleted on a deal whose tasks
 * the replica did not hold cannot be looked up (it is gone) and has no other trace in the events list; such a deal
 * may differ until the hourly reconcile. So the incremental checks may differ on deals that had a task deleted
 * since the last reconcile and on nothing else, and the reconcile must agree exactly.
 */
import { describe, expect, it } from 'vitest';
import { applyMutation, randomMutation, type Mutation } from '../../sandbox/mutate';
import { createRandom } from '../../sandbox/random';
import { memoryReplicaStore } from '../host/replicaStore';
import { DEFAULT_CONFIG, type Config } from './config';
import { createEngine, RECONCILE_MS } from './incremental';
import { loadScanAccount, scan } from './scan';
import { sandboxWorld } from '../testing/sandboxWorld';

const world = (apiFilter: boolean) => sandboxWorld({ deals: 240, managers: 3, apiFilter, seed: 7 });

const ids = (deals: readonly { id: number }[]) => deals.map((d) => d.id).sort((a, b) => a - b);

const CONFIGS: [string, Config][] = [
  ['default policy', DEFAULT_CONFIG],
  [
    'overdue is no task, 3-day horizon, no grace',
    { ...DEFAULT_CONFIG, overdueIsNoTask: true, horizonDays: 3, graceMinutes: 0 },
  ],
];

describe.each([true, false])('incremental checks with API filtering %s', (apiFilter) => {
  it.each(CONFIGS)('list what a full check lists after random changes (%s)', async (_name, config) => {
    const w = world(apiFilter);
    const me = 2;
    const engineApi = w.api();
    const engine = createEngine({
      api: engineApi,
      accountId: w.store.data.account.id,
      userId: me,
      timezone: 'Europe/Moscow',
      config,
      store: memoryReplicaStore(),
    });
    const account = await loadScanAccount(engineApi);
    const first = await engine.check('scheduled', account, w.now());
    expect(first?.mode).toBe('full');
    const random = createRandom(apiFilter ? 11 : 12);
    const deletedOn = new Set<number>();
    let compared = 0;
    let changed = 0;
    let previous = ids(first?.deals ?? []);
    for (let step = 0; step < 240; step += 1) {
      w.advance(random.int(5, 90) * 1000);
      // Half of the changes aimed at the manager's own deals, so the list moves often.
      let mutation: Mutation = randomMutation(w.store, random);
      for (let i = 0; i < 3 && random.next() < 0.5; i += 1) {
        const touchesMe =
          ('leadId' in mutation && w.store.leadById.get(mutation.leadId)?.responsibleUserId === me) ||
          ('taskId' in mutation &&
            w.store.leadById.get(w.store.taskById.get(mutation.taskId)?.entityId ?? 0)?.responsibleUserId === me) ||
          ('responsibleUserId' in mutation && mutation.responsibleUserId === me);
        if (touchesMe) break;
        mutation = randomMutation(w.store, random);
      }
      if (mutation.op === 'deleteTask') deletedOn.add(w.store.taskById.get(mutation.taskId)?.entityId ?? 0);
      applyMutation(w.store, mutation);
      if (step % 3 !== 2) continue;
      const reconcile = step % 60 === 59;
      if (reconcile) w.advance(RECONCILE_MS);
      const result = await engine.check(reconcile ? 'scheduled' : 'quick', account, w.now());
      const expected = ids((await scan({ responsible: me, config, now: w.now(), account }, w.api())).deals);
      const got = ids(result?.deals ?? []);
      compared += 1;
      if (got.join() !== previous.join()) changed += 1;
      previous = got;
      if (reconcile) {
        expect(result?.mode).toBe('reconcile');
        expect(got).toEqual(expected);
        deletedOn.clear();
      } else {
        expect(result?.mode).toBe('incremental');
        const differing = [
          ...got.filter((id) => !expected.includes(id)),
          ...expected.filter((id) => !got.includes(id)),
        ];
        expect(differing.filter((id) => !deletedOn.has(id))).toEqual([]);
      }
    }
    expect(compared).toBe(80);
    // The list did move: the comparison was about something.
    expect(changed).toBeGreaterThan(10);
  });
});
