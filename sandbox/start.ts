/**
 * `npm start [-- --port N --deals N --managers N --at 2026-12-02T11:00 --no-build]`: builds the widget (widget/ = the archive's
 * contents) and serves the local amoCRM on 127.0.0.1. No network needed; Ctrl-C stops it.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8765' },
    deals: { type: 'string', default: '60' },
    managers: { type: 'string', default: '4' },
    'no-build': { type: 'boolean', default: false },
    'no-rate-limit': { type: 'boolean', default: false },
    /** The sandbox's time: the account's wall clock (`2026-12-02T11:00`) or an ISO time with an offset. */
    at: { type: 'string' },
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));

if (!values['no-build']) {
  const building = Date.now();
  const { build } = await import('vite');
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
  process.stdout.write(`built widget/ and widget.zip in ${Date.now() - building} ms\n`);
}

const started = Date.now();
const sandbox = createSandbox({
  deals: Number(values.deals),
  managers: Number(values.managers),
  rateLimit: values['no-rate-limit'] ? false : undefined,
  at: values.at,
});
const { url } = await sandbox.listen(Number(values.port));
const { leads, users } = sandbox.store.data;
process.stdout.write(
  `amoCRM sandbox: ${url}\n` +
    `  account "Demo": ${leads.length} deals, ${users.length - 1} managers + admin (seeded in ${Date.now() - started} ms)\n` +
    `  switch user: ${url}?user=2   language: ${url}?lang=en   admin endpoints: ${url}_sandbox/stats\n` +
    `  clock: ${new Date(sandbox.clock.now()).toISOString()}${sandbox.clock.offsetMs ? ' (set with --at or the top bar)' : ''}\n`,
);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
