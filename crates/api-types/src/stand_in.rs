//! `/_mock/…`: what partner developers get from the mock API as a local stand-in for Partner
//! Center and Azure, as WireMock and LocalStack give it (**this API's addition**, not Partner
//! Center's): fault rules that make it fail on purpose, a journal of the requests it served,
//! and a clean start (fresh demo data, or a snapshot taken earlier). Open to partner Admin
//! agents and to the admin token the server prints at start-up.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Which requests a fault rule applies to: every field given must match (none: every request).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultMatch {
    /// `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "PUT", pattern = "^(GET|POST|PUT|PATCH|DELETE)$"))]
    pub method: Option<String>,
    /// The path (without the query), where `*` stands for any characters but `/` and `**`
    /// for any characters: `/providers/Microsoft.Capacity/reservationOrders/*`. Case-insensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "/v1/customers/*/orders", pattern = "^/", max_length = 500))]
    pub path: Option<String>,
    /// Who calls: a partner user's or a customer user's sign-in name (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "leeg@wideworldimporters.onmicrosoft.com", max_length = 200))]
    pub caller: Option<String>,
}

/// What a fault rule does to a request it applies to. As JSON, an object with one of the
/// four (its schema: [`FaultSchema`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Fault {
    /// Answer as usual, `ms` milliseconds late (a random delay from `ms` to `maxMs` when
    /// given).
    #[serde(rename_all = "camelCase")]
    Latency {
        #[serde(deserialize_with = "crate::whole_number::u32")]
        ms: u32,
        /// At least `ms`.
        #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::whole_number::option_u32")]
        max_ms: Option<u32>,
    },
    /// Answer 429 with `Retry-After` (seconds) and Partner Center's error body (Azure's on
    /// Azure routes); the request does nothing.
    #[serde(rename_all = "camelCase")]
    TooManyRequests {
        #[serde(deserialize_with = "crate::whole_number::u32")]
        retry_after_seconds: u32,
    },
    /// Answer 500 or 503 in the route's error body; the request does nothing.
    ServerError {
        /// 500 or 503.
        #[serde(deserialize_with = "crate::whole_number::u32")]
        status: u32,
    },
    /// Close the connection without a complete answer; the request does nothing.
    DropConnection {},
}

/// The schema of [`Fault`]: exactly one of its four.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[schema(min_properties = 1, max_properties = 1, title = "Fault")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct FaultSchema {
    /// Answer as usual, `ms` milliseconds late (a random delay from `ms` to `maxMs` when given).
    #[schema(nullable = false)]
    latency: Option<LatencySchema>,
    /// Answer 429 with `Retry-After` (seconds) and Partner Center's error body (Azure's on
    /// Azure routes); the request does nothing.
    #[schema(nullable = false)]
    too_many_requests: Option<TooManyRequestsSchema>,
    /// Answer 500 or 503 in the route's error body; the request does nothing.
    #[schema(nullable = false)]
    server_error: Option<ServerErrorSchema>,
    /// Close the connection without a complete answer; the request does nothing.
    #[schema(nullable = false)]
    drop_connection: Option<DropConnectionSchema>,
}

#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct LatencySchema {
    #[schema(maximum = 60000)]
    ms: u32,
    /// At least `ms`.
    #[schema(maximum = 60000, nullable = false)]
    max_ms: Option<u32>,
}

#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct TooManyRequestsSchema {
    #[schema(maximum = 3600)]
    retry_after_seconds: u32,
}

#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct ServerErrorSchema {
    /// 500 or 503.
    #[schema(minimum = 500, maximum = 503)]
    status: u32,
}

#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct DropConnectionSchema {}

