import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api/router';
import { createClock, parseAt, wallClock, type Clock } from './clock';
import { faultMatches, faultMenu, faultResponse, findFault, readFaultRule, type FaultRule } from './faultLab';
import { NGINX_403, html, json, problem, type ApiRequest, type ApiResponse } from './http';
import { LANGS, bootData, hostSettings, shellHtml, type Lang, type WidgetInfo } from './page';
import { handleMutate } from './mutate';
import { parseQuery } from './query';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rateLimit';
import type { SeedOptions } from './seed';
import { Store } from './store';
import { handleUi } from './ui';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDGET_CODE = 'task_guard';
const WIDGET_PATH = `/upl/${WIDGET_CODE}/widget`;
/** Another vendor's widget on the same page: the fault lab makes it fail and burst (sandbox/widgets/lead_sync/). */
const SECOND_WIDGET_CODE = 'lead_sync';
const SECOND_WIDGET_PATH = `/upl/${SECOND_WIDGET_CODE}/widget`;
/** The integration's name as entered in amoMarket; the loader shows it instead of the archive's `widget.name`. */
const INTEGRATION_NAME = 'Task Guard';

export interface SandboxOptions extends SeedOptions {
  /** Directory of the unpacked widget archive; default `<repo>/widget` (what `vite build` writes). */
  widgetDir?: string;
  rateLimit?: Partial<RateLimitOptions> | false;
  apiFilter?: boolean;
  /**
   * The sandbox's time (`npm start -- --at`): a wall-clock time in the account's zone (`2026-12-02T11:00`) or an
   * ISO time with an offset. The page's `Date` and the API's "now" follow it; the machine's time by default.
   */
  at?: string;
  /** An older host that hands custom settings to the widget as JSON strings (default: decoded, as today). */
  settingsAsString?: boolean;
}

export type { FaultRule } from './faultLab';

/** One Save of the integrations modal, as the server got it: which fields were posted, and which are not the manifest's. */
export interface SettingsSave {
  fields: string[];
  /** Posted names that are not settings of the manifest: a widget's own named input leaking into the host's form. */
  extra: string[];
  values: Record<string, unknown>;
}

