import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { handleAdmin, type SandboxConfig } from './adminRoutes';
import { handleApi } from './api/router';
import { createClock, parseAt, type Clock } from './clock';
import { faultMatches, faultResponse, findFault, type FaultRule } from './faultLab';
import { NGINX_403, html, problem, type ApiRequest, type ApiResponse } from './http';
import { LANGS, bootData, shellHtml, type Lang, type WidgetInfo } from './page';
import { parseQuery } from './query';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rateLimit';
import { cookies, isApiPath, parseBody, readBody } from './request';
import type { SeedOptions } from './seed';
import { MIME, VENDOR, inside } from './staticFiles';
import { Store } from './store';
import {
  customFields,
  keptSettings,
  readManifest,
  settingsSave,
  type Manifest,
  type SettingsSave,
} from './widgetSettings';

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

export type { SettingsSave } from './widgetSettings';

export interface Sandbox {
  server: Server;
  store: Store;
  limiter: RateLimiter;
  config: SandboxConfig;
  faults: FaultRule[];
  stats: Map<string, number>;
  settingsSaves: SettingsSave[];
  clock: Clock;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

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
  const config: SandboxConfig = {
    apiFilter: options.apiFilter ?? true,
    rateLimit: options.rateLimit !== false,
    settingsAsString: options.settingsAsString === true,
  };
  const faults: FaultRule[] = [];
  const stats = new Map<string, number>();
  const settingsSaves: SettingsSave[] = [];

  const widgetInfo = (): WidgetInfo => {
    const manifest = readManifest(widgetDir);
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

  /** Keeps a Save of the integrations modal (widgetSettings.ts), recorded for the tests when `record`. */
  const storeSettings = (fields: Record<string, unknown>, record: boolean): void => {
    const manifest = readManifest(widgetDir);
    if (record) settingsSaves.push(settingsSave(manifest, fields));
    store.widgetSettings = keptSettings(manifest, fields);
  };

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

  const admin = (req: ApiRequest): ApiResponse =>
    handleAdmin(req, {
      store,
      clock,
      limiter,
      config,
      faults,
      stats,
      settingsSaves,
      options,
      startOffset,
      storeSettings,
      customFields: () => customFields(readManifest(widgetDir)),
    });

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
