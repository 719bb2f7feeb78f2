import type { Slot } from '../host/network/sessionSlot';
import { callerKey } from '../host/network/caller';
import type { Entry } from './entry';

/** The most entries kept, in memory and in the tab's session storage. */
export const STORE_LIMIT = 200;
const VERSION = 1;

/** Captured failures of this tab, newest first, bounded, persisted redacted. */
export interface Store {
  add(entry: Entry): void;
  /** Newest first. */
  entries(): readonly Entry[];
  clear(): void;
  /** Called after every change; returns the undo. */
  subscribe(listener: () => void): () => void;
}

const isEntry = (value: unknown): value is Entry => {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<Entry>;
  return typeof e.id === 'string' && typeof e.at === 'number' && typeof e.url === 'string' && Array.isArray(e.rows);
};

/** Reads what an earlier page of this tab saved; anything unreadable is dropped, never trusted. */
const restore = (slot: Slot | undefined): Entry[] => {
  const raw = slot?.read();
  if (!raw) return [];
  try {
    const saved = JSON.parse(raw) as { v?: unknown; entries?: unknown };
    if (saved.v !== VERSION || !Array.isArray(saved.entries)) return [];
    return saved.entries.filter(isEntry).slice(0, STORE_LIMIT);
  } catch {
    return [];
  }
};

/** Creates the store, loading what this tab saved before a navigation or reload. */
export const createStore = (slot?: Slot, limit = STORE_LIMIT): Store => {
  let list: Entry[] = restore(slot);
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A broken view must not stop the others.
      }
    }
  };
  const changed = (): void => {
    slot?.save(() => JSON.stringify({ v: VERSION, entries: list }));
    notify();
  };
  return {
    add(entry) {
      if (list.some((known) => known.id === entry.id)) return;
      // Newest first; the oldest falls off the end, so memory stays bounded however many failures arrive.
      list = [entry, ...list];
      if (list.length > limit) list.length = limit;
      changed();
    },
    entries: () => list,
    clear() {
      list = [];
      slot?.remove();
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

/** Failures of one kind at one endpoint. */
export interface Group {
  key: string;
  latest: Entry;
  entries: Entry[];
}

/** Groups entries by code (or status), endpoint and caller, newest group first, counts by `entries.length`. */
export const groupEntries = (entries: readonly Entry[]): Group[] => {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const key = `${entry.code || entry.shape}|${entry.status}|${entry.method} ${entry.endpoint}|${callerKey(entry.caller)}`;
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { key, latest: entry, entries: [entry] });
  }
  return [...groups.values()];
};

/** Network failures (no answer at all) in the last `windowMs`: when they pile up, the panel offers the seed's advice. */
export const networkFailures = (entries: readonly Entry[], now: number, windowMs = 5 * 60_000): number =>
  entries.filter((e) => (e.shape === 'network' || e.shape === 'timeout') && now - e.at <= windowMs).length;
