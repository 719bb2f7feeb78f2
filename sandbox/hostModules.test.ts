// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let base: string;

beforeAll(async () => {
  sandbox = createSandbox({ deals: 5, managers: 1 });
  base = (await sandbox.listen(0)).url;
});
afterAll(() => sandbox.close());

/** Every module the page's entry imports, directly or not: URL -> source, fetched as the browser would. */
const moduleGraph = async (entry: string): Promise<Map<string, { type: string; status: number; text: string }>> => {
  const seen = new Map<string, { type: string; status: number; text: string }>();
  const queue = [new URL(entry, base).href];
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (seen.has(url)) continue;
    const response = await fetch(url);
    const text = await response.text();
    seen.set(url, { type: response.headers.get('content-type') ?? '', status: response.status, text });
    for (const m of text.matchAll(/^(?:import|export)\b[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm))
      queue.push(new URL(m[1] ?? '', url).href);
  }
  return seen;
};

describe('the host page as ES modules', () => {
  it('loads its code through one module entry, after the boot data and RequireJS', async () => {
    const html = await (await fetch(base)).text();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts.at(-1)).toBe('<script type="module" src="/host/main.js">');
    expect(html.indexOf('/vendor/require.js')).toBeLessThan(html.indexOf('/host/main.js'));
  });

  it('serves every module the entry imports, as JavaScript (a browser refuses a module of another type)', async () => {
    const graph = await moduleGraph('/host/main.js');
    expect(graph.size).toBeGreaterThan(20);
    for (const [url, file] of graph)
      expect([url, file.status, file.type]).toEqual([url, 200, expect.stringMatching(/^text\/javascript/)]);
  });

  it('shares nothing through window.__* globals but the boot data and the one test hook', async () => {
    const graph = await moduleGraph('/host/main.js');
    const globals = [...graph].flatMap(([url, file]) =>
      [...file.text.matchAll(/window\.(__\w+)\s*(=?)/g)].map(
        (m) => `${new URL(url).pathname} ${m[1]}${m[2] ? ' =' : ''}`,
      ),
    );
    expect(globals.sort()).toEqual([
      '/host/boot.js __SANDBOX_BOOT__',
      '/host/sandbox.js __sandbox',
      '/host/sandbox.js __sandbox =',
    ]);
  });
});
