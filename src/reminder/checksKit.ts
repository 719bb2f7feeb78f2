/**
 * checks.js: what a check reads (checks.ts: the replica, the events feed, the full scan), built into its own AMD
 * module. script.js loads it through the page's RequireJS only in the tab that checks (lazyChecks.ts): a manager's
 * other tabs, an admin the policy does not watch and every page outside working hours never download it.
 */
import { createChecks } from './checks';
import type { ChecksKit } from './lazy';

const checksKit: ChecksKit = { createChecks };

export default checksKit;
