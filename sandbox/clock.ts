/**
 * The sandbox's clock: an offset from the machine's time, shared by the API (the store's "now": created_at,
 * updated_at, what counts as overdue) and the host page (a script in the shell shifts the page's `Date` before
 * any other script runs), so a newcomer can try the widget at 11:00 on a working day whatever the hour.
 */

/** Milliseconds the sandbox's time is ahead of (or behind) the machine's. */
export interface Clock {
  offsetMs: number;
  /** The sandbox's "now" in milliseconds. */
  now(): number;
}

export const createClock = (offsetMs = 0, real: () => number = Date.now): Clock => {
  const clock: Clock = {
    offsetMs,
    now: () => real() + clock.offsetMs,
  };
  return clock;
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The zone's offset from UTC in milliseconds at `utcMs` (Europe/Moscow: +3 h). */
export const zoneOffsetMs = (utcMs: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
};

/**
 * Reads `--at`: an ISO time with an offset or `Z` as given, or a wall-clock time (`2026-12-02T11:00`, date only =
 * midnight) in the ACCOUNT's time zone. Returns Unix milliseconds, or undefined when it is not a time.
 */
export const parseAt = (at: string, timeZone: string): number | undefined => {
  const text = at.trim();
  const local = LOCAL.exec(text);
  if (!local) {
    const parsed = Date.parse(text);
    return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && Number.isFinite(parsed) ? parsed : undefined;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (!Number.isFinite(wall)) return undefined;
  // Two passes settle the offset also next to a daylight-saving change.
  let utc = wall - zoneOffsetMs(wall, timeZone);
  utc = wall - zoneOffsetMs(utc, timeZone);
  return utc;
};

/** `YYYY-MM-DDTHH:mm` of `utcMs` on the account's wall clock, the value of a datetime-local input. */
export const wallClock = (utcMs: number, timeZone: string): string =>
  new Date(utcMs + zoneOffsetMs(utcMs, timeZone)).toISOString().slice(0, 16);

/**
 * The page's clock, installed by the shell before the widget's script runs: `new Date()`, `Date()` and
 * `Date.now()` are shifted by the offset; dates built from explicit values, `Date.parse`, `Date.UTC` and
 * `performance` are left alone. `instanceof Date` still holds (same prototype).
 */
export const pageClockScript = (offsetMs: number): string =>
  offsetMs === 0
    ? ''
    : `(function (offset) {
  var Real = Date;
  function SandboxDate() {
    if (!new.target) return new Real(Real.now() + offset).toString();
    var args = Array.prototype.slice.call(arguments);
    return Reflect.construct(Real, args.length ? args : [Real.now() + offset], new.target);
  }
  SandboxDate.prototype = Real.prototype;
  Object.setPrototypeOf(SandboxDate, Real);
  SandboxDate.now = function () {
    return Real.now() + offset;
  };
  window.Date = SandboxDate;
})(${Math.trunc(offsetMs)});`;
