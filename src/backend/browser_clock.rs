//! The domain's clock, and random ids, from the browser.

use domain::Clock;
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> OffsetDateTime {
        let millis = js_sys::Date::now() as i128;
        OffsetDateTime::from_unix_timestamp_nanos(millis * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

/// A random GUID (version 4), from the browser's `Math.random`: ids the caller chooses
/// (a role assignment's, a reservation order's) and `MS-RequestId`/`MS-CorrelationId`.
pub fn random_guid() -> uuid::Uuid {
    let mut bytes = [0u8; 16];
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes)
}
