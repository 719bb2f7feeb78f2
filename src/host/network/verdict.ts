/** Paths of amoCRM's APIs, where a successful answer may still hide an error. */
const API_PATH = /\/api\/v\d|\/private\/api\/|\/ajax\//;
/** Legacy write APIs that report batch errors inside HTTP 200. */
const LEGACY_WRITE = /\/api\/v2\/|\/private\/api\//;
const TEXTUAL = /json|^text\/|xml|javascript|x-www-form-urlencoded/i;

/**
 * True when a body of this content type is worth reading: text-like and not a stream. An unknown type counts as
 * text (amoCRM's empty 405s have none); `text/event-stream` never ends, so reading it would hang on.
 */
export const isReadable = (contentType: string): boolean =>
  !/event-stream/i.test(contentType) && (contentType.trim() === '' || TEXTUAL.test(contentType));

/**
 * The cheap half of `verdict`, before any header is read: false when the answer can only be 'ok' (1xx, 3xx,
 * 204, an opaque status 0, a 2xx off amoCRM's API paths). Every watcher asks this first on its success path.
 */
export const mayFail = (status: number, url: string): boolean => {
  if (status >= 400) return true;
  if (status < 200 || status >= 300 || status === 204) return false;
  return API_PATH.test(pathOf(url));
};

/**
 * The one rule that decides whether a finished HTTP answer deserves a look. 4xx/5xx are failures; a 2xx is suspect
 * only where amoCRM hides errors in successful answers (docs/error-bodies.md: an HTML page on an API path is a
 * login or proxy page; legacy batch writes report their errors inside HTTP 200). Everything else, 204 and 304
 * included, is left alone.
 */
export const verdict = (
  status: number,
  method: string,
  url: string,
  contentType: string,
): 'failure' | 'suspect' | 'ok' => {
  if (!mayFail(status, url)) return 'ok';
  if (status >= 400) return 'failure';
  if (/text\/html/i.test(contentType)) return 'suspect';
  if (method !== 'GET' && /json/i.test(contentType) && LEGACY_WRITE.test(pathOf(url))) return 'suspect';
  return 'ok';
};

/** Path part of an absolute or relative URL, without query or hash. */
export const pathOf = (url: string): string => {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]*)?([^?#]*)/i.exec(url);
  return match?.[1] ?? '';
};
