import { safely } from '../undo';

/**
 * Where the reminder's replica (`reminder/replica.ts`) is kept: one localStorage entry per account and user. On
 * opening, every other Task Guard replica in this browser profile is removed, so a colleague who signs in on the
 * same computer (another user, or another account) starts with nothing of the previous session's deals.
 */
export interface ReplicaStore {
  /** The stored text, or undefined. */
  read(): string | undefined;
  /** Keeps `text`; false when it is over the cap or the browser refused (then nothing is kept). */
  write(text: string): boolean;
  remove(): void;
}

export const REPLICA_PREFIX = 'task_guard:replica:';
/**
 * The cap, in characters (localStorage counts UTF-16 units; Chromium and Firefox give an origin about 5 million,
 * and amoCRM's own pages share that origin). About 10,000 deals fit. Over it the replica is not stored: the
 * leader tab keeps it in memory, and the next tab or page load starts with a full check.
 */
export const MAX_REPLICA_CHARS = 1_500_000;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const replicaKey = (accountId: number, userId: number): string => `${REPLICA_PREFIX}${accountId}:${userId}`;

/** Opens the replica's entry of this account and user, wiping the others. */
export const openReplicaStore = (
  accountId: number,
  userId: number,
  storage: StorageLike | undefined = safely(() => globalThis.localStorage, undefined),
): ReplicaStore => {
  const key = replicaKey(accountId, userId);
  safely(() => {
    if (!storage) return;
    const others: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const name = storage.key(i);
      if (name?.startsWith(REPLICA_PREFIX) && name !== key) others.push(name);
    }
    for (const name of others) storage.removeItem(name);
  }, undefined);
  const remove = () => safely(() => storage?.removeItem(key), undefined);
  return {
    read: () => safely(() => storage?.getItem(key) ?? undefined, undefined),
    write(text) {
      if (!storage || text.length > MAX_REPLICA_CHARS) {
        remove();
        return false;
      }
      const ok = safely(() => {
        storage.setItem(key, text);
        return true;
      }, false);
      if (!ok) remove();
      return ok;
    },
    remove,
  };
};

/** A store in memory, for tests and for browsers without localStorage. */
export const memoryReplicaStore = (): ReplicaStore & { text: string | undefined } => {
  const store = {
    text: undefined as string | undefined,
    read: () => store.text,
    write(text: string) {
      store.text = text.length > MAX_REPLICA_CHARS ? undefined : text;
      return store.text !== undefined;
    },
    remove() {
      store.text = undefined;
    },
  };
  return store;
};
