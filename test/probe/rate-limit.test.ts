import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/probe/rate-limit.js';

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('the per-user rate limit', () => {
  it('allows the limit in a window, then says when to try again', () => {
    const c = clock();
    const limiter = new RateLimiter({ perUser: { limit: 3, windowMs: 60_000 }, now: c.now });
    for (let i = 0; i < 3; i++) {
      const d = limiter.acquire('U1');
      expect(d.ok).toBe(true);
      if (d.ok) d.release();
      c.t += 10_000;
    }
    const refused = limiter.acquire('U1');
    expect(refused).toMatchObject({ ok: false, code: 'rate.user', retryAfterS: 30 });
    if (!refused.ok)
      expect(refused.message).toBe('You have run many checks in a short time. Try again in 30 s.');
    c.t += 30_000;
    expect(limiter.acquire('U1').ok).toBe(true);
  });

  it('counts each user on their own', () => {
    const limiter = new RateLimiter({ perUser: { limit: 1, windowMs: 60_000 }, now: clock().now });
    const a = limiter.acquire('A');
    if (a.ok) a.release();
    expect(limiter.acquire('A').ok).toBe(false);
    expect(limiter.acquire('B').ok).toBe(true);
  });

  it('says it in the user’s language', () => {
    const limiter = new RateLimiter({ perUser: { limit: 0, windowMs: 5_000 }, now: clock().now });
    const fr = limiter.acquire('U', 'fr');
    const vi = limiter.acquire('U', 'vi');
    expect(!fr.ok && fr.message).toBe(
      'Vous avez lancé beaucoup de vérifications en peu de temps. Réessayez dans 5 s.',
    );
    expect(!vi.ok && vi.message).toContain('Hãy thử lại sau 5 giây');
  });
});

describe('the concurrency caps', () => {
  it('caps probes running at once for everybody, and frees a slot on release', () => {
    const limiter = new RateLimiter({
      maxConcurrent: 2,
      maxPerUserConcurrent: 5,
      busyRetryMs: 7_000,
      now: clock().now,
    });
    const a = limiter.acquire('A');
    const b = limiter.acquire('B');
    expect(limiter.active).toBe(2);
    expect(limiter.acquire('C')).toMatchObject({ ok: false, code: 'rate.busy', retryAfterS: 7 });
    if (a.ok) {
      a.release();
      a.release(); // twice is harmless
    }
    expect(limiter.active).toBe(1);
    expect(limiter.acquire('C').ok).toBe(true);
    expect(b.ok).toBe(true);
  });

  it('lets one user run one probe at a time', () => {
    const limiter = new RateLimiter({ now: clock().now });
    const first = limiter.acquire('U');
    expect(limiter.acquire('U')).toMatchObject({ ok: false, code: 'rate.user-busy' });
    if (first.ok) first.release();
    expect(limiter.acquire('U').ok).toBe(true);
  });
});
