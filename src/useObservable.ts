import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Observable } from './observable';

/**
 * The current value of `store`, re-rendering on every change. Modelled on `useSyncExternalStore` of Preact's
 * compat (GitHub `preactjs/preact`, `compat/src/hooks.js`): the value is read while rendering, and a change that
 * arrives between the render and the subscription (another tab's answer) is caught when the effect subscribes.
 */
export const useObservable = <T>(store: Observable<T>): T => {
  const value = store.get();
  // One instance for the component's life, as in compat: what was last rendered, compared to the store's value.
  const [{ instance }, rerender] = useState(() => ({ instance: { value } }));
  useLayoutEffect(() => {
    instance.value = value;
  });
  useEffect(() => {
    const check = () => {
      if (!Object.is(store.get(), instance.value)) rerender({ instance });
    };
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
};
