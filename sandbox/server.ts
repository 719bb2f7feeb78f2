import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api/router';
import { faultMenu, findFault } from './faultLab';
import { NGINX_403, NGINX_502, html, json, problem, type ApiRequest, type ApiResponse } from './http';
import { LANGS, bootData, shellHtml, type Lang, type WidgetInfo } from './page';
import { parseQuery } from './query';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rateLimit';
import type { SeedOptions } from './seed';
import { Store } from './store';
import { handleUi } from './ui';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WIDGET_CODE = 'task_guard';
const WIDGET_PATH = `/upl/${WIDGET_CODE}/widget`;

export interface SandboxOptions extends SeedOptions {
  /** Directory of the unpacked widget archive; default `<repo>/widget` (what `vite build` writes). */
  widgetDir?: string;
  rateLimit?: Partial<RateLimitOptions> | false;
  apiFilter?: boolean;
}

/** A fault rule set through `/_sandbox/faults`: applied to the next `count` API calls under `pathPrefix`. */
export interface FaultRule {
  pathPrefix: string;
  latencyMs: number;
  status?: 500 | 401 | 'html502' | 'offline';
  count: number;
}

export interface Sandbox {
  server: Server;
  store: Store;
  limiter: RateLimiter;
  config: { apiFilter: boolean; rateLimit: boolean };
  faults: FaultRule[];
  stats: Map<string, number>;
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
  const store = new Store(options);
  const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...(options.rateLimit || {}) });
  const config = { apiFilter: options.apiFilter ?? true, rateLimit: options.rateLimit !== false };
  const faults: FaultRule[] = [];
  const stats = new Map<string, number>();

  const widgetInfo = (): WidgetInfo => {
    const file = join(widgetDir, 'manifest.json');
    if (!existsSync(file)) return { code: WIDGET_CODE, path: WIDGET_PATH, version: '', initOnce: true, manifest: null };
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { widget?: { version?: string; init_once?: boolean } };
    return {
      code: WIDGET_CODE,
      path: WIDGET_PATH,
      version: manifest.widget?.version ?? '',
      initOnce: manifest.widget?.init_once === true,
      manifest,
    };
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

  const admin = (req: ApiRequest): ApiResponse => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    switch (`${req.method} ${req.path}`) {
      case 'GET /_sandbox/stats': {
        const byPath = Object.fromEntries(stats);
        const api = [...stats].filter(([k]) => / \/api\//.test(k)).reduce((n, [, v]) => n + v, 0);
        return json(200, { api, byPath }, { 'content-type': 'application/json' });
      }
      case 'POST /_sandbox/stats/reset':
      case 'DELETE /_sandbox/stats':
        stats.clear();
        return json(200, { ok: true }, { 'content-type': 'application/json' });
      case 'POST /_sandbox/reset':
        store.reset({ ...options, ...(body as SeedOptions) });
        stats.clear();
        faults.length = 0;
        limiter.reset();
        return json(200, { ok: true, deals: store.data.leads.length }, { 'content-type': 'application/json' });
      case 'GET /_sandbox/faults':
        return json(200, { rules: faults, menu: faultMenu() }, { 'content-type': 'application/json' });
      case 'DELETE /_sandbox/faults':
        faults.length = 0;
        return json(200, { rules: faults }, { 'content-type': 'application/json' });
      case 'POST /_sandbox/faults': {
        const status = body.status;
        faults.push({
          pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix : '/api/',
          latencyMs: Number(body.latencyMs) || 0,
          status: status === 500 || status === 401 || status === 'html502' || status === 'offline' ? status : undefined,
          count: typeof body.count === 'number' ? body.count : Number.POSITIVE_INFINITY,
        });
        return json(200, { rules: faults }, { 'content-type': 'application/json' });
      }
      case 'GET /_sandbox/config':
        return json(200, { ...config, limits: limiter.options }, { 'content-type': 'application/json' });
      case 'POST /_sandbox/config':
        if (typeof body.apiFilter === 'boolean') config.apiFilter = body.apiFilter;
        if (typeof body.rateLimit === 'boolean') config.rateLimit = body.rateLimit;
        if (typeof body.limits === 'object' && body.limits !== null)
          limiter.options = { ...limiter.options, ...(body.limits as Partial<RateLimitOptions>) };
        limiter.reset();
        return json(200, { ...config, limits: limiter.options }, { 'content-type': 'application/json' });
      case 'POST /_sandbox/settings':
        // The integrations modal saves here once the widget's onSave agreed (amoCRM: /ajax/widgets/edit).
        if (typeof body.config === 'string') store.widgetConfig = body.config;
        if (typeof body.active === 'boolean') store.widgetActive = body.active;
        return json(
          200,
          { config: store.widgetConfig, active: store.widgetActive },
          { 'content-type': 'application/json' },
        );
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
    const rule = faults.find((f) => f.count > 0 && req.path.startsWith(f.pathPrefix));
    if (rule) {
      rule.count -= 1;
      if (rule.latencyMs > 0) await sleep(rule.latencyMs);
      if (rule.status === 'offline') {
        res.socket?.destroy();
        return;
      }
      if (rule.status === 'html502') return send(res, html(502, NGINX_502));
      if (rule.status === 500)
        return send(
          res,
          problem(500, 'ErrInternalServer', 'Internal server error', { trace_id: `sandbox-${Date.now()}` }),
        );
      if (rule.status === 401) return send(res, problem(401, 'Unauthorized', 'Invalid user name or password'));
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
      const answer = found
        ? found.respond(Math.floor(Date.now() / 1000))
        : problem(404, 'Not Found', `No fault ${fault}`);
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
    if (path.startsWith('/host/')) {
      const file = inside(join(ROOT, 'sandbox', 'public'), path.slice('/host/'.length));
      return file ? sendFile(res, file) : send(res, html(404, 'Not Found'));
    }
    if (method !== 'GET') return send(res, html(405, 'Method Not Allowed'));
    // Any other path is a page of the single-page host; user and language stick through cookies.
    const setCookie = [`amo_user=${userId}; Path=/; SameSite=Lax`, `amo_lang=${lang}; Path=/; SameSite=Lax`];
    res.setHeader('set-cookie', setCookie);
    return send(res, html(200, shellHtml(bootData(store, userId, lang, widgetInfo()))));
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
