import { describe, expect, it } from 'vitest';
import { stackUrls, readStack } from './stack';

const W = 'https://widgets.example.com/upl/lead_sync/widget/script.js';
const OWN = 'https://demo.amocrm.ru/upl/task_guard/widget/script.js?v=1700000000';

describe('stackUrls', () => {
  it.each([
    [
      'Chromium: named, anonymous, async, constructor and native frames',
      [
        'Error',
        `    at fetch (${OWN}:1:2345)`,
        `    at LeadSync.sync (${W}?v=12:10:5)`,
        `    at ${W}:20:7`,
        `    at async Promise.all (index 0)`,
        `    at async load (${W}:30:1)`,
        '    at new Promise (<anonymous>)',
        '    at Array.forEach (<anonymous>)',
      ].join('\n'),
      [OWN, `${W}?v=12`, W, W],
    ],
    [
      "Chromium: eval'd code names the script that ran eval, nested evals the outermost",
      [
        'Error',
        `    at fetch (${OWN}:1:10)`,
        `    at eval (eval at run (${W}:4:9), <anonymous>:1:1)`,
        `    at eval (eval at inner (eval at outer (${W}:9:2), <anonymous>:1:1), <anonymous>:2:3)`,
        '    at <anonymous>:1:1',
      ].join('\n'),
      [OWN, W, W],
    ],
    [
      'Firefox: named, anonymous, async and eval frames',
      [
        `fetch@${OWN}:1:2345`,
        `sync@${W}?v=12:10:5`,
        `@${W}:20:7`,
        `async*load@${W}:30:1`,
        `run/<@${W} line 4 > eval:1:1`,
        `make@${W} line 2 > Function:1:9`,
      ].join('\n'),
      [OWN, `${W}?v=12`, W, W, W, W],
    ],
    [
      'Safari: named, bare anonymous, global and native frames',
      [
        'fetch@[native code]',
        `fetch@${OWN}:1:2345`,
        `sync@${W}:10:5`,
        `${W}:20:7`,
        `global code@${W}:1:1`,
        'eval code@',
        'asyncFunctionResume@[native code]',
        `module code@${W}?v=3:2:1`,
      ].join('\n'),
      [OWN, W, W, W, `${W}?v=3`],
    ],
    [
      'a minified single-line bundle (one line, large columns) and a URL with @ in its path',
      [
        'Error',
        '    at t.value (https://cdn.example.com/npm/pkg@1.2.3/dist/app.min.js:1:98234)',
        '    at https://cdn.example.com/npm/pkg@1.2.3/dist/app.min.js:1:120001',
      ].join('\n'),
      [
        'https://cdn.example.com/npm/pkg@1.2.3/dist/app.min.js',
        'https://cdn.example.com/npm/pkg@1.2.3/dist/app.min.js',
      ],
    ],
    ['an empty stack', '', []],
  ])('%s', (_name, stack, expected) => {
    expect(stackUrls(stack)).toEqual(expected);
  });
});

describe('readStack', () => {
  // V8 names a script by its `sourceURL`, as it names a widget's script.js by the URL it came from.
  const madeIn = (url: string): Error =>
    (new Function(`return (function make() { return new Error('x'); })();\n//# sourceURL=${url}`) as () => Error)();

  it("gives each frame's script URL, innermost first, for stackFrames", () => {
    const error = madeIn('https://demo.amocrm.ru/upl/lead_sync/widget/script.js?v=3');
    expect(stackUrls(readStack(error))[0]).toBe('https://demo.amocrm.ru/upl/lead_sync/widget/script.js?v=3');
  });

  it("names the script that ran eval for eval'd code", () => {
    const error = (
      new Function(
        `return eval("new Error('x')");\n//# sourceURL=https://demo.amocrm.ru/upl/evaled/widget/script.js`,
      ) as () => Error
    )();
    expect(stackUrls(readStack(error))[0]).toBe('https://demo.amocrm.ru/upl/evaled/widget/script.js');
  });

  it("puts the page's own prepareStackTrace back, and leaves the page's other errors to it", () => {
    const host = Error as ErrorConstructor & { prepareStackTrace?: unknown };
    const before = host.prepareStackTrace;
    const own = (): string => 'page format';
    host.prepareStackTrace = own;
    try {
      readStack(madeIn('https://demo.amocrm.ru/a.js'));
      expect(host.prepareStackTrace).toBe(own);
      expect(new Error('y').stack).toBe('page format');
    } finally {
      host.prepareStackTrace = before;
    }
  });
});
