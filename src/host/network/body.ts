import { BODY_CAP, READ_TIMEOUT_MS } from './captured';

/** A body as far as we read it. */
export interface BodyText {
  text: string;
  truncated: boolean;
}

const decoder = (): TextDecoder => new TextDecoder('utf-8');

/** Decodes at most `BODY_CAP` bytes. */
export const decodeCapped = (bytes: Uint8Array): BodyText => ({
  text: decoder().decode(bytes.subarray(0, BODY_CAP)),
  truncated: bytes.byteLength > BODY_CAP,
});

/** Cuts a string already in memory (XHR's responseText) to the cap. */
export const capText = (text: string): BodyText =>
  text.length > BODY_CAP ? { text: text.slice(0, BODY_CAP), truncated: true } : { text, truncated: false };

/**
 * Reads a cloned Response's body up to the cap, then cancels the clone: an unread tee branch would buffer the
 * whole body for as long as the page reads its own. A read that outlasts the timeout is cancelled too and keeps
 * what arrived, so a stalled error page never pins the clone.
 */
export const readCapped = async (clone: Response): Promise<BodyText> => {
  const stream = clone.body;
  if (!stream) return { text: '', truncated: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => undefined);
  }, READ_TIMEOUT_MS);
  try {
    while (size < BODY_CAP) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // The page's own read, a network drop or our timeout ended the stream: keep what arrived.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const body = decodeCapped(bytes);
  return { text: body.text, truncated: body.truncated || timedOut || !finished };
};
