/**
 * The reminder's wiring: it resolves its dependencies once, keeps the state of this tab in one observable, runs the
 * checks (the leader tab only, schedule.ts), shares their answers with the other tabs, and hands the dialog its
 * actions. The rules live elsewhere and are pure: when the dialog shows and what it allows (dialogModel.ts),
 * snoozes (snooze.ts), what is read (scan.ts) and written (writes.ts). The dialog itself is a lazy half (reminder.js),
 * loaded when there is something to show (showReminder.ts); the admin's side is settingsFeature.ts.
 */
import { realClock } from '../host/clock';
import type { Feature, FeatureEnv, StartFeature } from '../feature';
import { observable } from '../observable';
import { undoAll, type Undo } from '../undo';
import type { Config } from './config';
import { cannotLoad, resolveDeps, type ReminderDeps, type TabMessage } from './deps';
import { failureOf, type CheckFailure, type ViewState } from './dialogModel';
import { displayOf } from './display';
import { explain } from './explain';
import { formatWhen } from './format';
import { parseConfig } from './parseConfig';
import { appliesTo } from './policy';
import { restOf, type RestSource } from './resting';
import { lazyChecks } from './lazyChecks';
import { createSchedule, type CheckKind } from './schedule';
import type { FlaggedDeal } from './scan';
import { settingsFeature } from './settingsFeature';
import { showReminder } from './showReminder';
import { afterEmergency, hiddenAfterFailure, snoozed, todays, type SnoozeRecord } from './snooze';
import type { CreateOutcome, Draft, NewTask } from './TaskForm';
import { nextWorkingStart } from './workingHours';
import { postNotes, postTask } from './writes';

export type { CheckFailure, ReminderDeps, SnoozeRecord, TabMessage };
export { isQuietPage } from './dialogModel';
export { namedTaskTypes } from './display';

/**
 * The "deals without tasks" feature: the reminder for managers, the settings form and the team report. Like the
 * inspector's `createStartInspector(io)`, it takes its host-side pieces once and returns the feature's start.
 */
export const createStartReminder =
  (given: Partial<ReminderDeps> = {}): StartFeature =>
  (env) => {
    const { ctx } = env;
    const parsed = parseConfig(ctx.rawConfig);
    const { config } = parsed;
    const me = ctx.managers.find((m) => m.id === ctx.userId) ?? { id: ctx.userId, isAdmin: ctx.isAdmin, active: true };
    if (!ctx.userId || !appliesTo(me, config)) {
      const lazy = { load: given.load ?? env.load ?? cannotLoad, clock: given.clock ?? realClock };
      return { ...settingsFeature(env, parsed, { ...given, ...lazy }), stop: () => undefined };
    }
    return runReminder(env, config, parsed, resolveDeps(env, config, given));
  };

