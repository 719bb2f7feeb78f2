/**
 * Figures for the error inspector, measured in Chromium (playwright-core, /usr/bin/chromium headless) against a
 * tiny same-origin page served from 127.0.0.1:
 * - success-path fetch overhead: 10k successful fetches without the watchers and 10k with them (admin: watchers
 *   plus a subscribed store, so every call's stack is taken and counted; manager: watchers only), interleaved in
 *   blocks in the same page, reported as ratios and microseconds, beside "today's" watchers: the ones of the last
 *   commit (`git show HEAD:src/host/network/...`), bundled from a scratch copy, in the same run;
 * - cost per captured failure: 10k failing fetches with the store subscribed, minus the same 10k without watchers;
 * - heap growth after 10k captured failures (after a forced GC, via the DevTools protocol).
 * The page runs the project's own source (host/network watchers, inspector entry + store), bundled by Vite.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { FAIL_BODY, measure } from './inspectorPage';

const root = fileURLToPath(new URL('..', import.meta.url));
const VIRTUAL = '\0task-guard-bench-entry';

/**
 * The last commit's watchers (and the host's jQuery types they import) in a scratch directory, for the "today"
 * side; undefined when there is no git history to read (an unpacked archive).
 */
const todaysWatchers = (): { dir: string; registry: string } | undefined => {
  try {
    const files = execSync('git ls-tree -r --name-only HEAD src/host/network src/host/jquery.ts', { cwd: root })
      .toString()
      .split('\n')
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    // The install moved from registry.ts (eager, every user) to watchers.ts (admins only); read whichever HEAD has.
    const entry = ['src/host/network/watchers.ts', 'src/host/network/registry.ts'].find((file) => files.includes(file));
    if (!entry) return undefined;
    if (execSync('git ls-tree --name-only HEAD src/undo.ts', { cwd: root }).toString().trim())
      files.push('src/undo.ts');
    const dir = mkdtempSync(join(tmpdir(), 'task-guard-bench-'));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), execSync(`git show HEAD:${file}`, { cwd: root }));
    }
    return { dir, registry: join(dir, entry) };
  } catch {
    return undefined;
  }
};

/** The watchers, the inspector's entry conversion and store, as one IIFE exposing `window.TG` (and `TG.today`). */
const bundle = async (today: string | undefined): Promise<string> => {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'bench-entry',
        enforce: 'pre',
        resolveId: (id) => (id.endsWith('bench-entry') ? VIRTUAL : undefined),
        load: (id) =>
          id === VIRTUAL
            ? [
                `export { installWatchers, subscribe } from '${root}src/host/network/watchers.ts';`,
                `export { sessionSlot } from '${root}src/host/network/sessionSlot.ts';`,
                `export { toEntry } from '${root}src/inspector/entry.ts';`,
                `export { createStore } from '${root}src/inspector/store.ts';`,
                today ? `export * as today from '${today}';` : 'export const today = undefined;',
              ].join('\n')
            : undefined,
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2020',
      lib: { entry: 'bench-entry', formats: ['iife'], name: 'TG', fileName: () => 'tg.js' },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
  const chunk = output.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
};

const serve = (script: string): Promise<{ server: Server; url: string }> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><head><script src="/tg.js"></script></head><body></body></html>');
      } else if (req.url === '/tg.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(script);
      } else if (req.url?.startsWith('/api/v4/ok')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"_embedded":{"leads":[{"id":1,"name":"Deal"}]}}');
      } else {
        res.writeHead(400, { 'content-type': 'application/problem+json', 'x-request-id': 'bench' });
        res.end(FAIL_BODY);
      }
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });

export async function bench(): Promise<Record<string, number | string>> {
  // A multiple of the six interleaved blocks, so every side runs exactly `calls` requests.
  const calls = Number(process.env.INSPECTOR_BENCH_CALLS) || 10_002;
  const today = todaysWatchers();
  const script = await bundle(today?.registry).finally(() => {
    if (today) rmSync(today.dir, { recursive: true, force: true });
  });
  const { server, url } = await serve(script);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    // tsx (esbuild, keepNames) wraps functions in `__name(...)`; the page needs it to run `measure`.
    await page.addInitScript('window.__name = (fn) => fn;');
    await page.goto(url);
    const cdp = await page.context().newCDPSession(page);
    await page.exposeFunction('heap', async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    });
    const r = await page.evaluate(measure, { calls, failBody: FAIL_BODY });
    const round = (n: number, digits = 3) => Number(n.toFixed(digits));
    type Sides = { none: number; admin: number; manager: number; adminToday: number; managerToday: number };
    const side = (name: string, ms: Sides) => ({
      [`success.${name}.msPerCall.noWatchers`]: round(ms.none / calls, 4),
      [`success.${name}.ratio.admin`]: round(ms.admin / ms.none),
      [`success.${name}.ratio.manager`]: round(ms.manager / ms.none),
      [`success.${name}.ratio.adminToday`]: round(ms.adminToday / ms.none),
      [`success.${name}.ratio.managerToday`]: round(ms.managerToday / ms.none),
    });
    const added = (ms: number, none: number) => round(((ms - none) / calls) * 1000, 2);
    return {
      calls,
      ...side('network', r.overNetwork),
      ...side('blobUrl', r.overBlob),
      ...side('instantFetch', r.overStub),
      'success.todaysWatchers': today ? 'HEAD' : 'unavailable (no git history): today = new',
      'success.instantFetch.usAddedPerCall.admin': added(r.overStub.admin, r.overStub.none),
      'success.instantFetch.usAddedPerCall.manager': added(r.overStub.manager, r.overStub.none),
      'success.instantFetch.usAddedPerCall.adminToday': added(r.overStub.adminToday, r.overStub.none),
      'success.instantFetch.usAddedPerCall.managerToday': added(r.overStub.managerToday, r.overStub.none),
      'success.network.usAddedPerCall.admin': added(r.overNetwork.admin, r.overNetwork.none),
      'success.network.usAddedPerCall.manager': added(r.overNetwork.manager, r.overNetwork.none),
      'success.network.usAddedPerCall.adminToday': added(r.overNetwork.adminToday, r.overNetwork.none),
      'success.network.usAddedPerCall.managerToday': added(r.overNetwork.managerToday, r.overNetwork.none),
      'failure.usPerCapture.endToEnd': round(((r.failWith - r.failNone) / calls) * 1000, 1),
      'failure.usPerCapture.classifyRedactStore': round(r.listenerPerCapture * 1000, 1),
      'failure.entriesKept': r.kept,
      'heap.growthKiB.after10kFailures': round((r.heapAfter10k - r.heapBefore) / 1024, 1),
      'heap.growthKiB.from10kTo20kFailures': round((r.heapAfter20k - r.heapAfter10k) / 1024, 1),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

// `npx tsx bench/inspector.ts` prints this bench alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await bench(), null, 2));
}
