/**
 * watchers.js: the network watchers as a lazy half of their own, which an admin's page loads right after init
 * (startInspector.ts) and a manager's page never. Built into one anonymous AMD module without dependencies
 * (scripts/widgetArchive.ts, LAZY_HALVES), loaded through the page's RequireJS like admin.js (host/chunks.ts).
 *
 * Not part of admin.js, by measure: admin.js (about 20 KB gzip: Preact, the panel, the catalog) also goes to a
 * manager whose task amoCRM rejected, and it arrives later. Both are asked for at init, this one first; in Chromium
 * against the sandbox (cold cache, files served uncompressed), watchers.js ended before admin.js by about 0-10 ms on
 * the loopback, 55 ms at 10 Mbit/s with 40 ms latency and 260 ms at 1.6 Mbit/s with 150 ms latency, and the
 * watchers were in 10-20 ms after it ended: every one of those milliseconds is a call of the page the watchers
 * would not have seen had they waited for admin.js.
 */
import type { WatchKit } from '../adminKit';
import { installWatchers, subscribe, trafficRows, watchersTripped } from '../host/network/watchers';
import { peekRegistry, pageScope } from '../host/network/registry';
import { undoAll } from '../undo';

const watchKit: WatchKit = {
  watch({ listener, held, ...options }) {
    const undos = [installWatchers(options), subscribe(listener)];
    const registry = peekRegistry(pageScope());
    for (const { failure, at } of held) registry?.own(failure, at);
    return () => undoAll(undos);
  },
  tripped: () => watchersTripped(),
  traffic: (now) => trafficRows(now),
};

export default watchKit;
