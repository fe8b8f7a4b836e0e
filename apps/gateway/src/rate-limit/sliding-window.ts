import type Redis from 'ioredis';

/**
 * Exact sliding-window log in one Lua script (atomic, so gateway replicas sharing Redis count
 * together). Time comes from Redis itself, so replicas' clocks cannot disagree.
 * Returns {allowed, count, oldestMs, nowMs}.
 */
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  count = count + 1
  allowed = 1
end
redis.call('PEXPIRE', KEYS[1], window)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {allowed, count, tonumber(oldest[2] or now), now}
`;

export interface WindowResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a slot frees up (the oldest counted request leaves the window). */
  resetSec: number;
}

type WithSlidingWindow = Redis & { slidingWindow(key: string, windowMs: number, limit: number, nonce: string): Promise<[number, number, number, number]> };

export class SlidingWindowLimiter {
  private readonly redis: WithSlidingWindow;
  private seq = 0;

  constructor(redis: Redis) {
    if (!('slidingWindow' in redis)) redis.defineCommand('slidingWindow', { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as WithSlidingWindow;
  }

  async hit(key: string, limit: number, windowMs: number): Promise<WindowResult> {
    const nonce = `${process.pid}-${++this.seq}-${Math.random().toString(36).slice(2, 8)}`;
    const [allowed, count, oldest, now] = await this.redis.slidingWindow(key, windowMs, limit, nonce);
    return {
      allowed: allowed === 1,
      limit,
      remaining: Math.max(0, limit - count),
      resetSec: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)),
    };
  }
}
