import type { Clock } from './clock';
import { parseAt, wallClock } from './clock';
import { faultMenu, readFaultRule, type FaultRule } from './faultLab';
import { json, problem, type ApiRequest, type ApiResponse } from './http';
import { handleMutate } from './mutate';
import { hostSettings } from './page';
import type { RateLimitOptions, RateLimiter } from './rateLimit';
import type { SeedOptions } from './seed';
import type { Store } from './store';
import { handleUi } from './ui';
import type { SettingsSave } from './widgetSettings';

/** The switches `/_sandbox/config` reads and sets. */
export interface SandboxConfig {
  apiFilter: boolean;
  rateLimit: boolean;
  settingsAsString: boolean;
}

/** What the admin endpoints read and change: the sandbox's state, shared with the server (server.ts). */
export interface AdminContext {
  store: Store;
  clock: Clock;
  limiter: RateLimiter;
  config: SandboxConfig;
  faults: FaultRule[];
  stats: Map<string, number>;
  settingsSaves: SettingsSave[];
  /** The seed options the sandbox started with; a reset starts from them again. */
  options: SeedOptions;
  /** The clock's offset the sandbox started with (`--at`). */
  startOffset(): number;
  /** Keeps a Save of the integrations modal (recorded in `settingsSaves` when `record`). */
  storeSettings(fields: Record<string, unknown>, record: boolean): void;
  /** The manifest's custom field codes. */
  customFields(): string[];
}

/**
 * The sandbox's own endpoints under `/_sandbox/` (docs/sandbox.md): statistics, reset, fault rules, the clock, the
 * switches, the widget's saved settings, changes "by someone else" and the host pages' data.
 */
export const handleAdmin = (req: ApiRequest, ctx: AdminContext): ApiResponse => {
  const { store, clock, limiter, config, faults, stats, settingsSaves } = ctx;
  const clockState = () => ({
    offsetMs: clock.offsetMs,
    now: clock.now(),
    timezone: store.data.account.timezone,
    wall: wallClock(clock.now(), store.data.account.timezone),
  });
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  switch (`${req.method} ${req.path}`) {
    case 'GET /_sandbox/stats': {
      const byPath = Object.fromEntries(stats);
      const api = [...stats].filter(([k]) => / \/api\//.test(k)).reduce((n, [, v]) => n + v, 0);
      return json(200, { api, byPath, settingsSaves }, { 'content-type': 'application/json' });
    }
    case 'POST /_sandbox/stats/reset':
    case 'DELETE /_sandbox/stats':
      stats.clear();
      settingsSaves.length = 0;
      return json(200, { ok: true }, { 'content-type': 'application/json' });
    case 'POST /_sandbox/reset':
      clock.offsetMs = ctx.startOffset();
      store.reset({ ...ctx.options, ...(body as SeedOptions) });
      stats.clear();
      settingsSaves.length = 0;
      faults.length = 0;
      limiter.reset();
      return json(200, { ok: true, deals: store.data.leads.length }, { 'content-type': 'application/json' });
    case 'GET /_sandbox/faults':
      return json(200, { rules: faults, menu: faultMenu() }, { 'content-type': 'application/json' });
    case 'DELETE /_sandbox/faults':
      faults.length = 0;
      return json(200, { rules: faults }, { 'content-type': 'application/json' });
    case 'POST /_sandbox/faults':
      faults.push(readFaultRule(body));
      return json(200, { rules: faults }, { 'content-type': 'application/json' });
    case 'GET /_sandbox/clock':
      return json(200, clockState(), { 'content-type': 'application/json' });
    case 'POST /_sandbox/clock': {
      // `{at: '2026-12-02T11:00'}` (account's wall clock, or ISO with an offset), `{offsetMs}`, or `{now: true}`.
      if (body.now === true) clock.offsetMs = 0;
      else if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs)) clock.offsetMs = body.offsetMs;
      else if (typeof body.at === 'string') {
        const at = parseAt(body.at, store.data.account.timezone);
        if (at === undefined) return problem(400, 'Bad Request', `Not a time: ${body.at}`);
        clock.offsetMs = at - Date.now();
      } else return problem(400, 'Bad Request', 'Give {at}, {offsetMs} or {now: true}');
      return json(200, clockState(), { 'content-type': 'application/json' });
    }
    case 'GET /_sandbox/config':
      return json(200, { ...config, limits: limiter.options }, { 'content-type': 'application/json' });
    case 'POST /_sandbox/config':
      if (typeof body.apiFilter === 'boolean') config.apiFilter = body.apiFilter;
      if (typeof body.rateLimit === 'boolean') config.rateLimit = body.rateLimit;
      if (typeof body.settingsAsString === 'boolean') config.settingsAsString = body.settingsAsString;
      if (typeof body.limits === 'object' && body.limits !== null)
        limiter.options = { ...limiter.options, ...(body.limits as Partial<RateLimitOptions>) };
      limiter.reset();
      return json(200, { ...config, limits: limiter.options }, { 'content-type': 'application/json' });
    case 'POST /_sandbox/settings': {
      // The integrations modal saves here once the widget's onSave agreed: `{active, fields}`. A test may preset
      // the custom field with `{config: '<json>'}` alone, which changes no other field.
      const fields = body.fields;
      if (typeof fields === 'object' && fields !== null) ctx.storeSettings(fields as Record<string, unknown>, true);
      else if (body.config !== undefined) ctx.storeSettings({ ...store.widgetSettings, config: body.config }, false);
      if (typeof body.active === 'boolean') store.widgetActive = body.active;
      return json(
        200,
        {
          settings: hostSettings(store, {
            settingsAsString: config.settingsAsString,
            customFields: ctx.customFields(),
          }),
          active: store.widgetActive,
        },
        { 'content-type': 'application/json' },
      );
    }
    case 'POST /_sandbox/mutate':
      // "Someone else changed it": typed changes as another user, each writing its events (sandbox/mutate.ts).
      return handleMutate(req.body, store);
    case 'POST /_sandbox/crm_post':
      return json(200, { ok: true, echo: body }, { 'content-type': 'application/json' });
    default:
      if (req.path.startsWith('/_sandbox/ui/')) return handleUi(req, store);
      return problem(404, 'Not Found', `Cannot ${req.method} ${req.path}`);
  }
};
