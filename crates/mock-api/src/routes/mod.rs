//! One file per group of routes; each gives an `OpenApiRouter` of handlers annotated with
//! `#[utoipa::path]`, which `crate::api` merges: the routes and the OpenAPI document come
//! from the same place. Handlers answer with `api_types` values and fail with `ApiError`.

pub mod audit;
pub mod azure_entitlements;
pub mod azure_subscriptions;
pub mod carts;
pub mod customers;
pub mod demo;
pub mod events;
pub mod notifications;
pub mod orders;
pub mod policies;
pub mod reservation_lifecycle;
pub mod reservations;
pub mod requests;
pub mod role_assignments;
pub mod savings_plans;

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
/// one). A request id used again on another route is a new request there. 400 for a header
/// that is not a GUID (also an empty one): the document says `format: uuid`.
pub fn request_key(headers: &HeaderMap, route: &str) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("ms-requestid") else {
        return Ok(None);
    };
    let text = value.to_str().unwrap_or_default();
    guid(text, "MS-RequestId", |t| uuid::Uuid::try_parse(t).ok())?;
    Ok(Some(format!("{route} {text}")))
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

/// A GUID parameter as its id type; 400 for anything else (the document says `format: uuid`:
/// 36 characters, hyphenated, nothing around it).
pub fn guid<T>(text: &str, name: &str, parse: fn(&str) -> Option<T>) -> Result<T, ApiError> {
    Some(text).filter(|t| t.len() == 36).and_then(parse).ok_or_else(|| {
        ApiError::BadRequest(format!(
            "{name} {:?} is not a GUID",
            text.chars().take(64).collect::<String>()
        ))
    })
}

/// Where a page starts, as a continuation token or `$skiptoken` gives it: 1 to 9 digits
/// (the document's pattern `^[0-9]{1,9}$`); 400 for anything else, also an empty one.
pub fn page_start(text: &str, name: &str) -> Result<usize, ApiError> {
    let digits = (1..=9).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| text.parse().ok()).flatten().ok_or_else(|| {
        ApiError::BadRequest(format!("{name} is a page's start as this server gave it (1 to 9 digits)"))
    })
}

/// A page of an Azure list of purchases: those the caller may see, of the customer
/// `customerId` names if any, from `$skiptoken` on, each kept if `pick` gives it a shape (a
/// reservation order, a savings plan's alias), with `nextLink` when more follow.
pub fn purchases_page<T>(
    state: &crate::state::AppState,
    caller: &domain::Caller,
    query: &api_types::reservation::PurchasesQuery,
    path: &str,
    pick: impl Fn(&domain::PurchasedBenefit) -> Option<T>,
) -> Result<api_types::arm::ArmList<T>, ApiError> {
    let (customer, skip) = purchases_asked(query)?;
    let all = state.read().purchased_benefits(caller, customer.as_ref())?.iter().filter_map(pick).collect();
    Ok(arm_page(all, skip, path, customer))
}

/// Whose purchases a list is of (`None`: all the caller may see; a customer user's are their
/// own company's) and where its page starts.
fn purchases_asked(query: &api_types::reservation::PurchasesQuery) -> Result<(Option<domain::CustomerId>, usize), ApiError> {
    let customer = query.customer_id.as_deref().map(domain::CustomerId::parse).transpose()?;
    let skip = query.skip_token.as_deref().map(|t| page_start(t, "$skiptoken")).transpose()?.unwrap_or(0);
    Ok((customer, skip))
}

/// One page of an Azure list from `skip` on, with `nextLink` (`{path}?…$skiptoken=…`) when
/// more follow.
fn arm_page<T>(all: Vec<T>, skip: usize, path: &str, customer: Option<domain::CustomerId>) -> api_types::arm::ArmList<T> {
    let page_size = api_types::reservation::PURCHASES_PAGE;
    let more = all.len() > skip.saturating_add(page_size);
    let value: Vec<T> = all.into_iter().skip(skip).take(page_size).collect();
    let next_link = more.then(|| {
        let customer = customer.map(|c| format!("customerId={c}&")).unwrap_or_default();
        format!("{path}?{customer}$skiptoken={}", skip + page_size)
    });
    api_types::arm::ArmList { value, next_link }
}
