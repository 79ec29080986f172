//! A count read as JSON Schema counts integers: `3` and `3.0` alike (a generator or another
//! language's encoder may write either), anything else refused.

use std::fmt;

use serde::de::{Error, Visitor};
use serde::Deserializer;

/// For `#[serde(deserialize_with = "crate::whole_number::u32")]`.
pub fn u32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    struct Whole;

    impl Visitor<'_> for Whole {
        type Value = u32;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a whole number from 0 to 4294967295")
        }

        fn visit_u64<E: Error>(self, v: u64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::custom(format!("{v} is too large")))
        }

        fn visit_i64<E: Error>(self, v: i64) -> Result<u32, E> {
            u32::try_from(v).map_err(|_| E::custom(format!("{v} is out of range")))
        }

        fn visit_f64<E: Error>(self, v: f64) -> Result<u32, E> {
            if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
                Ok(v as u32)
            } else {
                Err(E::custom(format!("{v} is not a whole number from 0 to 4294967295")))
            }
        }
    }

    deserializer.deserialize_any(Whole)
}

/// For `#[serde(default, deserialize_with = "crate::whole_number::option_u32")]`: absent or
/// `null` is `None`.
pub fn option_u32<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Whole(#[serde(deserialize_with = "u32")] u32);
    let whole: Option<Whole> = serde::Deserialize::deserialize(deserializer)?;
    Ok(whole.map(|Whole(n)| n))
}
