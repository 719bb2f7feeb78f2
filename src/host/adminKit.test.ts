import { describe, expect, it, vi } from 'vitest';
import adminKit from '../admin';
import { adminKitUrl, loadAdminKit, type AmdRequire } from './adminKit';

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

describe('loadAdminKit', () => {
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
    expect(adminKitUrl('/w', '1.0 beta')).toBe('/w/admin.js?v=1.0%20beta');
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
