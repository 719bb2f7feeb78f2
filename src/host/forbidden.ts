/**
 * What an HTTP 403 from amoCRM means. The same status covers two very different answers (GitHub
 * `biradrags/amo-docs`, `amocrm_docs_md/crm_platform/error-codes.md` and `users-api.md`): the account blocked
 * for too many requests, which every later call meets too, and a refusal of this one call (no rights to the entity,
 * code 288 "Недостаточно прав", "Admin access only", an IP outside the account's whitelist, code 113), which the
 * next call, on another deal, may well pass. Only the first may pause the widget's calls.
 */
export type ForbiddenMeaning = 'block' | 'refusal' | 'unknown';

// amoCRM's wording of the block (error page, section "other", code 403) and nginx's bare page that answers while
// the IP is blocked.
const BLOCK_TEXT = [
  /заблокирован/i,
  /превышени\S* количества запросов/i,
  /too many requests/i,
  /\bblocked\b/i,
  /<center>\s*nginx\s*<\/center>/i,
];

// Refusals of one call: rights (288, 202 and 244 "нет прав" of the legacy API), the admin-only methods, the IP
// whitelist (113), and OAuth's scope check.
const REFUSAL_TEXT = [
  /недостаточно прав/i,
  /нет прав/i,
  /admin access only/i,
  /access denied/i,
  /permission/i,
  /insufficient rights/i,
  /с Вашего IP/i,
  /from your IP/i,
  /invalid scope/i,
];
const REFUSAL_CODES = new Set(['288', '113', '202', '244']);

/** Every `code` / `error_code` the body names, wherever amoCRM's many body shapes put it. */
const codesOf = (value: unknown, into: string[] = [], depth = 0): string[] => {
  if (depth > 4 || typeof value !== 'object' || value === null) return into;
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'code' || key === 'error_code') && (typeof item === 'string' || typeof item === 'number'))
      into.push(String(item));
    else codesOf(item, into, depth + 1);
  }
  return into;
};

/** Reads a 403's body: a block, a refusal of this call, or nothing to tell (the caller decides by repetition). */
export const forbiddenMeaning = (body: string): ForbiddenMeaning => {
  let codes: string[] = [];
  try {
    codes = codesOf(JSON.parse(body));
  } catch {
    // Not JSON: an HTML page or plain text; the words decide.
  }
  if (codes.some((code) => REFUSAL_CODES.has(code))) return 'refusal';
  if (REFUSAL_TEXT.some((pattern) => pattern.test(body))) return 'refusal';
  if (codes.includes('403') || BLOCK_TEXT.some((pattern) => pattern.test(body))) return 'block';
  return 'unknown';
};