export interface Sandbox {
  server: Server;
  store: Store;
  limiter: RateLimiter;
  config: { apiFilter: boolean; rateLimit: boolean; settingsAsString: boolean };
  faults: FaultRule[];
  stats: Map<string, number>;
  settingsSaves: SettingsSave[];
  clock: Clock;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

const VENDOR: Record<string, string> = {
  '/vendor/require.js': 'node_modules/requirejs/require.js',
  '/vendor/jquery.js': 'node_modules/jquery/dist/jquery.js',
  '/vendor/underscore.js': 'node_modules/underscore/underscore-umd.js',
};

/** Resolves `rel` under `base`, refusing anything that climbs out of it. */
const inside = (base: string, rel: string): string | undefined => {
  const full = normalize(join(base, decodeURIComponent(rel)));
  return full.startsWith(normalize(base) + sep) && existsSync(full) && statSync(full).isFile() ? full : undefined;
};

const cookies = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((p): p is [string, string] => p.length === 2 && !!p[0])
      .map(([k, v]) => [k, decodeURIComponent(v)]),
  );

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const parseBody = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const isApiPath = (path: string): boolean => /^\/(api\/|private\/|ajax\/v1\/|oauth2\/|v2\/origin\/)/.test(path);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the sandbox: the host page, the built widget, the API v4 emulator and the admin endpoints. */
export const createSandbox = (options: SandboxOptions = {}): Sandbox => {
  const widgetDir = options.widgetDir ?? join(ROOT, 'widget');
  const startOffset = (): number => {
    if (options.at === undefined) return 0;
    // The account's zone is the seed's (Europe/Moscow); read it from a throw-away seed of one deal.
    const zone = new Store({ deals: 1, managers: 1, now: 0 }).data.account.timezone;
    const at = parseAt(options.at, zone);
    if (at === undefined) throw new Error(`--at ${options.at}: not a time (2026-12-02T11:00 or an ISO time)`);
    return at - Date.now();
  };
  const clock = createClock(startOffset());
  const store = new Store(options, clock);
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...(options.rateLimit || {}) });
  const config = {
    apiFilter: options.apiFilter ?? true,
    rateLimit: options.rateLimit !== false,
    settingsAsString: options.settingsAsString === true,
  };
  const faults: FaultRule[] = [];
  const stats = new Map<string, number>();
  const settingsSaves: SettingsSave[] = [];

  type Manifest = { widget?: { init_once?: boolean }; settings?: Record<string, { type?: string }> };
  const readManifest = (): Manifest | null => {
    const file = join(widgetDir, 'manifest.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
  };
  const customFields = (manifest: Manifest | null): string[] =>
    Object.entries(manifest?.settings ?? {})
      .filter(([, field]) => field.type === 'custom')
      .map(([name]) => name);

  const widgetInfo = (): WidgetInfo => {
    const manifest = readManifest();
    const script = join(widgetDir, 'script.js');
    // A new stamp for every build, as amoCRM gives every upload a new installed_version.
    const stamp = existsSync(script) ? String(Math.floor(statSync(script).mtimeMs / 1000)) : '0';
    return {
      code: WIDGET_CODE,
      path: WIDGET_PATH,
      version: stamp,
      integrationName: INTEGRATION_NAME,
      initOnce: manifest?.widget?.init_once === true,
      manifest,
    };
  };

  /**
   * What the server keeps of a Save: text fields as strings; a custom field decoded from its JSON (an object or
   * a number), and NOT kept when it is a string that is not JSON (`biradrags/amo-docs`
   * `amocrm_docs_md/integrations/custom_settings.md`: "Строчный тип данных на сервере сохраняться не будет").
   */
  const storeSettings = (fields: Record<string, unknown>, record: boolean): void => {
    const manifest = readManifest();
    const custom = customFields(manifest);
    const known = Object.keys(manifest?.settings ?? {});
    if (record)
      settingsSaves.push({
        fields: Object.keys(fields),
        extra: Object.keys(fields).filter((name) => !known.includes(name)),
        values: fields,
      });
    const next: Record<string, unknown> = {};
    for (const name of known) {
      const value = fields[name];
      if (value === undefined) continue;
      if (!custom.includes(name)) next[name] = typeof value === 'string' ? value : String(value);
      else if (typeof value !== 'string') next[name] = value;
      else {
        try {
          next[name] = JSON.parse(value) as unknown;
        } catch {
          // Not JSON: the server does not keep it.
        }
      }
    }
    store.widgetSettings = next;
  };

  const clockState = () => ({
    offsetMs: clock.offsetMs,
    now: clock.now(),
    timezone: store.data.account.timezone,
    wall: wallClock(clock.now(), store.data.account.timezone),
  });

  const send = (res: ServerResponse, response: ApiResponse, extra: Record<string, string> = {}) => {
    res.writeHead(response.status, { 'cache-control': 'no-store', ...response.headers, ...extra });
    res.end(response.body);
  };

  const sendFile = (res: ServerResponse, file: string) => {
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };

  const admin = (req: ApiRequest): ApiResponse => {
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
        clock.offsetMs = startOffset();
        store.reset({ ...options, ...(body as SeedOptions) });
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
        if (typeof fields === 'object' && fields !== null) storeSettings(fields as Record<string, unknown>, true);
        else if (body.config !== undefined) storeSettings({ ...store.widgetSettings, config: body.config }, false);
        if (typeof body.active === 'boolean') store.widgetActive = body.active;
        return json(
          200,
          {
            settings: hostSettings(store, {
              settingsAsString: config.settingsAsString,
              customFields: customFields(readManifest()),
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

  const serveApi = async (req: ApiRequest, res: ServerResponse, client: string): Promise<void> => {
    if (config.rateLimit) {
      const verdict = limiter.check(client);
      if (verdict.kind === 'blocked') return send(res, html(403, NGINX_403));
      if (verdict.kind === 'limited') {
        return send(
          res,
          problem(
            429,
            'Too Many Requests',
            'Too Many Requests',
            { retry_after: verdict.retryAfter },
            { 'retry-after': String(verdict.retryAfter) },
          ),
        );
      }
    }
    const rule = faults.find((f) => faultMatches(f, req.method, req.path));
    if (rule) {
      rule.count -= 1;
      if (rule.latencyMs > 0) await sleep(rule.latencyMs);
      if (rule.status === 'offline') {
        res.socket?.destroy();
        return;
      }
      if (rule.status !== undefined) return send(res, faultResponse(rule.status, store.now));
    }
    if (!req.path.startsWith('/api/v4/'))
      return send(res, problem(404, 'Not Found', `Cannot ${req.method} ${req.path}`));
    return send(res, handleApi(req, { store, apiFilter: config.apiFilter }));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    stats.set(`${method} ${path}`, (stats.get(`${method} ${path}`) ?? 0) + 1);

    const jar = cookies(req);
    const queryUser = Number(url.searchParams.get('user'));
    const queryLang = url.searchParams.get('lang');
    const userId = store.data.users.some((u) => u.id === queryUser)
      ? queryUser
      : store.data.users.some((u) => u.id === Number(jar.amo_user))
        ? Number(jar.amo_user)
        : 1;
    const lang: Lang = (LANGS as readonly string[]).includes(queryLang ?? '')
      ? (queryLang as Lang)
      : (LANGS as readonly string[]).includes(jar.amo_lang ?? '')
        ? (jar.amo_lang as Lang)
        : 'ru';
    const host = req.headers.host ?? '127.0.0.1';
    const apiReq: ApiRequest = {
      method,
      path,
      query: parseQuery(url.search),
      search: url.search.replace(/^\?/, ''),
      body: method === 'GET' || method === 'HEAD' ? undefined : parseBody(await readBody(req)),
      userId,
      origin: `http://${host}`,
    };

    const fault = url.searchParams.get('__fault');
    if (fault !== null) {
      const found = findFault(fault);
      const answer = found ? found.respond(store.now) : problem(404, 'Not Found', `No fault ${fault}`);
      if (answer === 'offline') {
        res.socket?.destroy();
        return;
      }
      return send(res, answer);
    }
    if (isApiPath(path)) return serveApi(apiReq, res, req.socket.remoteAddress ?? 'local');
    if (path.startsWith('/_sandbox/')) return send(res, admin(apiReq));
    const vendor = VENDOR[path];
    if (vendor) return sendFile(res, join(ROOT, vendor));
    if (path.startsWith(`${WIDGET_PATH}/`)) {
      const file = inside(widgetDir, path.slice(WIDGET_PATH.length + 1));
      return file ? sendFile(res, file) : send(res, html(404, 'Not Found'));
    }
    // A second widget, as another vendor's upload would sit beside ours (docs/sandbox.md, "A second widget").
    if (path.startsWith(`${SECOND_WIDGET_PATH}/`)) {
      const file = inside(
        join(ROOT, 'sandbox', 'widgets', SECOND_WIDGET_CODE),
        path.slice(SECOND_WIDGET_PATH.length + 1),
      );
      return file ? sendFile(res, file) : send(res, html(404, 'Not Found'));
    }
    if (path.startsWith('/host/')) {
      const file = inside(join(ROOT, 'sandbox', 'public'), path.slice('/host/'.length));
      return file ? sendFile(res, file) : send(res, html(404, 'Not Found'));
    }
    if (method !== 'GET') return send(res, html(405, 'Method Not Allowed'));
    // Any other path is a page of the single-page host; user and language stick through cookies.
    const setCookie = [`amo_user=${userId}; Path=/; SameSite=Lax`, `amo_lang=${lang}; Path=/; SameSite=Lax`];
    res.setHeader('set-cookie', setCookie);
    const info = widgetInfo();
    const boot = bootData(store, userId, lang, info, {
      settingsAsString: config.settingsAsString,
      customFields: customFields(info.manifest as Manifest | null),
    });
    return send(res, html(200, shellHtml(boot)));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[sandbox]', error);
      if (!res.headersSent) send(res, problem(500, 'ErrInternalServer', String(error)));
      else res.end();
    });
  });

  return {
    server,
    store,
    limiter,
    config,
    faults,
    stats,
    settingsSaves,
    clock,
    listen: (port = 8765, hostname = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, hostname, () => {
          const actual = (server.address() as AddressInfo).port;
          resolve({ port: actual, url: `http://${hostname}:${actual}/` });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
