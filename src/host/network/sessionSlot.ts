/** One sessionStorage key: survives navigation and reload of the tab, never other tabs or the next session. */
export interface Slot {
  read(): string | null;
  /** Saves `value()` a moment later; repeated calls within the delay write once (10k failures, one write). */
  save(value: () => string): void;
  remove(): void;
}

/** A sessionStorage slot; every access is guarded (storage disabled, quota exceeded, sandboxed frame). */
export const sessionSlot = (key: string, delayMs = 400, scope: typeof globalThis = globalThis): Slot => {
  let pending: (() => string) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const storage = (): Storage | undefined => {
    try {
      return scope.sessionStorage;
    } catch {
      return undefined;
    }
  };
  const flush = (): void => {
    timer = undefined;
    const value = pending;
    pending = undefined;
    if (!value) return;
    try {
      storage()?.setItem(key, value());
    } catch {
      // Quota or privacy mode: the entries stay in memory only.
    }
  };
  return {
    read() {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    save(value) {
      pending = value;
      timer ??= scope.setTimeout(flush, delayMs);
    },
    remove() {
      pending = undefined;
      if (timer !== undefined) scope.clearTimeout(timer);
      timer = undefined;
      try {
        storage()?.removeItem(key);
      } catch {
        // nothing stored, nothing to remove
      }
    },
  };
};
