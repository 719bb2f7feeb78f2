/**
 * The contract of the widget's lazy halves: modules built beside script.js (`<chunk>.js`, one AMD module each)
 * that a feature loads through the page's RequireJS only when it has something to draw. The loader (host/chunks.ts)
 * knows no module's content: each feature names its chunk and checks what came with its own guard.
 */

/** The lazy half with the admin-only views and the error catalog's explanations (`<path>/admin.js?v=…`). */
export const ADMIN_CHUNK = 'admin';

/** Checks that a loaded module is what a feature expects of it. */
export type Guard<T> = (value: unknown) => value is T;

/** Loads the lazy half `chunk` and checks it; rejects, never throws, when it cannot load or is something else. */
export type LoadChunk = <T>(chunk: string, guard: Guard<T>) => Promise<T>;

/** A guard for a module that hands back these functions (its other members are not checked). */
export const hasFunctions =
  <T>(names: readonly string[]): Guard<T> =>
  (value: unknown): value is T =>
    typeof value === 'object' &&
    value !== null &&
    names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
