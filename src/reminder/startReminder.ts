import { h, type ComponentChild } from 'preact';
import { ApiError, hostApi, type Api } from '../host/api';
import { realClock, type Clock } from '../host/clock';
import { injectStyle, mount } from '../host/mount';
import { joinTabs, sharedValue, type SharedValue, type Tabs } from '../host/tabs';
import type { TaskType } from '../host/amo';
import type { Feature, FeatureEnv, StartFeature, Undo } from '../feature';
import type { Translate } from '../i18n';
import type { Explanation } from '../inspector/explainFailure';
import { minutesOf, parseConfig } from './config';
import { restOf } from './resting';
import { settingsFeature, type RestSource } from './settingsFeature';
import { formatWhen } from './format';
import { appliesTo } from './policy';
import type { ReminderDialogProps } from './ReminderDialog';
import { ReminderView } from './ReminderView';
import { createSchedule, type CheckKind } from './schedule';
import { loadScanAccount, recheck, scan, type FlaggedDeal, type ScanAccount } from './scan';
import { createStore } from './store';
import { REMINDER_CSS } from './styles';
import type { CreateOutcome, Draft, NewTask } from './TaskForm';
import { isWorkingTime, wallTime, zonedInstant } from './workingHours';

/** Why the last check failed; the reminder never locks anyone out over it. */
export type CheckFailure = 'blocked' | 'offline' | 'failed';

/** What the tabs tell each other. */
export type TabMessage =
  | { type: 'hello' }
  | { type: 'result'; deals: FlaggedDeal[]; failure: CheckFailure | undefined; working: boolean; now: number }
  | { type: 'created'; dealId: number }
  | { type: 'check' }
  | { type: 'snooze' };

/** Closings per day, shared by the tabs: the limit holds however many tabs are open. */
export interface SnoozeRecord {
  day: string;
  count: number;
  until: number;
}

interface ViewState {
  deals: FlaggedDeal[];
  failure: CheckFailure | undefined;
  working: boolean;
  area: string;
  pagePath: string;
  /** The widget's settings modal is open on this page. */
  settingsOpen: boolean;
  now: number;
  /** When the last check's answer arrived (0: none yet). */
  checkedAt: number;
  /** This tab only: closed after a failed check, until then. */
  hiddenUntil: number;
  snooze: SnoozeRecord;
}

/** Everything the reminder touches outside itself; tests and the e2e sandbox swap any of it. */
export interface ReminderDeps {
  api: Api;
  tabs: Tabs<TabMessage>;
  clock: Clock;
  snoozes: SharedValue<SnoozeRecord>;
  mount: (vnode: ComponentChild, where?: HTMLElement) => Undo;
  injectStyle: (id: string, css: string) => Undo;
  /** Working hours; by default the configured ones in the account's time zone. */
  isWorkingTime?: (now: number) => boolean;
}

/** Full checks between two reads of the account's filter add-on and stages (about an hour at 5 minutes). */
export const ACCOUNT_EVERY = 12;

/** Areas of the settings pages (GitHub `biradrags/amo-docs`, `amocrm_docs_md/web_sdk/env_variables.md`). */
const QUIET_AREAS = new Set(['widgetsSettings', 'authlog']);

/**
 * Pages the reminder never covers: every settings page (the Integrations page is area `widgetsSettings`, and the
 * admin must always be able to fix the policy or switch the widget off: `requirements.md` §2.2), the widget's own
 * page, and cards being edited.
 */
export const isQuietPage = (area: string, pagePath = ''): boolean =>
  QUIET_AREAS.has(area) ||
  area.startsWith('settings') ||
  area.startsWith('advanced-settings') ||
  area.endsWith('_card') ||
  /^\/settings(\/|$)/.test(pagePath);

/** The task types offered: amoCRM's built-in ones named in the user's language, then the account's own. */
export const namedTaskTypes = (types: readonly TaskType[], t: Translate): TaskType[] => {
  const named = types.map((type) =>
    type.name ? type : { ...type, name: t(type.id === 2 ? 'reminder.types.meeting' : 'reminder.types.call') },
  );
  return named.length
    ? named
    : [
        { id: 1, name: t('reminder.types.call') },
        { id: 2, name: t('reminder.types.meeting') },
      ];
};

const dayOf = (now: number, timezone: string): string => {
  const w = wallTime(now, timezone);
  return `${w.year}-${w.month}-${w.day}`;
};

const failureOf = (error: unknown): CheckFailure => {
  if (error instanceof ApiError) {
    if (error.failure.kind === 'blocked' || error.failure.kind === 'rate-limited') return 'blocked';
    if (error.failure.kind === 'network') return 'offline';
  }
  return 'failed';
};

/**
 * Explains why a task was not created. amoCRM's answer is explained from the error catalog, which lives in admin.js
 * (loaded only now, so the catalog does not weigh on every page); without it, or for a failure without an answer,
 * a plain localized line.
 */
