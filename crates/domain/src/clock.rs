//! Time comes from a clock the caller hands in, so tests and demo data are repeatable.

use std::cell::Cell;

use time::OffsetDateTime;

pub trait Clock {
    fn now(&self) -> OffsetDateTime;
}

/// A clock that says what it is told; tests move it forward by hand.
#[derive(Debug, Clone)]
pub struct FixedClock(Cell<OffsetDateTime>);

impl FixedClock {
    pub fn new(at: OffsetDateTime) -> Self {
        Self(Cell::new(at))
    }

    pub fn advance(&self, by: time::Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> OffsetDateTime {
        self.0.get()
    }
}

/// The machine's clock (native targets only; the browser has its own).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

#[cfg(not(target_arch = "wasm32"))]
impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}
