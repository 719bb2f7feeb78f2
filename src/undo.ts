/**
 * The house rule "every install returns its undo", written once. Every feature and every piece of the host edge
 * undoes what it did to the page; these three helpers are how, so that a throwing step never breaks the host page
 * nor keeps the other undos from running.
 */

/** Undoes one thing the widget did to the page. */
export type Undo = () => void;

/** Runs `fn`; whatever it throws stays here and `fallback` is returned, so the host page never breaks because of us. */
export const safely = <T>(fn: () => T, fallback: T): T => {
  try {
    return fn();
  } catch {
    return fallback;
  }
};

/** Runs every undo of `list`, last first, emptying it; one that throws does not keep the others from running. */
export const undoAll = (list: Undo[]): void => {
  while (list.length) {
    const undo = list.pop();
    if (undo) safely(undo, undefined);
  }
};

/** `fn` that runs at most once, however often it is called (an undo called twice undoes once). */
export const once = (fn: () => void): (() => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
};