/// When a rule that matches applies, if not always: with a probability, to the first
/// `first` matching requests, or only to the `nth` (1 = the first). As JSON, an object with
/// one of the three (its schema: [`FaultWhenSchema`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultWhen {
    Probability(f64),
    First(#[serde(deserialize_with = "crate::whole_number::u32")] u32),
    Nth(#[serde(deserialize_with = "crate::whole_number::u32")] u32),
}

/// The schema of [`FaultWhen`]: exactly one of its three.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
#[schema(min_properties = 1, max_properties = 1, title = "FaultWhen")]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
pub struct FaultWhenSchema {
    /// From 0 to 1.
    #[schema(minimum = 0, maximum = 1, nullable = false)]
    probability: Option<f64>,
    #[schema(minimum = 1, maximum = 2147483647, nullable = false)]
    first: Option<u32>,
    #[schema(minimum = 1, maximum = 2147483647, nullable = false)]
    nth: Option<u32>,
}

/// A fault rule as it is asked for (`POST /_mock/faults`, and each item of `--faults FILE`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "match": { "method": "PUT", "path": "/providers/Microsoft.Capacity/reservationOrders/*", "caller": "nobody@example.com" },
    "fault": { "tooManyRequests": { "retryAfterSeconds": 2 } },
    "when": { "first": 1 },
    "expiresAfterUses": 1
})))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewFaultRule {
    #[serde(default, rename = "match", deserialize_with = "crate::object::only")]
    pub matches: FaultMatch,
    #[cfg_attr(feature = "openapi", schema(value_type = FaultSchema))]
    pub fault: Fault,
    /// Always, when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<FaultWhenSchema>))]
    pub when: Option<FaultWhen>,
    /// The rule is removed once it has applied this many times.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::whole_number::option_u32")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2147483647))]
    pub expires_after_uses: Option<u32>,
    /// The rule is removed this many seconds after it was made.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "crate::whole_number::option_u32")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 2147483647))]
    pub expires_in_seconds: Option<u32>,
}

/// The methods a request may have (`match.method`, a journal filter).
pub const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// The longest delay a rule may add (`fault.latency.ms`, `maxMs`), and the longest
/// `Retry-After` (`fault.tooManyRequests.retryAfterSeconds`).
pub const MAX_LATENCY_MS: u32 = 60_000;
pub const MAX_RETRY_AFTER_SECONDS: u32 = 3_600;
/// The most `when.first`, `when.nth`, `expiresAfterUses` and `expiresInSeconds` may be.
pub const MAX_RULE_COUNT: u32 = i32::MAX as u32;

/// What makes a fault rule unusable: the server refuses it (400 for what the schema forbids,
/// 422 for what it cannot say), and the app's form words it before sending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultRuleProblem {
    Method,
    Path,
    Caller,
    /// `when.first`, `when.nth`, `expiresAfterUses` or `expiresInSeconds` not from 1 to
    /// [`MAX_RULE_COUNT`].
    Count,
    Probability,
    Latency,
    RetryAfter,
    /// A status outside 500 to 503.
    Status,
    /// 501 or 502 (the schema's range cannot leave them out).
    StatusBetween,
    /// `maxMs` below `ms`.
    LatencyRange,
}

impl FaultRuleProblem {
    /// Whether the OpenAPI document's schema already forbids it (then 400, else 422).
    pub fn schema_forbids(self) -> bool {
        !matches!(self, Self::LatencyRange | Self::StatusBetween)
    }

    /// The problem for the developer reading the server's reply.
    pub fn description(self) -> &'static str {
        match self {
            Self::Method => "match.method is GET, POST, PUT, PATCH or DELETE",
            Self::Path => "match.path starts with / (at most 500 characters)",
            Self::Caller => "match.caller is at most 200 characters",
            Self::Count => "when.first, when.nth, expiresAfterUses and expiresInSeconds are from 1 to 2147483647",
            Self::Probability => "when.probability is from 0 to 1",
            Self::Latency => "fault.latency.ms and maxMs are at most 60000",
            Self::RetryAfter => "fault.tooManyRequests.retryAfterSeconds is at most 3600",
            Self::Status | Self::StatusBetween => "fault.serverError.status is 500 or 503",
            Self::LatencyRange => "fault.latency.maxMs is at least ms",
        }
    }
}

