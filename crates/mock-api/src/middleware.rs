//! What every response gets, whatever route made it.

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;

use api_types::arm::ArmErrorBody;
use api_types::{ErrorBody, ErrorCode};

use crate::error::ApiError;

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

/// Whether a path is one of the Azure Resource Manager routes (`/subscriptions…`,
/// `/providers…`), which answer failures in Azure's shape.
pub fn is_arm_path(path: &str) -> bool {
    ["/subscriptions", "/providers"]
        .iter()
        .any(|prefix| path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')))
}

/// Every failure gets the error body of its route: an [`ApiError`] on an Azure Resource
/// Manager route is answered as an [`ArmErrorBody`]; and, as a safety net, an error that
/// some layer answered without a body of ours (say, a rejection of axum's own) gets one,
/// with the same status.
pub async fn error_bodies(request: Request, next: Next) -> Response {
    let arm = is_arm_path(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    if let Some(error) = response.extensions().get::<ApiError>() {
        if !arm {
            return response;
        }
        let body = error.arm_body();
        return replace_body(response, body);
    }
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let description = status.canonical_reason().unwrap_or("error").to_string();
    // The generic code of this status; a status this API never gives keeps its number.
    let code = ErrorCode::all().into_iter().find(|c| c.code() == u32::from(status.as_u16()));
    if arm {
        let body = match code {
            Some(code) => ArmErrorBody::new(code, description),
            None => ArmErrorBody::new(ErrorCode::BadRequest, description),
        };
        return replace_body(response, body);
    }
    let body = match code {
        Some(code) => ErrorBody::new(code, description),
        None => ErrorBody {
            code: u32::from(status.as_u16()),
            ..ErrorBody::new(ErrorCode::BadRequest, description)
        },
    };
    replace_body(response, body)
}

/// The response with `body` as its JSON body, its status and other headers kept.
fn replace_body(response: Response, body: impl serde::Serialize) -> Response {
    let status = response.status();
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let fresh = (status, Json(body)).into_response();
    let (fresh_parts, fresh_body) = fresh.into_parts();
    parts.headers.extend(fresh_parts.headers);
    Response::from_parts(parts, Body::new(fresh_body))
}
