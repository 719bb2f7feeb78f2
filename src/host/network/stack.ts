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
