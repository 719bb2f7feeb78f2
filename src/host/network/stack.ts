/**
 * Script URLs of a JavaScript stack trace, innermost frame first, in the three formats browsers write:
 * - Chromium (V8): `    at name (https://host/a.js?v=1:10:5)`, `    at https://host/a.js:10:5`,
 *   `    at async name (…)`, `    at eval (eval at load (https://host/a.js:1:9), <anonymous>:1:1)`;
 * - Firefox (SpiderMonkey): `name@https://host/a.js:10:5`, `@https://…`, `async*name@…`,
 *   `name@https://host/a.js line 2 > eval:1:1`;
 * - Safari (JavaScriptCore): `name@https://host/a.js:10:5`, a bare `https://host/a.js:10:5` for anonymous code,
 *   `fetch@[native code]`, `eval code@`.
 * Frames without a script URL (native code, `<anonymous>`, a console) are left out. Query strings stay (a widget's
 * `script.js?v=<stamp>`), line and column go.
 */
export const stackUrls = (stack: string): string[] =>
  stackFrames(stack).filter((url): url is string => url !== undefined);

/**
 * Every frame of a stack, innermost first, as its script URL or undefined for a frame without one; V8's first line
 * (`Error`, the message) is not a frame.
 */
export const stackFrames = (stack: string): (string | undefined)[] => {
  const frames: (string | undefined)[] = [];
  for (const raw of stack.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('at ') || line.includes('@') || SCRIPT_URL.test(line)) frames.push(frameUrl(line));
  }
  return frames;
};

/** A URL a page can load a script from (not `<anonymous>`, `native`, `[native code]`). */
const SCRIPT_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|blob:)/i;

/** `https://host/a.js?v=1:10:5` without `:10:5` (or a lone `:10`). */
const withoutPosition = (location: string): string => location.replace(/(?::\d+){1,2}$/, '');

const frameUrl = (line: string): string | undefined => {
  if (!line) return undefined;
  let location: string;
  if (line.startsWith('at ')) {
    // V8. A location in parentheses follows a function name; an eval'd frame names the script that ran eval.
    const rest = line.slice(3);
    const open = rest.indexOf('(');
    location = open >= 0 && rest.endsWith(')') ? rest.slice(open + 1, -1) : rest.replace(/^async /, '');
    const evalAt = /^eval at [^(]*\((.*?)\)(?:, |$)/.exec(location);
    if (evalAt?.[1]) location = evalAt[1].replace(/^eval at [^(]*\(/, '');
  } else {
    // SpiderMonkey and JavaScriptCore: `name@location`, or a bare location for JavaScriptCore's anonymous code.
    const at = line.indexOf('@');
    location = at >= 0 && !SCRIPT_URL.test(line) ? line.slice(at + 1) : line;
    // Firefox's eval'd and `new Function` code: `https://host/a.js line 2 > eval:1:1`.
    location = location.replace(/ line \d+ > .*$/, '');
  }
  const url = withoutPosition(location.trim());
  return SCRIPT_URL.test(url) ? url : undefined;
};

/** The part of V8's CallSite API (https://v8.dev/docs/stack-trace-api) this reads. */
interface CallSite {
  getScriptNameOrSourceURL?(): string | null | undefined;
  getFileName(): string | null | undefined;
  getEvalOrigin(): string | null | undefined;
}

type PrepareStackTrace = (error: Error, frames: CallSite[]) => unknown;

/** One V8 frame as a stack line `stackFrames` reads: its script URL only, no line or column to work out. */
const v8Line = (frame: CallSite): string => {
  // A `//# sourceURL` names the script as V8's own text would; code run by eval names the script that ran it.
  const file = frame.getScriptNameOrSourceURL?.() ?? frame.getFileName();
  if (file) return `    at ${file}`;
  const origin = frame.getEvalOrigin();
  return origin ? `    at eval (${origin}, <anonymous>)` : '    at <anonymous>';
};

/**
 * The stack of `error` for `stackFrames`. In V8 the frames were captured when the error was made and are formatted
 * on the first read of `stack`: for that read only, V8's documented `Error.prepareStackTrace` hook writes each frame
 * as its script URL, which skips working out every frame's line and column (the bulk of the cost on an admin's
 * every call). The page's own hook, if any, is back before this returns. Other engines ignore the hook and give
 * their usual text.
 */
export const readStack = (error: Error): string => {
  const host = Error as ErrorConstructor & { prepareStackTrace?: PrepareStackTrace };
  const before = host.prepareStackTrace;
  try {
    host.prepareStackTrace = (_error, frames) => `Error\n${frames.map(v8Line).join('\n')}`;
    return String(error.stack ?? '');
  } finally {
    host.prepareStackTrace = before;
  }
};
