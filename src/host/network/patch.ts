/** One method we replaced: the function it replaced, our wrapper, and whether the wrapper still observes. */
export interface Patch<F> {
  readonly original: F;
  wrapper: F;
  /** False turns the wrapper into a pure pass-through (removed while someone else had wrapped after us). */
  on: boolean;
}

/**
 * Replaces `target[key]` with `wrap(patch)`. The wrapper keeps the original's `name`, `length` and `toString()`,
 * because libraries sniff `/native code/` in `fetch.toString()` to decide whether to polyfill.
 */
export const patch = <T extends object, K extends keyof T>(
  target: T,
  key: K,
  wrap: (patch: Patch<T[K]>) => T[K],
): Patch<T[K]> => {
  const original = target[key];
  const state: Patch<T[K]> = { original, wrapper: original, on: true };
  const wrapper = wrap(state);
  if (typeof wrapper === 'function' && typeof original === 'function') {
    try {
      Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
      Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
      Object.defineProperty(wrapper, 'toString', {
        value: () => Function.prototype.toString.call(original),
        configurable: true,
        writable: true,
      });
    } catch {
      // Cosmetic only: a frozen function keeps its own name.
    }
  }
  state.wrapper = wrapper;
  target[key] = wrapper;
  return state;
};

/**
 * Undoes a patch: puts the original back when our wrapper is still the one installed; when somebody wrapped
 * after us, putting the original back would drop their wrapper too, so ours stays in their chain as a pass-through.
 */
export const unpatch = <T extends object, K extends keyof T>(target: T, key: K, state: Patch<T[K]>): void => {
  if (target[key] === state.wrapper) target[key] = state.original;
  else state.on = false;
};
