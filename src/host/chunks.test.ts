import { describe, expect, it, vi } from 'vitest';
import { hasFunctions } from '../lazy';
import { chunkUrl, loadChunk, type AmdRequire, type ChunkPlace } from './chunks';

/** A lazy half as a feature sees it: the loader knows no module, the guard is the caller's. */
const adminKit = { explainFailure: () => undefined };
const isKit = hasFunctions<typeof adminKit>(['explainFailure']);
const loadAdminKit = (where: ChunkPlace, amd: AmdRequire | undefined) => loadChunk(where, 'admin', isKit, amd);

/** A RequireJS stand-in: answers a task later with `answer(id)`, or calls the errback when it throws. */
const fakeRequire = (answer: (id: string) => unknown) =>
  vi.fn<AmdRequire>((ids, ok, fail) => {
    setTimeout(() => {
      try {
        ok(...ids.map(answer));
      } catch (error) {
        fail?.(error);
      }
    }, 0);
  });

describe('loadChunk', () => {
  it('asks the page require for admin.js beside script.js, versioned, once per page', async () => {
    const amd = fakeRequire(() => adminKit);
    const where = { path: '/upl/task_guard/widget', version: '1.2.0' };
    const [one, two] = await Promise.all([loadAdminKit(where, amd), loadAdminKit(where, amd)]);
    expect(one).toBe(adminKit);
    expect(two).toBe(adminKit);
    await expect(loadAdminKit(where, amd)).resolves.toBe(adminKit);
    expect(amd).toHaveBeenCalledTimes(1);
    expect(amd.mock.calls[0]?.[0]).toEqual(['/upl/task_guard/widget/admin.js?v=1.2.0']);
  });

  it('escapes the version in the module id', () => {
    expect(chunkUrl({ path: '/w', version: '1.0 beta' }, 'admin')).toBe('/w/admin.js?v=1.0%20beta');
  });

  it("checks each caller's part of a shared module with the caller's guard, loading it once", async () => {
    const amd = fakeRequire(() => adminKit);
    const where = { path: '/g', version: '1' };
    const isReport = hasFunctions<{ teamReport(): void }>(['teamReport']);
    await expect(loadChunk(where, 'admin', isReport, amd)).rejects.toThrow('admin.js is not the module expected');
    await expect(loadChunk(where, 'admin', isKit, amd)).resolves.toBe(adminKit);
    expect(amd).toHaveBeenCalledTimes(1);
  });

  it.each<[string, { path: string; version: string }, AmdRequire | undefined]>([
    [
      'RequireJS reports a script error',
      { path: '/a', version: '1' },
      (_ids, _ok, fail) => setTimeout(() => fail?.({ requireType: 'scripterror' }), 0),
    ],
    [
      'the file throws as it loads',
      { path: '/b', version: '1' },
      fakeRequire(() => {
        throw new Error('Script error for "/b/admin.js?v=1"');
      }),
    ],
    ['the file is not the kit', { path: '/c', version: '1' }, fakeRequire(() => ({ inspector: () => undefined }))],
    ['the file hands back nothing', { path: '/c2', version: '1' }, fakeRequire(() => undefined)],
    ['the page has no AMD require', { path: '/d', version: '1' }, undefined],
    ['the widget path is unknown', { path: '', version: '1' }, fakeRequire(() => adminKit)],
  ])('rejects, never throws, when %s', async (_case, where, amd) => {
    await expect(loadAdminKit(where, amd)).rejects.toBeInstanceOf(Error);
  });

  it('tries again after a failed load', async () => {
    let fail = true;
    const amd = fakeRequire(() => {
      if (fail) throw new Error('offline');
      return adminKit;
    });
    const where = { path: '/e', version: '1' };
    await expect(loadAdminKit(where, amd)).rejects.toThrow('offline');
    fail = false;
    await expect(loadAdminKit(where, amd)).resolves.toBe(adminKit);
    expect(amd).toHaveBeenCalledTimes(2);
  });

  it('undefines a failed id, since RequireJS keeps answering a failed module until it is undefined', async () => {
    // Like RequireJS: a module id that failed stays failed for every later require, unless `undef` drops it.
    let online = false;
    const failed = new Set<string>();
    const amd = Object.assign(
      vi.fn<AmdRequire>((ids, ok, fail) => {
        const id = ids[0] ?? '';
        setTimeout(() => {
          if (failed.has(id) || !online) {
            failed.add(id);
            fail?.(new Error(`Script error for "${id}"`));
          } else ok(adminKit);
        }, 0);
      }),
      { undef: vi.fn((id: string) => void failed.delete(id)) },
    );
    const where = { path: '/f', version: '1' };
    await expect(loadAdminKit(where, amd)).rejects.toThrow('Script error');
    expect(amd.undef).toHaveBeenCalledWith('/f/admin.js?v=1');
    online = true;
    await expect(loadAdminKit(where, amd)).resolves.toBe(adminKit);
  });
});
