import { NGINX_403, NGINX_502, html, problem, type ApiResponse } from './http';
import { CATALOG_CASES } from './faultCodes';
import { SHAPES, legacy, type FaultCase } from './faultShapes';

export type { FaultCase } from './faultShapes';

/**
 * The fault lab's cases: every body shape amoCRM is known to answer failures with (docs/error-bodies.md) and every
 * current code of the error catalog (src/inspector/catalog.ts, derived in faultCodes.ts).
 */
export const FAULT_CASES: readonly FaultCase[] = [...SHAPES, ...CATALOG_CASES];

export const findFault = (id: string): FaultCase | undefined => FAULT_CASES.find((f) => f.id === id);

/** The lab's menu as JSON for the host page. */
export const faultMenu = (): { id: string; group: string; label: string; method: string; url: string }[] =>
  FAULT_CASES.map((f) => ({
    id: f.id,
    group: f.group,
    label: f.label,
    method: f.method,
    url: `${f.path}?__fault=${encodeURIComponent(f.id)}`,
  }));

/** What `/_sandbox/faults` can make the next matching calls answer. */
export const FAULT_STATUSES = [
  500,
  401,
  'html502',
  'offline',
  'rights',
  'rights288',
  'adminOnly',
  'blocked',
  'html403',
] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/**
 * A fault rule: the next `count` API calls that match fail (or are only delayed). A call matches on `method` when
 * given, and on `path` exactly when given, else on `pathPrefix`.
 */
export interface FaultRule {
  pathPrefix: string;
  path?: string;
  method?: string;
  latencyMs: number;
  status?: FaultStatus;
  count: number;
}

const trimSlash = (path: string): string => path.replace(/(.)\/+$/, '$1');

export const faultMatches = (rule: FaultRule, method: string, path: string): boolean =>
  rule.count > 0 &&
  (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) &&
  (rule.path !== undefined ? trimSlash(rule.path) === trimSlash(path) : path.startsWith(rule.pathPrefix));

/** Reads a rule posted to `/_sandbox/faults`; unknown statuses only delay. */
export const readFaultRule = (body: Record<string, unknown>): FaultRule => {
  const status = (FAULT_STATUSES as readonly unknown[]).includes(body.status)
    ? (body.status as FaultStatus)
    : undefined;
  return {
    pathPrefix: typeof body.pathPrefix === 'string' ? body.pathPrefix : '/api/',
    ...(typeof body.path === 'string' && body.path !== '' ? { path: body.path } : {}),
    ...(typeof body.method === 'string' && body.method !== '' ? { method: body.method.toUpperCase() } : {}),
    latencyMs: Number(body.latencyMs) || 0,
    status,
    count: typeof body.count === 'number' && body.count >= 0 ? body.count : Number.POSITIVE_INFINITY,
  };
};

/**
 * The answer of a rule's status. A 403 has several meanings at amoCRM (`biradrags/amo-docs`
 * `amocrm_docs_md/crm_platform/error-codes.md`): a refusal of rights for this call (`rights`: problem+json
 * "Недостаточно прав. Доступ запрещен."; `rights288`: the same as code 288 in the legacy shape; `adminOnly`: the
 * admin-only refusal of `GET /api/v4/users`), or the account's block for too many requests (`blocked`: the
 * legacy text of code 403; `html403`: nginx's page for a blocked client).
 */
export const faultResponse = (status: Exclude<FaultStatus, 'offline'>, now: number): ApiResponse => {
  switch (status) {
    case 500:
      return problem(500, 'ErrInternalServer', 'Internal server error', { trace_id: `sandbox-${now}` });
    case 401:
      return problem(401, 'Unauthorized', 'Invalid user name or password');
    case 'html502':
      return html(502, NGINX_502);
    case 'rights':
      return problem(403, 'Forbidden', 'Недостаточно прав. Доступ запрещен.');
    case 'rights288':
      return legacy(403, '288', 'Недостаточно прав. Доступ запрещен.')(now);
    case 'adminOnly':
      return problem(403, 'Forbidden', 'Admin access only. Please perform the integration under Administrator account');
    case 'blocked':
      return legacy(403, '403', 'Аккаунт заблокирован, за неоднократное превышение количества запросов в секунду')(now);
    case 'html403':
      return html(403, NGINX_403);
  }
};
