//! One file per group of routes; each gives an `OpenApiRouter` of handlers annotated with
//! `#[utoipa::path]`, which `crate::api` merges: the routes and the OpenAPI document come
//! from the same place. Handlers answer with `api_types` values and fail with `ApiError`.

pub mod audit;
pub mod customers;
pub mod demo;
pub mod policies;

use axum::http::header::{CONTENT_TYPE, ETAG};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::Etag;
use serde::Serialize;

use crate::db::StoredReply;
use crate::error::ApiError;

/// `body` with `status`, and the `ETag` header of the policy it is.
pub fn with_etag<T: Serialize>(status: StatusCode, body: T, etag: &Etag) -> Response {
    let mut response = (status, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(etag.as_str()) {
        response.headers_mut().insert(ETAG, value);
    }
    response
}

/// The key a POST's reply is kept under: the route and the `MS-RequestId` (`None` without
/// one). A request id used again on another route is a new request there.
pub fn request_key(headers: &HeaderMap, route: &str) -> Option<String> {
    crate::extract::header(headers, "ms-requestid").map(|id| format!("{route} {id}"))
}

/// The reply to keep for a POST that had a request key (none without one).
pub fn remember<T: Serialize>(
    request_key: Option<String>,
    status: StatusCode,
    body: &T,
) -> Result<Option<StoredReply>, ApiError> {
    let Some(request_id) = request_key else {
        return Ok(None);
    };
    let body = serde_json::to_string(body).map_err(|e| ApiError::Storage(e.to_string()))?;
    Ok(Some(StoredReply {
        request_id,
        status: status.as_u16(),
        body,
    }))
}

/// The reply kept for a POST, given again to its retry.
pub fn replay(reply: StoredReply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::CREATED);
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        reply.body,
    )
        .into_response()
}
