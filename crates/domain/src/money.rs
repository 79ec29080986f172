//! Amounts in US dollars, kept as whole millionths so sums are exact.

use serde::{Deserialize, Serialize};

/// An amount in US dollars, in millionths (micro-dollars). Every price in the product is in
/// US dollars: the demo price list is, and Partner Center bills this partner in them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Usd(u64);

impl Usd {
    pub const ZERO: Usd = Usd(0);
    pub const CURRENCY_CODE: &'static str = "USD";

    pub const fn from_micros(micros: u64) -> Self {
        Self(micros)
    }

    /// Whole cents, e.g. `Usd::from_cents(4147)` is 41.47 USD.
    pub const fn from_cents(cents: u64) -> Self {
        Self(cents * 10_000)
    }

    pub const fn micros(self) -> u64 {
        self.0
    }

    /// The amount as a JSON number of dollars (exact to the cent for every price here).
    pub fn as_dollars(self) -> f64 {
        self.0 as f64 / 1_000_000.0
    }

    /// Dollars as a number from outside (a form, a request), to the millionth;
    /// `None` for a negative, non-finite or absurdly large amount.
    pub fn from_dollars(dollars: f64) -> Option<Self> {
        if !dollars.is_finite() || !(0.0..=1.0e12).contains(&dollars) {
            return None;
        }
        Some(Self((dollars * 1_000_000.0).round() as u64))
    }

    pub fn times(self, factor: u64) -> Self {
        Self(self.0.saturating_mul(factor))
    }

    /// Divided by `divisor` (> 0), rounded to the nearest cent.
    pub fn per(self, divisor: u64) -> Self {
        Self(round_to_cent(self.0 as u128 / divisor.max(1) as u128))
    }

    pub fn plus(self, other: Usd) -> Self {
        Self(self.0.saturating_add(other.0))
    }

    /// `self - other`, or zero when `other` is more.
    pub fn minus(self, other: Usd) -> Self {
        Self(self.0.saturating_sub(other.0))
    }

    /// The share `millionths` / 1,000,000 of the amount, rounded down to the cent (what a
    /// prorated refund gives back).
    pub fn share(self, millionths: u64) -> Self {
        let exact = self.0 as u128 * millionths.min(1_000_000) as u128 / 1_000_000;
        Self(((exact / 10_000) * 10_000) as u64)
    }
}

fn round_to_cent(micros: u128) -> u64 {
    (((micros + 5_000) / 10_000) * 10_000) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_round_trip_and_bad_numbers_are_refused() {
        assert_eq!(Usd::from_dollars(0.001), Some(Usd::from_micros(1_000)));
        assert_eq!(Usd::from_dollars(41.47), Some(Usd::from_cents(4147)));
        assert_eq!(Usd::from_cents(4147).as_dollars(), 41.47);
        assert_eq!(Usd::from_dollars(-1.0), None);
        assert_eq!(Usd::from_dollars(f64::NAN), None);
        assert_eq!(Usd::from_dollars(f64::INFINITY), None);
        assert_eq!(Usd::from_cents(1000).per(3), Usd::from_cents(333));
    }
}