impl NewFaultRule {
    /// What makes the rule unusable, if anything.
    pub fn problem(&self) -> Option<FaultRuleProblem> {
        use FaultRuleProblem as P;
        let m = &self.matches;
        if m.method.as_deref().is_some_and(|x| !METHODS.contains(&x)) {
            return Some(P::Method);
        }
        if m.path.as_deref().is_some_and(|p| !p.starts_with('/') || p.chars().count() > 500) {
            return Some(P::Path);
        }
        if m.caller.as_deref().is_some_and(|c| c.chars().count() > 200) {
            return Some(P::Caller);
        }
        let beyond = |n: Option<u32>| n.is_some_and(|n| n == 0 || n > MAX_RULE_COUNT);
        let when = match self.when {
            Some(FaultWhen::Probability(p)) if !(0.0..=1.0).contains(&p) => return Some(P::Probability),
            Some(FaultWhen::First(n) | FaultWhen::Nth(n)) => Some(n),
            _ => None,
        };
        if beyond(when) || beyond(self.expires_after_uses) || beyond(self.expires_in_seconds) {
            return Some(P::Count);
        }
        match self.fault {
            Fault::Latency { ms, max_ms } if ms > MAX_LATENCY_MS || max_ms.is_some_and(|max| max > MAX_LATENCY_MS) => Some(P::Latency),
            Fault::Latency { ms, max_ms: Some(max) } if max < ms => Some(P::LatencyRange),
            Fault::TooManyRequests { retry_after_seconds } if retry_after_seconds > MAX_RETRY_AFTER_SECONDS => Some(P::RetryAfter),
            Fault::ServerError { status } if !(500..=503).contains(&status) => Some(P::Status),
            Fault::ServerError { status } if status != 500 && status != 503 => Some(P::StatusBetween),
            _ => None,
        }
    }
}

/// A fault rule the server holds, with its counters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct FaultRule {
    pub id: Uuid,
    /// The rule as it was asked for.
    pub rule: NewFaultRule,
    /// How many requests it matched.
    pub matched: u32,
    /// How many of them it failed (or delayed).
    pub applied: u32,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-07T06:30:00Z"))]
    pub created: String,
}

/// A fault that answered a request, as the journal tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct InjectedFault {
    pub rule: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = FaultSchema))]
    pub fault: Fault,
}

/// One request the server served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct JournalEntry {
    /// Counts up from 1 since the server started (or the journal was cleared).
    pub id: u64,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-07T06:30:00.123Z"))]
    pub at: String,
    pub method: String,
    /// The path and query (an `access_token` in it is replaced by `redacted`).
    pub path: String,
    pub status: u16,
    pub duration_ms: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Whose token it was: a sign-in name (never the token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller: Option<String>,
    /// The bodies as text, at most 16 KiB each (`…` marks the cut); secrets in them redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_body: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<InjectedFault>,
}

/// Which journal entries (`GET /_mock/requests`, `…/count`, `DELETE`): every field given must
/// match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct JournalQuery {
    /// Any case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// A path pattern, as a fault rule's (`*`, `**`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 100, maximum = 599))]
    pub status: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Only entries after this one (an entry's `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(maximum = 4294967295_u64))]
    pub since: Option<u64>,
    /// At most this many (the newest); all when not given. Not for counting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 10000))]
    pub limit: Option<u32>,
}

impl JournalQuery {
    /// As a query string (`?method=POST&…`, or empty).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let mut add = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                parts.push(format!("{name}={}", crate::encode_query_value(&value)));
            }
        };
        add("method", self.method.clone());
        add("path", self.path.clone());
        add("status", self.status.map(|s| s.to_string()));
        add("caller", self.caller.clone());
        add("correlationId", self.correlation_id.clone());
        add("since", self.since.map(|s| s.to_string()));
        add("limit", self.limit.map(|l| l.to_string()));
        if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
    }
}

/// How many journal entries match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    pub count: usize,
}

/// `POST /_mock/reset`: start again from the demo data.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "customers": 0, "seed": 0 })))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reset {
    /// Generated customers beside the hand-made ones (at most 10,000).
    #[serde(default, deserialize_with = "crate::whole_number::u32")]
    #[cfg_attr(feature = "openapi", schema(maximum = 10000))]
    pub customers: u32,
    /// Which generated customers (the same seed, the same customers).
    #[serde(default, deserialize_with = "crate::whole_number::u32")]
    #[cfg_attr(feature = "openapi", schema(maximum = 2147483647))]
    pub seed: u32,
}

/// `POST /_mock/snapshots`: take a snapshot under this name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "name": "before-test" })))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewSnapshot {
    /// 1 to 64 letters, digits, `-`, `_` or `.`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Za-z0-9_.-]{1,64}$", example = "before-test"))]
    pub name: String,
}

/// A snapshot of the data, kept by the server until it stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-07T06:30:00Z"))]
    pub taken: String,
}
