// @vitest-environment node
/**
 * The house's layout, checked on every run: no import circles in src/, and no arrow from the host edge (src/host/)
 * up into a feature or an entry. Reads the sources and resolves their relative imports (type-only ones too: a
 * circle of types is still a circle for the reader).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

const isSource = (path: string): boolean =>
  /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) && !relative(SRC, path).startsWith('testing/');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : isSource(path) ? [path] : [];
  });

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The source files `file` imports, by path relative to src/ (relative imports only; packages are not ours). */
export const importsOf = (file: string, text: string): string[] => {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (!specifier.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier);
    const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
      (path) => existsSync(path) && statSync(path).isFile(),
    );
    if (target && /\.tsx?$/.test(target)) found.push(relative(SRC, target));
  }
  return found;
};

/** Every circle of the graph, each as the path around it (Tarjan's strongly connected components). */
export const circlesOf = (graph: Map<string, string[]>): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.reverse());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return circles;
};

const graph = new Map(
  walk(SRC).map((file) => [relative(SRC, file), importsOf(file, readFileSync(file, 'utf8'))] as const),
);

/** Features and entries: what the host edge must never import. */
const ABOVE_THE_HOST = [/^reminder\//, /^inspector\//, /^settings\//, /^admin\.ts$/, /^main\.ts$/];

describe('the import graph of src/', () => {
  it('reads the sources it checks', () => {
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(['host/callbacks.ts']));
    expect(graph.size).toBeGreaterThan(50);
  });

  it('has no circles', () => {
    expect(circlesOf(graph)).toEqual([]);
  });

  it('has no arrow from src/host/ up into a feature or an entry', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      file.startsWith('host/')
        ? imports.filter((target) => ABOVE_THE_HOST.some((rule) => rule.test(target))).map((t) => `${file} -> ${t}`)
        : [],
    );
    expect(upward).toEqual([]);
  });

  it('imports no entry from anywhere: entries are the top', () => {
    const entries = ['main.ts', 'admin.ts', 'reminder/ui.ts', 'inspector/watch.ts'];
    const into = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => entries.includes(target)).map((target) => `${file} -> ${target}`),
    );
    expect(into).toEqual([]);
  });

  it('finds a circle and an upward arrow when there is one', () => {
    const sample = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
    ]);
    expect(circlesOf(sample)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const imports = importsOf(join(SRC, 'host/x.ts'), "import type { A } from '../reminder/config';\n");
    expect(imports).toEqual(['reminder/config.ts']);
  });
});
