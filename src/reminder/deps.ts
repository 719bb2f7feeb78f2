/** The reminder's dependencies: what it touches outside itself, resolved once, and what the tabs tell each other. */
import type { FeatureEnv } from '../feature';
import { hostApi, type Api } from '../host/api';
import { realClock, type Clock } from '../host/clock';
import { injectStyle, mount } from '../host/mount';
import type { ReplicaStore } from '../host/replicaStore';
import { storagePauseBoard, withSharedPause } from '../host/sharedPause';
import { joinTabs, sharedValue, type SharedValue, type Tabs } from '../host/tabs';
import type { LoadChunk } from '../lazy';
import type { Undo } from '../undo';
import type { Config } from './config';
import type { CheckFailure } from './dialogModel';
import type { FlaggedDeal } from './scan';
import type { SnoozeRecord } from './snooze';
import { isWorkingTime } from './workingHours';

/** What the tabs tell each other. */
export type TabMessage =
  | { type: 'hello' }
  | { type: 'result'; deals: FlaggedDeal[]; failure: CheckFailure | undefined; working: boolean; now: number }
  | { type: 'created'; dealId: number }
  | { type: 'check' }
  | { type: 'snooze' };

/** Everything the reminder touches outside itself; tests pass their own. */
export interface ReminderDeps {
  api: Api;
  tabs: Tabs<TabMessage>;
  clock: Clock;
  snoozes: SharedValue<SnoozeRecord>;
  /** Loads a lazy half (reminder.js, admin.js); the host's RequireJS through the feature env by default. */
  load: LoadChunk;
  /** Draws a static line (the "could not load" ones). */
  mount: (vnode: Parameters<typeof mount>[0], where?: HTMLElement) => Undo;
  injectStyle: (id: string, css: string) => Undo;
  /** Working hours; by default the configured ones in the account's time zone. */
  isWorkingTime: (now: number) => boolean;
  /**
   * Where the replica of the user's deals is kept; by default localStorage, this account and user only, opened by
   * checks.js (checks.ts), which carries that code.
   */
  replicas: ReplicaStore | undefined;
  /** In [0, 1): the jitter of the working day's first check. */
  random: () => number;
}

export const cannotLoad: LoadChunk = () => Promise.reject(new Error('this page cannot load lazy halves'));

/** The production dependencies for what `given` leaves out; each is made only when needed (a tab joins a channel). */
export const resolveDeps = (env: FeatureEnv, config: Config, given: Partial<ReminderDeps>): ReminderDeps => {
  const { ctx } = env;
  return {
    // A 429 or a block seen by any tab pauses every tab of this browser on the account.
    api: given.api ?? withSharedPause(hostApi(), storagePauseBoard(ctx.accountId), Date.now),
    tabs: given.tabs ?? joinTabs<TabMessage>(`task_guard:${ctx.accountId}:${ctx.userId}`),
    clock: given.clock ?? realClock,
    snoozes: given.snoozes ?? sharedValue<SnoozeRecord>(`task_guard:snooze:${ctx.accountId}:${ctx.userId}`),
    load: given.load ?? env.load ?? cannotLoad,
    mount: given.mount ?? mount,
    injectStyle: given.injectStyle ?? injectStyle,
    isWorkingTime: given.isWorkingTime ?? ((now: number) => isWorkingTime(now, config, ctx.timezone)),
    replicas: given.replicas,
    random: given.random ?? Math.random,
  };
};
