import { safely, type Undo } from './undo';

/** A value that changes, and a way to hear that it did (read it again with `get`). */
export interface Observable<T> {
  get(): T;
  subscribe(listener: () => void): Undo;
}

/** An observable object its owner patches. */
export interface Writable<T extends object> extends Observable<T> {
  set(patch: Partial<T>): void;
}

/**
 * The one observable of the house: the runtime writes, views re-read through `useObservable`. A listener that
 * throws neither reaches the writer nor keeps the other listeners from hearing the change.
 */
export const observable = <T extends object>(initial: T): Writable<T> => {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(patch) {
      value = { ...value, ...patch };
      for (const listener of [...listeners]) safely(listener, undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
};
