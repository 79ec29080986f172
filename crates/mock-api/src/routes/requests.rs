//! `/v1/requests` and `/v1/customers/{id}/requests`: a customer's requests to the partner, to
//! exchange, cancel or renew a purchase. **This API's addition**: Partner Center has no such
//! resource (a CSP customer writes to its partner). A customer user asks; a partner Admin
//! agent approves by doing it (the Azure call names the request: `?approvesRequest=`) or
//! declines with a reason. Customer users' tokens are taken here, for their own company.

use api_types::request::{DeclineRequest, NewRequest, Request};
use api_types::{Collection, ErrorBody};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{CustomerId, DomainError, RequestId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Body, PathId, PathPair};
use crate::routes::guid;
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Requests (this API's addition)";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_all))
        .routes(routes!(list, create))
        .routes(routes!(decline))
}

/// Every request the caller may see, newest first: a partner user's of every customer, a
/// customer user's of their own company.
#[utoipa::path(
    get,
    path = "/v1/requests",
    operation_id = "listRequests",
    tag = TAG,
    responses(
        (status = 200, description = "The requests, newest first.", body = Collection<Request>),
    )
)]
async fn list_all(State(state): State<AppState>, Caller(caller): Caller) -> Result<Json<Collection<Request>>, ApiError> {
    let requests = state.read().requests(&caller, None)?;
    Ok(Json(Collection::of(requests.iter().map(Request::from_domain).collect())))
}

/// The customer's requests, newest first: to any partner user, and to the customer's users.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/requests",
    operation_id = "listCustomerRequests",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The customer's requests, newest first.", body = Collection<Request>),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer the caller may see has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
) -> Result<Json<Collection<Request>>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let requests = state.read().requests(&caller, Some(&id))?;
    Ok(Json(Collection::of(requests.iter().map(Request::from_domain).collect())))
}

/// A customer user asks the partner to exchange, cancel or renew one of their company's
/// purchases, with a note: 201 with the request; 200 with it when it was made already under
/// this id (nothing new).
#[utoipa::path(
    post,
    path = "/v1/customers/{id}/requests",
    operation_id = "createRequest",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID (the asking user's company).",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    request_body = NewRequest,
    responses(
        (status = 200, description = "Asked already under this id; nothing new.", body = Request),
        (status = 201, description = "Asked: the request, waiting for the partner.", body = Request),
        (status = 400, description = "A note too long or with control characters (code 900044), or the id is not a GUID (code 900004).", body = ErrorBody),
        (status = 403, description = "A partner user's token (code 900030).", body = ErrorBody),
        (status = 404, description = "Another customer (code 900003), or no such reservation (code 900016) or savings plan (code 900017) of the customer's.", body = ErrorBody),
        (status = 409, description = "The purchase has a request waiting already (code 900043), is no longer active (code 900035), a savings plan asked to be cancelled or exchanged (code 900036), or another customer's request has this id (code 900025).", body = ErrorBody),
        (status = 422, description = "The body names no purchase, or two (code 422).", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
    Body(input): Body<NewRequest>,
) -> Result<Response, ApiError> {
    let customer = CustomerId::parse(&id)?;
    let benefit = input
        .benefit
        .benefit()
        .ok_or_else(|| ApiError::Unprocessable("benefit names exactly one of reservationOrderId and savingsPlanOrderId".to_string()))?;
    let mut writer = state.write();
    // The customer in the path is the asking user's own (a partner user is refused first).
    let upn = caller.customer()?;
    if writer.store().customer_user(upn)?.0.id != customer {
        return Err(DomainError::UnknownCustomer(customer).into());
    }
    let status = match writer.store().decide_request(&caller, input.id, benefit, input.kind.into(), &input.note, &SecondsClock)? {
        Some(change) => {
            writer.keep(change, None)?;
            StatusCode::CREATED
        }
        None => StatusCode::OK,
    };
    let made = find(&writer.store().requests(&caller, Some(&customer))?, &input.id)?;
    Ok((status, Json(made)).into_response())
}

/// The request with `id` among `requests`.
fn find(requests: &[domain::CustomerRequest], id: &RequestId) -> Result<Request, ApiError> {
    requests
        .iter()
        .find(|r| r.id == *id)
        .map(Request::from_domain)
        .ok_or_else(|| DomainError::UnknownRequest(*id).into())
}

/// The partner declines a request, with a reason the customer reads: Admin agents only.
#[utoipa::path(
    post,
    path = "/v1/customers/{id}/requests/{requestId}/decline",
    operation_id = "declineRequest",
    tag = TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.", example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("requestId" = uuid::Uuid, Path, description = "The request.", example = "7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d"),
    ),
    request_body = DeclineRequest,
    responses(
        (status = 200, description = "Declined: the request, with the reason.", body = Request),
        (status = 400, description = "No reason, or one too long (code 900044); an id not a GUID (code 900004 or 400).", body = ErrorBody),
        (status = 403, description = "A customer user (code 900029), or a Sales or Helpdesk agent (code 900033).", body = ErrorBody),
        (status = 404, description = "No such customer (code 900003) or request of theirs (code 900040).", body = ErrorBody),
        (status = 409, description = "Approved or declined already (code 900041).", body = ErrorBody),
    )
)]
async fn decline(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(customer, request): PathPair,
    Body(input): Body<DeclineRequest>,
) -> Result<Json<Request>, ApiError> {
    let customer = CustomerId::parse(&customer)?;
    let id = guid(&request, "requestId", RequestId::parse)?;
    let mut writer = state.write();
    caller.partner()?;
    find(&writer.store().requests(&caller, Some(&customer))?, &id)?;
    if let Some(change) = writer.store().decide_decline(&caller, &id, &input.reason, &SecondsClock)? {
        writer.keep(change, None)?;
    }
    Ok(Json(find(&writer.store().requests(&caller, Some(&customer))?, &id)?))
}
