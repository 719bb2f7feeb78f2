import { describe, expect, it, vi } from 'vitest';
import { BODY_CAP, type Captured } from './captured';
import { holdOwnFailures, nativeFetch, reportOwnFailure, takeHeldFailures, type NetworkScope } from './registry';
import { installWatchers, subscribe, watchersTripped } from './watchers';

const scopeWith = (fetchImpl: typeof fetch): NetworkScope & { fetch: typeof fetch } => ({
  fetch: fetchImpl,
  setTimeout: globalThis.setTimeout.bind(globalThis),
  location: { href: 'https://demo.amocrm.ru/leads/' },
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('registry', () => {
  it("hands the widget's own failures to the inspector once, with only the kept headers", async () => {
    const scope = scopeWith(vi.fn() as unknown as typeof fetch);
    const seen: Captured[] = [];
    const undo = [installWatchers({}, scope), subscribe((c) => seen.push(c), scope)];
    reportOwnFailure(
      {
        url: '/api/v4/tasks',
        method: 'post',
        status: 400,
        body: '{"title":"Bad Request"}',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret', 'X-Request-Id': 'r1' },
      },
      scope,
    );
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      source: 'own',
      method: 'POST',
      url: 'https://demo.amocrm.ru/api/v4/tasks',
      headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
    });
    expect(JSON.stringify(seen[0])).not.toContain('secret');
    undo.forEach((fn) => fn());
  });

  it('drops own failures when nobody listens (a manager)', async () => {
    const scope = scopeWith(vi.fn() as unknown as typeof fetch);
    const stop = installWatchers({}, scope);
    expect(() => reportOwnFailure({ url: '/x', method: 'GET', status: 500, body: '' }, scope)).not.toThrow();
    // Someone subscribing in the same tick must not get the failure reported while nobody listened.
    const seen: Captured[] = [];
    const off = subscribe((c) => seen.push(c), scope);
    await settle();
    expect(seen).toEqual([]);
    off();
    stop();
  });

  it("holds the widget's own failures only while an admin's watchers are on their way", () => {
    const scope = scopeWith(vi.fn() as unknown as typeof fetch);
    // A manager: nobody asked to hold, nothing is kept.
    reportOwnFailure({ url: '/a', method: 'GET', status: 500, body: '' }, scope);
    expect(takeHeldFailures()).toEqual([]);
    holdOwnFailures();
    reportOwnFailure({ url: '/b', method: 'GET', status: 500, body: 'x'.repeat(BODY_CAP + 10) }, scope);
    const held = takeHeldFailures();
    expect(held.map(({ failure }) => failure.url)).toEqual(['/b']);
    // Cut, but one past the cap, so the watchers still mark it truncated.
    expect(held[0]?.failure.body).toHaveLength(BODY_CAP + 1);
    // Handed over: holding stops.
    reportOwnFailure({ url: '/c', method: 'GET', status: 500, body: '' }, scope);
    expect(takeHeldFailures()).toEqual([]);
  });

  it('cuts an own failure body to the cap and says so', async () => {
    const scope = scopeWith(vi.fn() as unknown as typeof fetch);
    const seen: Captured[] = [];
    const undo = [installWatchers({}, scope), subscribe((c) => seen.push(c), scope)];
    reportOwnFailure({ url: '/a', method: 'GET', status: 500, body: 'x'.repeat(BODY_CAP + 10) }, scope);
    reportOwnFailure({ url: '/b', method: 'GET', status: 500, body: 'y'.repeat(BODY_CAP) }, scope);
    await settle();
    expect(seen.map((c) => [c.body.length, c.truncated])).toEqual([
      [BODY_CAP, true],
      [BODY_CAP, false],
    ]);
    undo.forEach((fn) => fn());
  });

  it('gives a bound native fetch before and after the watchers go in', async () => {
    const calls: unknown[] = [];
    const original = function (this: unknown) {
      calls.push(this);
      return Promise.resolve(new Response('{}'));
    } as unknown as typeof fetch;
    const scope = scopeWith(original);
    await nativeFetch(scope)('/a');
    const stop = installWatchers({}, scope);
    expect(scope.fetch).not.toBe(original);
    await nativeFetch(scope)('/b');
    expect(calls).toEqual([scope, scope]);
    stop();
    expect(watchersTripped(scope)).toBe(false);
  });

  it('shares one registry between two copies of the bundle on the page', () => {
    const scope = scopeWith(vi.fn() as unknown as typeof fetch);
    const first = installWatchers({}, scope);
    const wrapped = scope.fetch;
    const second = installWatchers({}, scope);
    expect(scope.fetch).toBe(wrapped);
    first();
    expect(scope.fetch).toBe(wrapped); // the second install still needs it
    second();
    expect(scope.fetch).not.toBe(wrapped);
  });
});
