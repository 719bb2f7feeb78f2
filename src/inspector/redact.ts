/**
 * Redaction before anything is kept, shown or copied (docs/error-bodies.md): secrets in query
 * strings, fragments and bodies, credentials in URLs, e-mails and phone numbers. Pure string work.
 */

export const REDACTED = '[redacted]';

/** Query or body keys whose values never leave the page: tokens, passwords, session ids, amoCRM's login pair. */
const SECRET_KEY =
  /auth|token|secret|sess|passw|pwd|jwt|bearer|csrf|xsrf|cookie|signature|api[-_]?key|^key$|_key$|^sid$|_sid$|^user_login$|^user_hash$|^login$|^hash$|^code$|query|^q$|phone|e-?mail/i;

/** True for a parameter or field name whose value must be hidden. */
export const isSecretKey = (key: string): boolean => SECRET_KEY.test(key.replace(/\[\]$/, ''));

/** True for a parameter name any of whose bracketed parts (`filter[query]`, `token[value]`) is secret. */
export const isSecretParam = (key: string): boolean =>
  key.split(/[[\]]+/).some((part) => part !== '' && isSecretKey(part));

const redactPairs = (pairs: string): string =>
  pairs
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      let key = pair.slice(0, eq);
      try {
        key = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // A broken escape is still a key; judge it as written.
      }
      // `filter[query]`, `USER[hash]`: judge every bracketed part.
      return isSecretParam(key) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
    })
    .join('&');

/** Redacts a URL: credentials before the host, secret query and fragment values. Keeps its shape otherwise. */
export const redactUrl = (url: string): string => {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  let base = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
  base = base.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, `$1${REDACTED}@`);
  return (
    base +
    (query === undefined ? '' : `?${redactPairs(query)}`) +
    (hashAt < 0 ? '' : `#${hash.includes('=') ? redactPairs(hash) : hash}`)
  );
};

/** Secret values the URL carried, so a body that echoes them can be scrubbed too. */
export const secretsOf = (url: string): string[] => {
  const values: string[] = [];
  const tail = url.replace(/^[^?#]*[?#]?/, '');
  for (const pair of tail.split(/[&#?]/)) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    let key = pair.slice(0, eq);
    let value = pair.slice(eq + 1);
    try {
      key = decodeURIComponent(key.replace(/\+/g, ' '));
    } catch {
      // keep as written
    }
    try {
      value = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      // keep as written
    }
    if (isSecretParam(key) && value.length >= 6) values.push(value);
  }
  return values;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** JSON `"key": "value"` / `"key": 123` pairs with a secret key. */
const JSON_PAIR = /("([^"\\]{1,80})"\s*:\s*)("(?:[^"\\]|\\.)*(?:"|$)|-?\d[\d.eE+-]*)/g;
/** `key=value` in text (form bodies, URLs quoted in messages, headers dumped as text). */
const TEXT_PAIR = /\b([A-Za-z_][\w.[\]-]{0,60})=([^\s&"'<>]+)/g;
const HEADER_LINE =
  /\b(authorization|cookie|set-cookie|x-auth-token|x-signature|proxy-authorization)\s*:\s*[^\r\n"]+/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
// Bounded quantifiers: an unbounded local part makes a 32 KiB body without "@" quadratic.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;
const PHONE = /\+\d[\d\s().-]{8,20}\d/g;

/** Redacts a body or message text; `extra` are known secret values (from the URL) to scrub wherever they appear. */
export const redactText = (text: string, extra: readonly string[] = []): string => {
  let out = text;
  for (const secret of extra) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  return (
    out
      // In a JSON body `code` is amoCRM's error code, not an OAuth code: it stays.
      .replace(JSON_PAIR, (whole, head: string, key: string) =>
        key.toLowerCase() !== 'code' && isSecretKey(key) ? `${head}"${REDACTED}"` : whole,
      )
      .replace(TEXT_PAIR, (whole, key: string) => (isSecretParam(key) ? `${key}=${REDACTED}` : whole))
      .replace(HEADER_LINE, (_whole, name: string) => `${name}: ${REDACTED}`)
      .replace(BEARER, (_whole, scheme: string) => `${scheme} ${REDACTED}`)
      .replace(JWT, REDACTED)
      .replace(EMAIL, '[email]')
      .replace(PHONE, '[phone]')
  );
};
