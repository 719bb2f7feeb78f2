import { describe, expect, it, vi } from 'vitest';
import type { LoadChunk } from '../lazy';
import type { Checks, ChecksOptions } from './checks';
import { CHECKS_CHUNK, type ChecksKit } from './lazy';
import { lazyChecks } from './lazyChecks';
import type { FlaggedDeal } from './scan';

const options = {} as ChecksOptions;
const deal = { id: 7 } as FlaggedDeal;

/** checks.js as RequireJS would hand it over: failing the first `failures` times, then the kit. */
const loader = (failures: number) => {
  const engine: Checks = {
    run: vi.fn(async () => [deal]),
    failed: vi.fn(),
    lead: vi.fn(),
    created: vi.fn(),
  };
  const kit: ChecksKit = { createChecks: vi.fn(() => engine) };
  let left = failures;
  const load = vi.fn(async (chunk: string, guard: (value: unknown) => boolean) => {
    expect(chunk).toBe(CHECKS_CHUNK);
    if (left > 0) {
      left -= 1;
      throw new Error('Script error for checks.js');
    }
    if (!guard(kit)) throw new Error('not the kit');
    return kit;
  }) as unknown as LoadChunk & ReturnType<typeof vi.fn>;
  return { load, engine, kit };
};

describe('lazyChecks', () => {
  it('downloads nothing for a quick check before any full one, when nothing is shown', async () => {
    const { load } = loader(0);
    expect(await lazyChecks(load, options).run('quick', [])).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads checks.js once, on the first check with something to read, and runs it there', async () => {
    const { load, engine } = loader(0);
    const checks = lazyChecks(load, options);
    expect(await checks.run('full', [])).toEqual([deal]);
    expect(await checks.run('quick', [])).toEqual([deal]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(engine.run).toHaveBeenCalledTimes(2);
  });

  it('fails the check when checks.js cannot load, and tries again on the next one', async () => {
    const { load } = loader(1);
    const checks = lazyChecks(load, options);
    await expect(checks.run('full', [])).rejects.toThrow('Script error');
    expect(await checks.run('full', [])).toEqual([deal]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('tells the engine of tasks created here before it arrived', async () => {
    const { load, engine } = loader(0);
    const checks = lazyChecks(load, options);
    checks.created(7);
    checks.lead();
    await checks.run('full', []);
    expect(engine.created).toHaveBeenCalledWith(7);
    checks.created(8);
    expect(engine.created).toHaveBeenCalledWith(8);
  });
});
