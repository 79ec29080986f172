//! `/v1/customers`: the partner's customers, creating one, and each customer's
//! subscriptions, users and readiness.

use api_types::customer::{
    Customer, CustomerPage, CustomerQuery, Link, LinkHeader, Links, NewCustomer,
    DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE,
};
use api_types::customer_user::CustomerUser;
use api_types::readiness::Readiness;
use api_types::subscription::Subscription;
use api_types::{Attributes, Collection, ErrorBody};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{Change, CustomerId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::{Body, Params, PathId};
use crate::routes::{page_start, remember, replay, request_key};
use crate::state::AppState;

pub const TAG: &str = "Customers";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(read))
        .routes(routes!(subscriptions))
        .routes(routes!(users))
        .routes(routes!(readiness))
}

/// Customers sorted by name, a page at a time; `search` matches name, domain or Microsoft ID.
#[utoipa::path(
    get,
    path = "/v1/customers",
    operation_id = "listCustomers",
    tag = TAG,
    params(
        CustomerQuery,
        ("MS-ContinuationToken" = Option<String>, Header, pattern = "^[0-9]{1,9}$",
            description = "The continuation token, instead of the `continuationToken` parameter."),
    ),
    responses(
        (status = 200, description = "One page of customers, each with its permissions.", body = CustomerPage),
    )
)]
async fn list(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    headers: HeaderMap,
    Params(query): Params<CustomerQuery>,
) -> Result<Json<CustomerPage>, ApiError> {
    let size = query.size.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(ApiError::BadRequest(format!(
            "size must be from 1 to {MAX_PAGE_SIZE}"
        )));
    }
    // Each token sent must be one this server gave; the parameter's wins over the header's.
    let header_token = match headers.get("ms-continuationtoken") {
        Some(value) => Some(page_start(value.to_str().unwrap_or_default(), "MS-ContinuationToken")?),
        None => None,
    };
    let query_token = query.continuation_token.as_deref().map(|t| page_start(t, "continuationToken")).transpose()?;
    let offset = query_token.or(header_token).unwrap_or(0);
    let search = query.search.unwrap_or_default();
    let store = state.read();
    let page = store.customers_page(&caller, &search, offset, size as usize)?;
    let mut items = Vec::with_capacity(page.items.len());
    for summary in &page.items {
        items.push(Customer::listed(store.customer(&caller, &summary.id)?, &summary.permissions));
    }
    let next = offset.saturating_add(items.len());
    let more = next < page.total;
    let links = more.then(|| Links {
        next: Link {
            uri: format!(
                "/v1/customers?size={size}&search={}&continuationToken={next}",
                api_types::encode_query_value(&search)
            ),
            method: "GET".to_string(),
            headers: vec![LinkHeader {
                key: "MS-ContinuationToken".to_string(),
                value: next.to_string(),
            }],
        },
    });
    Ok(Json(CustomerPage {
        total_count: items.len(),
        items,
        total_matches: page.total,
        offset: page.offset,
        continuation_token: more.then(|| next.to_string()),
        links,
        attributes: Attributes::of("Collection"),
    }))
}

/// One customer.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}",
    operation_id = "readCustomer",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The customer.", body = Customer),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Json<Customer>, ApiError> {
    let id = CustomerId::parse(&id)?;
    Ok(Json(Customer::from_domain(
        state.read().customer(&caller, &id)?,
    )))
}

/// What the partner bought for the customer.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/subscriptions",
    operation_id = "listSubscriptions",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The customer's subscriptions.", body = Collection<Subscription>),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn subscriptions(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Json<Collection<Subscription>>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let store = state.read();
    Ok(Json(Collection::of(
        store
            .subscriptions(&caller, &id)?
            .iter()
            .map(Subscription::from_domain)
            .collect(),
    )))
}

/// The people in the customer's tenant, each with the Azure roles they hold on the
/// customer's Azure subscriptions.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/users",
    operation_id = "listCustomerUsers",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The customer's users.", body = Collection<CustomerUser>),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn users(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Json<Collection<CustomerUser>>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let store = state.read();
    Ok(Json(Collection::of(
        store
            .customer_users(&caller, &id)?
            .iter()
            .map(CustomerUser::from_domain)
            .collect(),
    )))
}

/// Whether a purchase by the customer would go through today (this API's addition).
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/readiness",
    operation_id = "readReadiness",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "What a purchase needs, and what the customer has.", body = Readiness),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn readiness(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Json<Readiness>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let readiness = state.read().readiness(&caller, &id)?;
    Ok(Json(Readiness::from_domain(id, &readiness)))
}

/// Create a customer (Admin and Sales agents). Retried with the same `MS-RequestId`, it
/// answers as the first time and creates nothing.
#[utoipa::path(
    post,
    path = "/v1/customers",
    operation_id = "createCustomer",
    tag = TAG,
    params(
        ("MS-RequestId" = Option<String>, Header, format = Uuid,
            description = "Retrying a POST with the same id answers as the first time and creates nothing."),
    ),
    request_body = NewCustomer,
    responses(
        (status = 201, description = "The new customer: no subscriptions, no users, every permission Off.", body = Customer),
        (status = 403, description = "Only Admin and Sales agents can create customers (code 900002); a customer user's token (code 900029).", body = ErrorBody),
        (status = 409, description = "Another customer has this primary domain (code 900006).", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    headers: HeaderMap,
    Body(input): Body<NewCustomer>,
) -> Result<Response, ApiError> {
    let new = input.parse()?;
    let key = request_key(&headers, "POST /v1/customers")?;
    let mut writer = state.write();
    // Who may not create customers gets 403, also when resending someone else's request.
    writer.store().authorize_create_customer(&actor)?;
    if let Some(reply) = writer.earlier_reply(key.as_deref())? {
        return Ok(replay(reply));
    }
    let change = writer.store().decide_create_customer(&actor, new)?;
    let Change::CustomerCreated(customer) = &change else {
        return Err(ApiError::Unprocessable(
            "no customer was created".to_string(),
        ));
    };
    let body = Customer::from_domain(customer);
    let reply = remember(key, StatusCode::CREATED, &body)?;
    writer.keep(change, reply)?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
