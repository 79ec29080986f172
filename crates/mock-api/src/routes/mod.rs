//! One file per route group; each gives a `Router` that `crate::app` merges.

pub mod audit;
pub mod customers;
pub mod demo;
pub mod policies;

use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::{Etag, PermissionSet};
use serde_json::{json, Value};

use crate::db::StoredReply;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Partner Center's collection: `{"totalCount", "items", "attributes": {"objectType": "Collection"}}`.
pub fn collection(items: Vec<Value>) -> Value {
    json!({ "totalCount": items.len(), "items": items, "attributes": { "objectType": "Collection" } })
}

/// A policy's permissions as Partner Center writes them: `{"resource", "action": "Purchase"}`.
pub fn permissions_json(permissions: &PermissionSet) -> Vec<Value> {
    permissions.iter().map(|p| json!({ "resource": p.resource_name(), "action": "Purchase" })).collect()
}

/// A JSON reply, with the `ETag` header when there is an etag.
pub fn json_response(status: StatusCode, body: String, etag: Option<&Etag>) -> Response {
    let mut response = (status, [(CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response();
    if let Some(value) = etag.and_then(|e| HeaderValue::from_str(e.as_str()).ok()) {
        response.headers_mut().insert(ETAG, value);
    }
    response
}

/// The key a POST's reply is kept under: the route and the `MS-RequestId` (`None` without
/// one). A request id used again on another route is a new request there.
pub fn request_key(headers: &HeaderMap, route: &str) -> Option<String> {
    crate::extract::header(headers, "ms-requestid").map(|id| format!("{route} {id}"))
}

/// The reply kept for a POST, given again to its retry.
pub fn replay(reply: StoredReply) -> Response {
    json_response(StatusCode::from_u16(reply.status).unwrap_or(StatusCode::CREATED), reply.body, None)
}

pub fn rfc3339(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}
