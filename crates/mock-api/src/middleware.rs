//! What every response gets, whatever route made it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

use api_types::{ErrorBody, ErrorCode};

/// Echoes `MS-CorrelationId` and `MS-RequestId`, as Partner Center does.
pub async fn echo_ms_headers(request: Request, next: Next) -> Response {
    let echoed: Vec<_> = ["ms-correlationid", "ms-requestid"]
        .into_iter()
        .filter_map(|name| request.headers().get(name).map(|v| (name, v.clone())))
        .collect();
    let mut response = next.run(request).await;
    for (name, value) in echoed {
        response.headers_mut().insert(name, value);
    }
    response
}

/// A safety net: an error that some layer answered without a Partner Center body (say,
/// a rejection of axum's own) gets one, with the same status.
pub async fn partner_center_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let description = status.canonical_reason().unwrap_or("error").to_string();
    // The generic code of this status; a status this API never gives keeps its number.
    let body = match ErrorCode::ALL
        .iter()
        .find(|c| c.code() == u32::from(status.as_u16()))
    {
        Some(code) => ErrorBody::new(*code, description),
        None => ErrorBody {
            code: u32::from(status.as_u16()),
            ..ErrorBody::new(ErrorCode::BadRequest, description)
        },
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let fresh = (status, Json(body)).into_response();
    let (fresh_parts, fresh_body) = fresh.into_parts();
    parts.headers.extend(fresh_parts.headers);
    Response::from_parts(parts, Body::new(fresh_body))
}
