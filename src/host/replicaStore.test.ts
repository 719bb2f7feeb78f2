import { describe, expect, it } from 'vitest';
import { MAX_REPLICA_CHARS, openReplicaStore, replicaKey } from './replicaStore';

describe('the replica store', () => {
  it("wipes every other user's and account's replica when it opens, and keeps other keys", () => {
    localStorage.clear();
    localStorage.setItem(replicaKey(7, 3), 'deals of user 3');
    localStorage.setItem(replicaKey(8, 2), 'deals of user 2 in another account');
    localStorage.setItem(replicaKey(7, 2), 'mine');
    localStorage.setItem('amocrm:something', 'the host');
    const store = openReplicaStore(7, 2);
    expect(store.read()).toBe('mine');
    expect(localStorage.getItem(replicaKey(7, 3))).toBeNull();
    expect(localStorage.getItem(replicaKey(8, 2))).toBeNull();
    expect(localStorage.getItem('amocrm:something')).toBe('the host');
  });

  it('keeps nothing over the cap (the old copy goes too)', () => {
    localStorage.clear();
    const store = openReplicaStore(7, 2);
    expect(store.write('small')).toBe(true);
    expect(store.write('x'.repeat(MAX_REPLICA_CHARS + 1))).toBe(false);
    expect(store.read()).toBeUndefined();
  });
});
