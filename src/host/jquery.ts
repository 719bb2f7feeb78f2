/**
 * The small part of the host's jQuery (2.1.x, handed in through `define(['jquery'])`) the widget uses.
 * We never bundle a jQuery of our own.
 */
export interface JQueryCollection {
  on(events: string, handler: (...args: unknown[]) => void): JQueryCollection;
  off(events: string, handler?: (...args: unknown[]) => void): JQueryCollection;
  trigger(event: string): JQueryCollection;
  val(value: string): JQueryCollection;
}

export interface JQueryStatic {
  (target: Document | Element | string): JQueryCollection;
  ajax?: unknown;
}

/** True when `value` looks like the jQuery function the host hands us. */
export const isJQuery = (value: unknown): value is JQueryStatic => typeof value === 'function';
