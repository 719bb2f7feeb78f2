/** amoCRM's API limit: 7 requests per second; over it 429, and repeated excess gets the client blocked (403). */
export interface RateLimitOptions {
  /** Requests allowed in any one-second window. */
  perSecond: number;
  /** How many 429s inside `strikeWindowMs` get the client blocked. */
  strikesToBlock: number;
  strikeWindowMs: number;
  /** How long a blocked client gets 403 for everything. */
  blockMs: number;
  /** Seconds a 429 tells the client to wait (`retry_after` and `Retry-After`). */
  retryAfter: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
  perSecond: 7,
  strikesToBlock: 20,
  strikeWindowMs: 10_000,
  blockMs: 30_000,
  retryAfter: 1,
};

export type Verdict = { kind: 'ok' } | { kind: 'limited'; retryAfter: number } | { kind: 'blocked'; untilMs: number };

interface ClientState {
  hits: number[];
  strikes: number[];
  blockedUntil: number;
}

/** A sliding-window limiter per client key; the clock is injected so tests need no timers. */
export class RateLimiter {
  private readonly clients = new Map<string, ClientState>();

  constructor(
    public options: RateLimitOptions = DEFAULT_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  check(client: string): Verdict {
    const now = this.now();
    const state = this.clients.get(client) ?? { hits: [], strikes: [], blockedUntil: 0 };
    this.clients.set(client, state);
    if (state.blockedUntil > now) return { kind: 'blocked', untilMs: state.blockedUntil };
    while (state.hits.length && (state.hits[0] ?? 0) <= now - 1000) state.hits.shift();
    if (state.hits.length >= this.options.perSecond) {
      state.strikes = state.strikes.filter((t) => t > now - this.options.strikeWindowMs);
      state.strikes.push(now);
      if (state.strikes.length >= this.options.strikesToBlock) {
        state.blockedUntil = now + this.options.blockMs;
        state.strikes = [];
        return { kind: 'blocked', untilMs: state.blockedUntil };
      }
      return { kind: 'limited', retryAfter: this.options.retryAfter };
    }
    state.hits.push(now);
    return { kind: 'ok' };
  }

  reset(): void {
    this.clients.clear();
  }
}
