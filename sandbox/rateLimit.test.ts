// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rateLimit';

const clock = () => {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('RateLimiter', () => {
  it('lets 7 requests a second through and answers the 8th with a retry delay', () => {
    const time = clock();
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, time.now);
    const verdicts = Array.from({ length: 8 }, () => limiter.check('a').kind);
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'limited']);
    expect(limiter.check('b').kind).toBe('ok');
    time.advance(1000);
    expect(limiter.check('a').kind).toBe('ok');
  });

  it('blocks a client that keeps exceeding the limit, then lets it back after the block', () => {
    const time = clock();
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, strikesToBlock: 3, blockMs: 5000 }, time.now);
    const kinds = Array.from({ length: 10 }, () => limiter.check('a').kind);
    expect(kinds.slice(7)).toEqual(['limited', 'limited', 'blocked']);
    time.advance(4000);
    expect(limiter.check('a').kind).toBe('blocked');
    time.advance(1001);
    expect(limiter.check('a').kind).toBe('ok');
  });
});
