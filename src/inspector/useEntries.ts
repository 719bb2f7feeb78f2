import { useEffect, useState } from 'preact/hooks';
import type { Entry } from './entry';
import type { Store } from './store';

/** The store's entries, re-read on every change (Preact batches bursts into one render). */
export const useEntries = (store: Store): readonly Entry[] => {
  const [entries, setEntries] = useState(store.entries());
  useEffect(() => {
    setEntries(store.entries());
    return store.subscribe(() => setEntries(store.entries()));
  }, [store]);
  return entries;
};
