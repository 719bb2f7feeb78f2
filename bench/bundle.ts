import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * Size of what ships: script.js (eager: every page of every user) raw and gzipped against the 25 KB gzip budget,
 * admin.js (loaded on demand, admins only), their gzip total, and the whole widget.zip.
 */
export async function bench(): Promise<Record<string, number | string>> {
  // Always from the current sources: a stale widget/ would report someone else's numbers. One build makes both.
  await build({ logLevel: 'silent' });
  const script = readFileSync('widget/script.js');
  const admin = readFileSync('widget/admin.js');
  const gzip = gzipSync(script, { level: 9 }).length;
  const adminGzip = gzipSync(admin, { level: 9 }).length;
  return {
    scriptBytes: script.length,
    scriptGzipBytes: gzip,
    gzipBudgetBytes: 25 * 1024,
    budgetUsedPercent: Math.round((gzip / (25 * 1024)) * 1000) / 10,
    adminBytes: admin.length,
    adminGzipBytes: adminGzip,
    totalGzipBytes: gzip + adminGzip,
    zipBytes: statSync('widget.zip').size,
  };
}
