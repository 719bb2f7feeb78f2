/**
 * What one check reads, for the wiring (startReminder.ts): the incremental engine (incremental.ts) when the policy
 * allows it, else the full read of scan.ts; the account's filter add-on and stages kept between checks. Background
 * reads go at this browser's fair share of the account's requests (host/pacedApi.ts).
 */
import type { Api } from '../host/api';
import type { Clock } from '../host/clock';
import { fairPace, pacedApi } from '../host/pacedApi';
import { openReplicaStore, type ReplicaStore } from '../host/replicaStore';
import type { Config } from './config';
import { createEngine, type Engine } from './incremental';
import { loadScanAccount, recheck, scan, type FlaggedDeal, type ScanAccount } from './scan';
import type { CheckKind } from './schedule';

/** Full checks between two reads of the account's filter add-on and stages (about an hour at 5 minutes). */
export const ACCOUNT_EVERY = 12;

export interface ChecksOptions {
  api: Api;
  clock: Clock;
  config: Config;
  accountId: number;
  userId: number;
  timezone: string;
  /** Where the replica is kept; by default localStorage, this account and user only. */
  replicas?: ReplicaStore | undefined;
  /** How many users of the account the reminder checks for: each browser's share of the account's pace. */
  users: number;
}

export interface Checks {
  /** One check; `undefined` when a quick one had nothing to look at. */
  run(kind: CheckKind, shown: readonly FlaggedDeal[]): Promise<FlaggedDeal[] | undefined>;
  /** A check failed: what was kept of the account is read again. */
  failed(): void;
  /** This tab became the leader: the account and the replica are read afresh (another tab may have moved on). */
  lead(): void;
  /** The user created a task on this deal here. */
  created(dealId: number): void;
}

export const createChecks = (options: ChecksOptions): Checks => {
  const { api, clock, config, userId } = options;
  const background = pacedApi(api, clock, fairPace(options.users));
  // With "tasks on the contact count" the replica (which keeps no contacts) cannot judge: the old full read.
  const engine: Engine | undefined = config.linkedTasksCount
    ? undefined
    : createEngine({
        ...options,
        api: background,
        store: options.replicas ?? openReplicaStore(options.accountId, options.userId),
      });

  // The filter add-on and the stages barely change: read once per ACCOUNT_EVERY full checks (and again after a
  // failure or when this tab becomes the leader).
  let account: Promise<ScanAccount> | undefined;
  let accountUses = 0;
  const scanAccount = (): Promise<ScanAccount> => {
    if (!account || accountUses >= ACCOUNT_EVERY) {
      account = loadScanAccount(background);
      accountUses = 0;
    }
    accountUses += 1;
    return account;
  };

  return {
    async run(kind, shown) {
      const now = clock.now();
      if (kind === 'quick') {
        // Navigation or a task created: the events since the last check (one request when nothing happened).
        const result = engine && account ? await engine.check('quick', await account, now) : undefined;
        if (result) return result.deals;
        return shown.length === 0 ? undefined : recheck(shown, config, now, api);
      }
      const known = await scanAccount();
      const result = engine ? await engine.check('scheduled', known, now) : undefined;
      return result
        ? result.deals
        : (await scan({ responsible: userId, config, now, account: known }, background)).deals;
    },
    failed() {
      account = undefined;
    },
    lead() {
      account = undefined;
      engine?.reload();
    },
    created(dealId) {
      engine?.touch(dealId);
    },
  };
};
