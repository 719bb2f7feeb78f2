/**
 * `npm run bench`: prints one JSON object of figures. Each bench/<name>.ts (but this one) exports
 * `bench(): Promise<Record<string, number | string>>`; its figures appear under "<name>.<figure>".
 * Figures, not assertions: the machines here are noisy, so ratios are measured side by side in one run.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

type Bench = () => Promise<Record<string, number | string>>;

const figures: Record<string, number | string> = {};
const here = import.meta.dirname;
const names = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== 'bench.ts' && !name.endsWith('.test.ts'))
  .sort();
for (const name of names) {
  const module = (await import(`${here}/${name}`)) as { bench?: Bench };
  if (!module.bench) continue;
  const prefix = basename(name, '.ts');
  try {
    for (const [key, value] of Object.entries(await module.bench())) figures[`${prefix}.${key}`] = value;
  } catch (error) {
    figures[`${prefix}.error`] = error instanceof Error ? error.message : String(error);
  }
}
console.log(JSON.stringify(figures, null, 2));
