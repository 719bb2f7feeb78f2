/**
 * The checks as the wiring sees them, with their code in checks.js (checksKit.ts): loaded on the first check that
 * has something to read, so a tab that never checks (not the leader, off hours, nothing shown) never downloads it.
 * A chunk that fails to load fails that check like a network error would, and the next check tries again.
 */
import type { LoadChunk } from '../lazy';
import type { Checks, ChecksOptions } from './checks';
import { CHECKS_CHUNK, isChecksKit } from './lazy';

export const lazyChecks = (load: LoadChunk, options: ChecksOptions): Checks => {
  let loading: Promise<Checks> | undefined;
  let loaded: Checks | undefined;
  // Tasks created here before the engine came: it hears of them once it is there.
  const created: number[] = [];
  const ready = (): Promise<Checks> => {
    loading ??= load(CHECKS_CHUNK, isChecksKit).then(
      (kit) => {
        loaded = kit.createChecks(options);
        for (const dealId of created.splice(0)) loaded.created(dealId);
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    async run(kind, shown) {
      // A quick check before any full one has nothing to compare with: nothing to download for it either.
      if (!loaded && kind === 'quick' && shown.length === 0) return undefined;
      return (await ready()).run(kind, shown);
    },
    failed: () => loaded?.failed(),
    lead: () => loaded?.lead(),
    created(dealId) {
      if (loaded) loaded.created(dealId);
      else created.push(dealId);
    },
  };
};
