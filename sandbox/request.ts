import type { IncomingMessage } from 'node:http';

/** The request's cookies by name (the user and language stick through `amo_user` and `amo_lang`). */
export const cookies = (req: IncomingMessage): Record<string, string> =>
  Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((p): p is [string, string] => p.length === 2 && !!p[0])
      .map(([k, v]) => [k, decodeURIComponent(v)]),
  );

export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** A body as JSON when it is JSON, else the text itself; undefined when empty. */
export const parseBody = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** The paths amoCRM's APIs answer on (v4, the legacy v2 and /ajax, OAuth, the chats API). */
export const isApiPath = (path: string): boolean => /^\/(api\/|private\/|ajax\/v1\/|oauth2\/|v2\/origin\/)/.test(path);
