//! Every JSON body of the mock Partner Center API, defined once. The server answers with
//! these types, the web app's HTTP client and the tests read them, and (with the `openapi`
//! feature) the OpenAPI document is generated from them, with every constraint the server
//! enforces.
//!
//! Shapes and names are Partner Center's (and Azure Resource Manager's, where the customer
//! acts); where this API goes further, the field says so. Each module also converts between
//! its wire types and the domain's, so a shape and its meaning live side by side.

pub mod arm;
pub mod audit;
pub mod azure_entitlement;
pub mod azure_subscription;
pub mod cart;
pub mod change_event;
pub mod customer;
pub mod customer_user;
pub mod demo;
pub mod endpoint;
pub mod error;
pub mod notification;
pub mod object;
pub mod order;
pub mod policy;
pub mod purchase;
pub mod readiness;
pub mod request;
pub mod reservation;
pub mod reservation_lifecycle;
pub mod role_assignment;
pub mod savings_plan;
pub mod stand_in;
pub mod string_map;
pub mod subscription;
pub mod whole_number;

use serde::{Deserialize, Serialize};

pub use endpoint::{Endpoint, Method};
pub use error::{ErrorBody, ErrorCode, ErrorReply};

/// Partner Center's `attributes`: what kind of resource this is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    #[cfg_attr(feature = "openapi", schema(example = "Customer"))]
    pub object_type: String,
}

impl Attributes {
    pub fn of(object_type: &str) -> Self {
        Self { object_type: object_type.to_string() }
    }
}

/// Partner Center's collection of resources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Collection<T> {
    /// How many items this answer holds.
    pub total_count: usize,
    pub items: Vec<T>,
    /// `objectType` is `Collection`.
    pub attributes: Attributes,
}

impl<T> Collection<T> {
    pub fn of(items: Vec<T>) -> Self {
        Self { total_count: items.len(), items, attributes: Attributes::of("Collection") }
    }
}

/// A query parameter's value as this API's links write it: everything but unreserved
/// characters percent-encoded.
pub fn encode_query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Dates and times as the API writes them (RFC 3339, UTC, whole seconds:
/// `2026-11-25T06:30:00Z`).
pub mod datetime {
    use domain::dates::{format_date, parse_rfc3339};
    use time::OffsetDateTime;

    pub fn format(at: OffsetDateTime) -> String {
        let at = at.to_offset(time::UtcOffset::UTC);
        format!("{}T{:02}:{:02}:{:02}Z", format_date(at.date()), at.hour(), at.minute(), at.second())
    }

    /// To the millisecond (`2026-11-25T06:30:00.123Z`): when requests were served.
    pub fn format_precise(at: OffsetDateTime) -> String {
        let at = at.to_offset(time::UtcOffset::UTC);
        format!("{}T{:02}:{:02}:{:02}.{:03}Z", format_date(at.date()), at.hour(), at.minute(), at.second(), at.millisecond())
    }

    /// The instant a date-time from this API stands for; `None` for anything else.
    pub fn parse(text: &str) -> Option<OffsetDateTime> {
        parse_rfc3339(text)
    }
}
