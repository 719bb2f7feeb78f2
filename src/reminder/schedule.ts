import type { Clock } from '../host/clock';

/** A full check reads every deal; a quick one only re-confirms the deals already shown. */
export type CheckKind = 'full' | 'quick';

export interface ScheduleOptions {
  intervalMs: number;
  /** Runs one check; its failures are its own business (the schedule goes on). */
  run(kind: CheckKind): Promise<void>;
  isWorkingTime(now: number): boolean;
  /** Called instead of a check outside working hours (to hide the reminder). */
  offHours?(): void;
  clock: Clock;
  /** A quick check this soon after the previous quick one is dropped (navigation comes in bursts). */
  quickGapMs?: number;
  /** When working hours next begin (workingHours.ts `nextWorkingStart`); with `jitterMs`, see below. */
  nextStart?(now: number): number | undefined;
  /**
   * A random delay for the first check of the working day. Pages left open overnight would otherwise all check at
   * 09:00:00 sharp, every manager of the account in the same second (amoCRM allows 7 requests a second per
   * account, `developers.kommo.com/docs/limitations`).
   */
  jitterMs?(): number;
}

export interface Schedule {
  /** First check now, then every interval. */
  start(): void;
  /** Asks for a check now (navigation: quick; a task created: quick; leadership gained: full). */
  request(kind: CheckKind): void;
  stop(): void;
}

/**
 * One check at a time: requests that arrive while a check runs are merged into one follow-up (a full one wins
 * over a quick one), so no burst of events can turn into a burst of requests.
 */
export const createSchedule = (options: ScheduleOptions): Schedule => {
  const { clock } = options;
  const quickGap = options.quickGapMs ?? 3_000;
  let timer: unknown;
  let running = false;
  let pending: CheckKind | undefined;
  let stopped = true;
  let lastQuick = -Infinity;

  const arm = (delay = options.intervalMs) => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      request('full');
    }, delay);
  };

  /** Off hours: the next tick, or the start of the working day plus the jitter when that comes sooner. */
  const armOffHours = () => {
    const start = options.nextStart?.(clock.now());
    const wait = start === undefined ? Infinity : start - clock.now();
    if (options.jitterMs && wait <= options.intervalMs) arm(Math.max(0, wait) + options.jitterMs());
    else arm();
  };

  const execute = async (kind: CheckKind) => {
    running = true;
    if (kind === 'full') arm();
    try {
      await options.run(kind);
    } catch {
      // The run reports its own failures; the schedule only has to survive them.
    }
    if (kind === 'quick') lastQuick = clock.now();
    running = false;
    const next = pending;
    pending = undefined;
    if (next && !stopped) request(next);
  };

  const request = (kind: CheckKind) => {
    if (stopped) return;
    if (!options.isWorkingTime(clock.now())) {
      options.offHours?.();
      if (kind === 'full') armOffHours();
      return;
    }
    if (running) {
      pending = pending === 'full' || kind === 'full' ? 'full' : 'quick';
      return;
    }
    if (kind === 'quick' && clock.now() - lastQuick < quickGap) return;
    void execute(kind);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      request('full');
    },
    request,
    stop() {
      stopped = true;
      pending = undefined;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
};
