//! The demo price list: what a customer can reserve, where, and what the partner is billed
//! for it. Prices are fixed demo figures in US dollars, close to Azure's list prices.

use serde::{Deserialize, Serialize};

use crate::money::Usd;

/// A virtual machine size one can reserve. The names are Azure's (`sku.name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VmSize {
    StandardB2ms,
    StandardD2sV5,
    StandardD4sV5,
    StandardE4sV5,
}

impl VmSize {
    pub const ALL: [VmSize; 4] = [Self::StandardB2ms, Self::StandardD2sV5, Self::StandardD4sV5, Self::StandardE4sV5];

    /// Azure's SKU name, the same in every language.
    pub fn sku_name(self) -> &'static str {
        match self {
            Self::StandardB2ms => "Standard_B2ms",
            Self::StandardD2sV5 => "Standard_D2s_v5",
            Self::StandardD4sV5 => "Standard_D4s_v5",
            Self::StandardE4sV5 => "Standard_E4s_v5",
        }
    }

    pub fn from_sku_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.sku_name().eq_ignore_ascii_case(name.trim()))
    }

    /// Virtual CPUs and memory in GiB, as the portal lists them.
    pub fn cores_and_memory(self) -> (u32, u32) {
        match self {
            Self::StandardB2ms => (2, 8),
            Self::StandardD2sV5 => (2, 8),
            Self::StandardD4sV5 => (4, 16),
            Self::StandardE4sV5 => (4, 32),
        }
    }

    /// The Partner Center product of a reserved VM instance of this size.
    pub fn product_id(self) -> &'static str {
        match self {
            Self::StandardB2ms => "DZH318Z0BQ4D",
            Self::StandardD2sV5 => "DZH318Z0BQ3Q",
            Self::StandardD4sV5 => "DZH318Z0BQ3R",
            Self::StandardE4sV5 => "DZH318Z0BQ4W",
        }
    }

    /// Monthly price of one instance reserved in East US, per term.
    fn east_us_monthly(self, term: Term) -> Usd {
        let cents = match (self, term) {
            (Self::StandardB2ms, Term::OneYear) => 3504,
            (Self::StandardB2ms, Term::ThreeYears) => 2263,
            (Self::StandardD2sV5, Term::OneYear) => 4147,
            (Self::StandardD2sV5, Term::ThreeYears) => 2672,
            (Self::StandardD4sV5, Term::OneYear) => 8293,
            (Self::StandardD4sV5, Term::ThreeYears) => 5344,
            (Self::StandardE4sV5, Term::OneYear) => 10870,
            (Self::StandardE4sV5, Term::ThreeYears) => 6994,
        };
        Usd::from_cents(cents)
    }
}

/// An Azure region one can reserve in. The names are Azure's (`location`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Region {
    EastUs,
    WestEurope,
    GermanyWestCentral,
}

impl Region {
    pub const ALL: [Region; 3] = [Self::EastUs, Self::WestEurope, Self::GermanyWestCentral];

    /// Azure's location name.
    pub fn location(self) -> &'static str {
        match self {
            Self::EastUs => "eastus",
            Self::WestEurope => "westeurope",
            Self::GermanyWestCentral => "germanywestcentral",
        }
    }

    pub fn from_location(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.location().eq_ignore_ascii_case(name.trim()))
    }

    /// What a region costs against East US, in percent.
    fn price_percent(self) -> u64 {
        match self {
            Self::EastUs => 100,
            Self::WestEurope => 112,
            Self::GermanyWestCentral => 118,
        }
    }
}

/// How long a reservation or savings plan runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Term {
    OneYear,
    ThreeYears,
}

impl Term {
    pub const ALL: [Term; 2] = [Self::OneYear, Self::ThreeYears];

    /// Azure's and Partner Center's term duration: `P1Y`, `P3Y`.
    pub fn iso(self) -> &'static str {
        match self {
            Self::OneYear => "P1Y",
            Self::ThreeYears => "P3Y",
        }
    }

    pub fn from_iso(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.iso().eq_ignore_ascii_case(text.trim()))
    }

    pub fn years(self) -> u32 {
        match self {
            Self::OneYear => 1,
            Self::ThreeYears => 3,
        }
    }

    pub fn months(self) -> u64 {
        12 * u64::from(self.years())
    }
}

/// How the partner is billed for a purchase: all at once, or month by month (the same total).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingPlan {
    Upfront,
    Monthly,
}

impl BillingPlan {
    pub const ALL: [BillingPlan; 2] = [Self::Upfront, Self::Monthly];

    /// Azure's `billingPlan`.
    pub fn azure_name(self) -> &'static str {
        match self {
            Self::Upfront => "Upfront",
            Self::Monthly => "Monthly",
        }
    }

    pub fn from_azure_name(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.azure_name().eq_ignore_ascii_case(text.trim()))
    }
}

/// What the partner is billed for a purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Price {
    /// What one month of the term costs.
    pub per_month: Usd,
    /// The whole term: what the partner pays in all, upfront or over the months.
    pub total: Usd,
}

/// The price of reserving `quantity` instances of `size` in `region` for `term`.
pub fn reservation_price(size: VmSize, region: Region, term: Term, quantity: u32) -> Price {
    let one = size.east_us_monthly(term).times(region.price_percent()).per(100);
    let per_month = one.times(u64::from(quantity));
    Price { per_month, total: per_month.times(term.months()) }
}

/// Hours Azure counts in a month and in a year.
pub const HOURS_PER_MONTH: u64 = 730;
pub const HOURS_PER_YEAR: u64 = 8760;

/// The smallest hourly commitment of a savings plan: 0.001 USD.
pub const MIN_HOURLY_COMMITMENT: Usd = Usd::from_micros(1_000);
/// The largest hourly commitment the demo accepts.
pub const MAX_HOURLY_COMMITMENT: Usd = Usd::from_micros(100_000_000_000);

/// The price of a savings plan committing `hourly` for `term`.
pub fn savings_plan_price(hourly: Usd, term: Term) -> Price {
    let total = hourly.times(HOURS_PER_YEAR * u64::from(term.years()));
    Price { per_month: hourly.times(HOURS_PER_MONTH), total }
}

/// The savings plan product in Partner Center, and its SKU per term.
pub const SAVINGS_PLAN_PRODUCT_ID: &str = "DZH318Z09V6F";

pub fn savings_plan_sku(term: Term) -> &'static str {
    match term {
        Term::OneYear => "0001",
        Term::ThreeYears => "0002",
    }
}

/// The largest number of instances one reservation takes.
pub const MAX_RESERVATION_QUANTITY: u32 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_size_region_term_and_quantity() {
        let p = reservation_price(VmSize::StandardD2sV5, Region::EastUs, Term::OneYear, 1);
        assert_eq!(p.per_month, Usd::from_cents(4147));
        assert_eq!(p.total, Usd::from_cents(4147 * 12));
        let p = reservation_price(VmSize::StandardD2sV5, Region::WestEurope, Term::ThreeYears, 2);
        assert_eq!(p.per_month, Usd::from_cents(2 * 2993));
        assert_eq!(p.total, Usd::from_cents(2 * 2993 * 36));
        let p = savings_plan_price(MIN_HOURLY_COMMITMENT, Term::OneYear);
        assert_eq!(p.total, Usd::from_micros(8_760_000));
        assert_eq!(p.per_month, Usd::from_micros(730_000));
    }
}