const runReminder = (
  env: FeatureEnv,
  config: Config,
  parsed: ReturnType<typeof parseConfig>,
  deps: ReminderDeps,
): Feature => {
  const { ctx, t } = env;
  const { api, tabs, clock, snoozes } = deps;
  const working = deps.isWorkingTime;
  const drafts = new Map<number, Draft>();
  const undos: Undo[] = [];
  const readSnooze = (now: number) => todays(snoozes.read(), now, ctx.timezone);

  const store = observable<ViewState>({
    deals: [],
    failure: undefined,
    working: working(clock.now()),
    area: ctx.area,
    pagePath: ctx.pagePath,
    settingsOpen: false,
    now: clock.now(),
    checkedAt: 0,
    hiddenUntil: 0,
    snooze: readSnooze(clock.now()),
  });

  const rest: RestSource = {
    get() {
      const state = store.get();
      return restOf({
        watched: true,
        now: clock.now(),
        config,
        timezone: ctx.timezone,
        checkedAt: state.checkedAt,
        deals: state.deals.length,
        failed: state.failure !== undefined,
        pausedUntil: api.blockedUntil(),
        snoozedUntil: Math.max(state.snooze.until, state.hiddenUntil),
      });
    },
    subscribe: (listener) => store.subscribe(listener),
  };
  const base = settingsFeature(env, parsed, deps, rest, (settingsOpen) =>
    store.set({ settingsOpen, now: clock.now() }),
  );

  let last: Extract<TabMessage, { type: 'result' }> | undefined;
  const publish = (deals: FlaggedDeal[], failure: CheckFailure | undefined, checked = true) => {
    const now = clock.now();
    last = { type: 'result', deals, failure, working: working(now), now };
    const answered = checked ? { checkedAt: now } : {};
    store.set({ deals, failure, working: last.working, now, snooze: readSnooze(now), ...answered });
    tabs.post(last);
  };

  // Tasks created while a check was on its way: its answer predates them and must not bring their rows back.
  const createdAt = new Map<number, number>();
  const fresh = (deals: FlaggedDeal[], started: number) =>
    deals.filter((d) => (createdAt.get(d.id) ?? -Infinity) < started);

  // What a check reads (checks.ts, in checks.js): the day's first full, then the events since the last one, a
  // reconcile hourly.
  const checks = lazyChecks(deps.load, {
    api,
    clock,
    config,
    accountId: ctx.accountId,
    userId: ctx.userId,
    timezone: ctx.timezone,
    replicas: deps.replicas,
    users: ctx.managers.filter((person) => appliesTo(person, config)).length,
  });

  const run = async (kind: CheckKind) => {
    const now = clock.now();
    try {
      const deals = await checks.run(kind, store.get().deals);
      if (deals) publish(fresh(deals, now), undefined);
    } catch (error) {
      if (kind === 'full') checks.failed();
      publish(store.get().deals, failureOf(error));
    }
  };

  const schedule = createSchedule({
    intervalMs: config.intervalMinutes * 60_000,
    clock,
    isWorkingTime: working,
    run,
    offHours: () => publish(store.get().deals, store.get().failure, false),
    nextStart: (now) => nextWorkingStart(now, config, ctx.timezone),
    jitterMs: () => deps.random() * config.intervalMinutes * 60_000,
  });

  const removeDeal = (dealId: number) => {
    drafts.delete(dealId);
    createdAt.set(dealId, clock.now());
    store.set({ deals: store.get().deals.filter((d) => d.id !== dealId), now: clock.now() });
    if (last) last = { ...last, deals: last.deals.filter((d) => d.id !== dealId) };
  };

  // A snooze (or a close after a failed check) ends on its own: wake the view then, not at the next check.
  let wake: unknown;
  const wakeAt = (until: number) => {
    if (wake !== undefined) clock.clearTimeout(wake);
    const delay = until - clock.now();
    if (delay > 0)
      wake = clock.setTimeout(() => store.set({ now: clock.now(), snooze: readSnooze(clock.now()) }), delay + 50);
  };
  undos.push(() => {
    if (wake !== undefined) clock.clearTimeout(wake);
  });
  const restUntil = (record: SnoozeRecord, now: number) => {
    snoozes.write(record);
    store.set({ snooze: record, now });
    wakeAt(record.until);
    tabs.post({ type: 'snooze' });
  };

  undos.push(
    tabs.onMessage((message) => {
      switch (message.type) {
        case 'hello':
          if (tabs.isLeader() && last) tabs.post(last);
          break;
        case 'result': {
          last = message;
          const { deals, failure, working: at, now: checkedAt } = message;
          store.set({ deals, failure, working: at, checkedAt, now: clock.now(), snooze: readSnooze(clock.now()) });
          break;
        }
        case 'created':
          removeDeal(message.dealId);
          checks.created(message.dealId);
          if (tabs.isLeader()) schedule.request('quick');
          break;
        case 'check':
          if (tabs.isLeader()) schedule.request('quick');
          break;
        case 'snooze': {
          const snooze = readSnooze(clock.now());
          store.set({ snooze, now: clock.now() });
          wakeAt(snooze.until);
          break;
        }
      }
    }),
  );
  tabs.onLeader(() => {
    // A new leader reads the account afresh: what an earlier leadership of this tab kept may be stale.
    checks.lead();
    schedule.start();
  });
  tabs.post({ type: 'hello' });

  const askForCheck = () => {
    if (tabs.isLeader()) schedule.request('quick');
    else tabs.post({ type: 'check' });
  };

  const create = async (deal: FlaggedDeal, task: NewTask): Promise<CreateOutcome> => {
    try {
      await postTask(api, deal, task, ctx.userId, clock.now());
    } catch (error) {
      return { ok: false, explanation: await explain(error, t, deps.load) };
    }
    removeDeal(deal.id);
    checks.created(deal.id);
    tabs.post({ type: 'created', dealId: deal.id });
    askForCheck();
    return { ok: true };
  };

  const onClose = () => {
    const now = clock.now();
    if (store.get().failure) {
      const until = hiddenAfterFailure(now, config);
      store.set({ hiddenUntil: until, now });
      wakeAt(until);
      return;
    }
    restUntil(snoozed(readSnooze(now), now, config), now);
  };

  const onEmergency = async (): Promise<boolean> => {
    const now = clock.now();
    const user = ctx.userName || `#${ctx.userId}`;
    const text = t('reminder.emergency.note', { user, time: formatWhen(now, ctx.language, ctx.timezone) });
    try {
      await postNotes(api, store.get().deals, text);
    } catch {
      return false;
    }
    restUntil(afterEmergency(readSnooze(now), now, config, ctx.timezone), now);
    return true;
  };

  const display = displayOf(ctx, config, t);
  undos.push(showReminder({ store, display, actions: { drafts, onClose, onEmergency, create } }, deps));

  return {
    ...base,
    navigated(area, pagePath) {
      store.set({ area, pagePath, now: clock.now() });
      askForCheck();
    },
    stop() {
      schedule.stop();
      tabs.close();
      undoAll(undos);
    },
  };
};

/** The reminder as the composition root lists it. */
export const startReminder: StartFeature = createStartReminder();
