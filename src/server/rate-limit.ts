/**
 * Requests allowed per client per minute, as a token bucket refilled continuously: a burst up to the limit, then
 * the steady rate. Counters live in memory on purpose: they protect this process and hold no one's data.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number, at: number }>()
  const ratePerMs = perMinute / 60_000
  let sweptAt = now()
  return {
    /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
    take(key: string): number {
      const t = now()
      if (t - sweptAt > 60_000) {
        for (const [name, bucket] of buckets) if (bucket.tokens + (t - bucket.at) * ratePerMs >= perMinute) buckets.delete(name)
        sweptAt = t
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: t }
      bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * ratePerMs)
      bucket.at = t
      buckets.set(key, bucket)
      if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000))
      bucket.tokens -= 1
      return 0
    },
  }
}
