//! One file per route group; each gives a `Router` that `crate::app` merges.

pub mod audit;
pub mod customers;
pub mod demo;
pub mod policies;

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Partner Center's collection: `{"totalCount", "items", "attributes": {"objectType": "Collection"}}`.
pub fn collection(items: Vec<Value>) -> Value {
    json!({ "totalCount": items.len(), "items": items, "attributes": { "objectType": "Collection" } })
}

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}