const explain = async (error: unknown, t: Translate, load: FeatureEnv['adminKit']): Promise<Explanation> => {
  const failure = failureOf(error);
  const plain: Explanation = {
    code: failure,
    section: 'reminder',
    title: t('reminder.taskFailed'),
    explanation: t(`reminder.taskNotice.${failure}`),
    advice: '',
    rows: [],
  };
  if (!(error instanceof ApiError) || error.failure.kind !== 'http') return plain;
  const input = { url: error.url, method: error.method, status: error.status, body: error.body };
  try {
    if (load) return (await load()).explainFailure(input, t);
  } catch {
    // admin.js could not load: fall through to the plain line.
  }
  return { ...plain, code: String(error.status) };
};

/** Starts the reminder with explicit dependencies (tests, the sandbox); `startReminder` is the production wiring. */
export const startReminderWith = (env: FeatureEnv, given: Partial<ReminderDeps> = {}): Feature => {
  const { ctx, t } = env;
  const parsed = parseConfig(ctx.rawConfig);
  const { config } = parsed;
  const me = ctx.managers.find((m) => m.id === ctx.userId) ?? { id: ctx.userId, isAdmin: ctx.isAdmin, active: true };
  if (!ctx.userId || !appliesTo(me, config)) return { ...settingsFeature(env, parsed, given), stop: () => undefined };

  const clock = given.clock ?? realClock;
  const api = given.api ?? hostApi();
  const tabs = given.tabs ?? joinTabs<TabMessage>(`task_guard:${ctx.accountId}:${ctx.userId}`);
  const snoozes = given.snoozes ?? sharedValue<SnoozeRecord>(`task_guard:snooze:${ctx.accountId}:${ctx.userId}`);
  const working = given.isWorkingTime ?? ((now: number) => isWorkingTime(now, config, ctx.timezone));
  const drafts = new Map<number, Draft>();
  const undos: Undo[] = [];

  const readSnooze = (now: number): SnoozeRecord => {
    const day = dayOf(now, ctx.timezone);
    const record = snoozes.read();
    return record && record.day === day ? record : { day, count: 0, until: 0 };
  };

  const store = createStore<ViewState>({
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
      const now = clock.now();
      return restOf({
        watched: true,
        now,
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
  const base = settingsFeature(env, parsed, given, rest, (settingsOpen) =>
    store.set({ settingsOpen, now: clock.now() }),
  );

  let last: Extract<TabMessage, { type: 'result' }> | undefined;
  const publish = (deals: FlaggedDeal[], failure: CheckFailure | undefined, checked = true) => {
    const now = clock.now();
    last = { type: 'result', deals, failure, working: working(now), now };
    store.set({
      deals,
      failure,
      working: last.working,
      now,
      snooze: readSnooze(now),
      ...(checked ? { checkedAt: now } : {}),
    });
    tabs.post(last);
  };

  // Tasks created while a check was on its way: its answer predates them and must not bring their rows back.
  const createdAt = new Map<number, number>();
  const fresh = (deals: FlaggedDeal[], started: number) =>
    deals.filter((d) => (createdAt.get(d.id) ?? -Infinity) < started);

  // The filter add-on and the stages barely change: a full check reads them once per ACCOUNT_EVERY checks (and
  // again after a failure or when this tab becomes the leader), so it usually costs ceil(deals/250) +
  // ceil(candidates/50) requests, without the +2.
  let account: Promise<ScanAccount> | undefined;
  let accountUses = 0;
  const scanAccount = (): Promise<ScanAccount> => {
    if (!account || accountUses >= ACCOUNT_EVERY) {
      account = loadScanAccount(api);
      accountUses = 0;
    }
    accountUses += 1;
    return account;
  };

  const run = async (kind: CheckKind) => {
    const now = clock.now();
    try {
      if (kind === 'quick') {
        const shown = store.get().deals;
        if (shown.length === 0) return;
        publish(fresh(await recheck(shown, config, now, api), now), undefined);
      } else {
        const known = await scanAccount();
        publish(
          fresh((await scan({ responsible: ctx.userId, config, now, account: known }, api)).deals, now),
          undefined,
        );
      }
    } catch (error) {
      if (kind === 'full') account = undefined;
      publish(store.get().deals, failureOf(error));
    }
  };

  const schedule = createSchedule({
    intervalMs: config.intervalMinutes * 60_000,
    clock,
    isWorkingTime: working,
    run,
    offHours: () => publish(store.get().deals, store.get().failure, false),
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

  undos.push(
    tabs.onMessage((message) => {
      switch (message.type) {
        case 'hello':
          if (tabs.isLeader() && last) tabs.post(last);
          break;
        case 'result':
          last = message;
          store.set({
            deals: message.deals,
            failure: message.failure,
            working: message.working,
            checkedAt: message.now,
            now: clock.now(),
            snooze: readSnooze(clock.now()),
          });
          break;
        case 'created':
          removeDeal(message.dealId);
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
    account = undefined;
    schedule.start();
  });
  tabs.post({ type: 'hello' });

  const askForCheck = () => {
    if (tabs.isLeader()) schedule.request('quick');
    else tabs.post({ type: 'check' });
  };

  const createTask = async (deal: FlaggedDeal, task: NewTask): Promise<CreateOutcome> => {
    try {
      await api.post('/api/v4/tasks', [
        {
          text: task.text,
          complete_till: Math.floor(task.completeTill / 1000),
          entity_id: deal.id,
          entity_type: 'leads',
          task_type_id: task.typeId,
          responsible_user_id: ctx.userId,
          // amoCRM only echoes it back in the answer (it does not deduplicate by it); it ties the answer to this
          // request in logs. What keeps one click from making two tasks is TaskForm's busy ref.
          request_id: `task-guard-${deal.id}-${clock.now()}`,
        },
      ]);
    } catch (error) {
      return { ok: false, explanation: await explain(error, t, env.adminKit) };
    }
    removeDeal(deal.id);
    tabs.post({ type: 'created', dealId: deal.id });
    askForCheck();
    return { ok: true };
  };

  const close = () => {
    const now = clock.now();
    const state = store.get();
    if (state.failure) {
      store.set({ hiddenUntil: now + config.intervalMinutes * 60_000, now });
      wakeAt(now + config.intervalMinutes * 60_000);
      return;
    }
    const snooze = readSnooze(now);
    const next = { ...snooze, count: snooze.count + 1, until: now + config.snoozeMinutes * 60_000 };
    snoozes.write(next);
    store.set({ snooze: next, now });
    wakeAt(next.until);
    tabs.post({ type: 'snooze' });
  };

  const emergency = async (): Promise<boolean> => {
    const now = clock.now();
    const deals = store.get().deals;
    const text = t('reminder.emergency.note', {
      user: ctx.userName || `#${ctx.userId}`,
      time: formatWhen(now, ctx.language, ctx.timezone),
    });
    try {
      // One request per 100 notes keeps the audit trail inside the same request budget as a check.
      for (let i = 0; i < deals.length; i += 100) {
        await api.post(
          '/api/v4/leads/notes',
          deals.slice(i, i + 100).map((deal) => ({ entity_id: deal.id, note_type: 'common', params: { text } })),
        );
      }
    } catch {
      return false;
    }
    const today = wallTime(now, ctx.timezone);
    const until = zonedInstant(today.year, today.month, today.day, minutesOf(config.workEnd), ctx.timezone);
    const record = { ...readSnooze(now), until: Math.max(until, now + config.snoozeMinutes * 60_000) };
    snoozes.write(record);
    store.set({ snooze: record, now });
    wakeAt(record.until);
    tabs.post({ type: 'snooze' });
    return true;
  };

  const taskTypes = namedTaskTypes(ctx.taskTypes, t);
  const templates = config.templates.length
    ? config.templates
    : [t('reminder.templates.call'), t('reminder.templates.followUp'), t('reminder.templates.meeting')];

  const select = (state: ViewState): ReminderDialogProps | undefined => {
    const now = state.now;
    if (!state.working || state.deals.length === 0) return undefined;
    if (state.settingsOpen || isQuietPage(state.area, state.pagePath)) return undefined;
    if (now < state.hiddenUntil || now < state.snooze.until) return undefined;
    const gentle = config.mode === 'gentle';
    return {
      deals: state.deals,
      t,
      language: ctx.language,
      currency: ctx.currency,
      timezone: ctx.timezone,
      now,
      config,
      taskTypes,
      templates,
      canClose: state.failure !== undefined || (gentle && state.snooze.count < config.maxSnoozes),
      snoozesLeft: gentle ? Math.max(0, config.maxSnoozes - state.snooze.count) : undefined,
      notice: state.failure ? t(`reminder.notice.${state.failure}`) : undefined,
      // Offered whenever the reminder cannot be closed: strict mode, or gentle with the snoozes used up.
      emergency: config.emergencyDismiss,
      drafts,
      onClose: close,
      onEmergency: emergency,
      create: createTask,
    };
  };

  undos.push((given.injectStyle ?? injectStyle)('reminder', REMINDER_CSS));
  undos.push((given.mount ?? mount)(h(ReminderView<ViewState>, { store, select })));

  return {
    ...base,
    navigated(area, pagePath) {
      store.set({ area, pagePath, now: clock.now() });
      askForCheck();
    },
    stop() {
      schedule.stop();
      tabs.close();
      // Each undo on its own: one that throws must not leave the others (the dialog, the sheet) on the page.
      while (undos.length) {
        try {
          undos.pop()?.();
        } catch {
          // Nothing to do: the widget never throws into the host page.
        }
      }
    },
  };
};

/** The "deals without tasks" feature: the reminder for managers, the settings form and the team report. */
export const startReminder: StartFeature = (env) => startReminderWith(env);
