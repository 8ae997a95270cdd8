//! Per-client rate limiting of submissions: a token bucket per client
//! address, so one noisy client is slowed without slowing anyone else.
//!
//! Buckets live in memory (per server instance) and are swept when the map
//! grows, so a flood of distinct addresses cannot exhaust memory.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A token bucket per client address.
#[derive(Debug)]
pub struct RateLimiter {
    per_minute: u32,
    burst: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// How many buckets to keep before sweeping full ones away.
const SWEEP_AT: usize = 10_000;

impl RateLimiter {
    /// A limiter allowing `per_minute` requests a minute per address, with
    /// bursts of up to `burst`.
    #[must_use]
    pub fn new(per_minute: u32, burst: u32) -> Self {
        Self { per_minute: per_minute.max(1), burst: burst.max(1), buckets: Mutex::new(HashMap::new()) }
    }

    fn rate_per_second(&self) -> f64 {
        f64::from(self.per_minute) / 60.0
    }

    /// Takes one token for `client` at `now`, or says how long to wait.
    ///
    /// # Errors
    /// The wait until a token is available, rounded up to whole seconds.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        let rate = self.rate_per_second();
        let burst = f64::from(self.burst);
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= SWEEP_AT {
            buckets.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.updated).as_secs_f64() * rate < burst
            });
        }
        let bucket = buckets.entry(client).or_insert(Bucket { tokens: burst, updated: now });
        let refill = now.saturating_duration_since(bucket.updated).as_secs_f64() * rate;
        bucket.tokens = (bucket.tokens + refill).min(burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / rate).ceil().max(1.0);
            Err(Duration::from_secs_f64(wait))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate_and_others_unaffected() {
        let limiter = RateLimiter::new(6, 3);
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check(a, t0).is_ok());
        }
        assert_eq!(limiter.check(a, t0), Err(Duration::from_secs(10)));
        // Another client is not slowed by the first.
        assert!(limiter.check(b, t0).is_ok());
        // Six a minute: one token every ten seconds.
        assert!(limiter.check(a, t0 + Duration::from_secs(10)).is_ok());
        assert!(limiter.check(a, t0 + Duration::from_secs(11)).is_err());
    }
}
