import { safely, undoAll, type Undo } from '../undo';
import { realClock, type Clock } from './clock';

/** The part of the Web Locks API we use (`navigator.locks`). */
export interface LockManagerLike {
  request(
    name: string,
    options: { signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void>,
  ): Promise<unknown>;
}

/** The part of BroadcastChannel we use. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** The browser surface tab coordination needs; every piece may be missing. */
export interface TabsEnv {
  locks?: LockManagerLike;
  openChannel?: (name: string) => ChannelLike;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Subscribes to other tabs' storage writes. */
  onStorage?: (listener: (key: string | null, value: string | null) => void) => () => void;
  clock: Clock;
}

/** One tab's membership in the group of tabs of the same page. */
export interface Tabs<M> {
  isLeader(): boolean;
  /** Called each time this tab becomes the leader. */
  onLeader(listener: () => void): void;
  /** Sends to the other tabs (not to this one). */
  post(message: M): void;
  onMessage(listener: (message: M) => void): () => void;
  close(): void;
}

/** How the heartbeat fallback works: the leader writes every BEAT; a record older than STALE is up for grabs. */
export const BEAT_MS = 2_000;
export const STALE_MS = 6_000;

const randomId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The real browser: Web Locks, BroadcastChannel and localStorage where the browser has them. */
export const browserTabs = (): TabsEnv => {
  const nav = globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined;
  const storage = safely(() => globalThis.localStorage, undefined);
  return {
    locks: nav?.locks,
    openChannel: typeof BroadcastChannel === 'function' ? (name) => new BroadcastChannel(name) : undefined,
    storage,
    onStorage: storage
      ? (listener) => {
          const handler = (event: StorageEvent) => listener(event.key, event.newValue);
          globalThis.addEventListener('storage', handler);
          return () => globalThis.removeEventListener('storage', handler);
        }
      : undefined,
    clock: realClock,
  };
};

/**
 * Joins the tabs named `name`: one leader at a time (Web Locks; else a localStorage heartbeat; else every tab
 * leads itself) and a message channel (BroadcastChannel; else storage events; else none).
 */
export const joinTabs = <M>(name: string, env: TabsEnv = browserTabs()): Tabs<M> => {
  const me = randomId();
  const leaderListeners: (() => void)[] = [];
  const messageListeners = new Set<(message: M) => void>();
  let leader = false;
  let closed = false;
  const undos: Undo[] = [];

  const becomeLeader = () => {
    if (leader || closed) return;
    leader = true;
    for (const listener of leaderListeners) safely(listener, undefined);
  };
  const deliver = (data: unknown) => {
    if (closed) return;
    for (const listener of messageListeners) safely(() => listener(data as M), undefined);
  };

  // Messages.
  let send: (message: M) => void = () => undefined;
  const channel = env.openChannel ? safely(() => env.openChannel?.(name), undefined) : undefined;
  if (channel) {
    channel.addEventListener('message', (event) => deliver(event.data));
    send = (message) => channel.postMessage(message);
    undos.push(() => channel.close());
  } else if (env.storage && env.onStorage) {
    const key = `${name}:message`;
    const storage = env.storage;
    undos.push(
      env.onStorage((changed, value) => {
        if (changed !== key || !value) return;
        const parsed = safely(() => JSON.parse(value) as { from: string; message: unknown }, undefined);
        if (parsed && parsed.from !== me) deliver(parsed.message);
      }),
    );
    // A fresh nonce each time: storage events fire only when the value changes.
    send = (message) => storage.setItem(key, JSON.stringify({ from: me, nonce: randomId(), message }));
  }

  // Leadership.
  if (env.locks) {
    const abort = typeof AbortController === 'function' ? new AbortController() : undefined;
    let release: () => void = () => undefined;
    void env.locks
      .request(`${name}:leader`, abort ? { signal: abort.signal } : {}, () => {
        if (closed) return Promise.resolve();
        becomeLeader();
        // Held until this tab closes or leaves; the browser frees it when the tab dies.
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => undefined);
    undos.push(() => {
      abort?.abort();
      release();
    });
  } else if (env.storage) {
    const storage = env.storage;
    const key = `${name}:leader`;
    const { clock } = env;
    let timer: unknown;
    const read = () =>
      safely(() => JSON.parse(storage.getItem(key) ?? 'null') as { id: string; at: number } | null, null);
    const beat = () => {
      const current = read();
      const now = clock.now();
      if (!current || current.id === me || now - current.at > STALE_MS) {
        safely(() => storage.setItem(key, JSON.stringify({ id: me, at: now })), undefined);
        // Read back: of two tabs writing at once, the last write wins and the other one sees it.
        if (read()?.id === me) becomeLeader();
      } else if (leader) {
        leader = false;
      }
      timer = clock.setTimeout(beat, BEAT_MS);
    };
    beat();
    undos.push(() => {
      clock.clearTimeout(timer);
      if (read()?.id === me) safely(() => storage.removeItem(key), undefined);
    });
  } else {
    // Nothing to coordinate with: this tab checks for itself.
    queueMicrotask(becomeLeader);
  }

  return {
    isLeader: () => leader && !closed,
    onLeader(listener) {
      leaderListeners.push(listener);
      if (leader && !closed) safely(listener, undefined);
    },
    post(message) {
      if (!closed) safely(() => send(message), undefined);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      leader = false;
      undoAll(undos);
    },
  };
};

/** A small JSON value shared by the tabs through localStorage (snoozes must hold in every tab). */
export interface SharedValue<T> {
  read(): T | undefined;
  write(value: T): void;
}

export const sharedValue = <T>(key: string, storage: TabsEnv['storage'] = browserTabs().storage): SharedValue<T> => ({
  read: () => safely(() => JSON.parse(storage?.getItem(key) ?? 'null') as T | null, null) ?? undefined,
  write: (value) => safely(() => storage?.setItem(key, JSON.stringify(value)), undefined),
});
