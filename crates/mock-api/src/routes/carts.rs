//! `/v1/customers/{id}/carts`: how the partner buys for a customer, as in Partner Center: a
//! cart with the Azure plan, then its checkout, which places the order. Carts are kept in
//! the data file; one can be checked out once, within 7 days of its creation.

use api_types::cart::{Cart, CartCheckoutResult, CartStatus, NewCart};
use api_types::order::Order;
use api_types::ErrorBody;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{Change, Clock, CustomerId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::{Body, PathId, PathPair};
use crate::routes::{guid, remember, replay, request_key};
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Carts";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(read))
        .routes(routes!(checkout))
}

/// The customer and cart a path names.
fn ids(id: &str, cart: &str) -> Result<(CustomerId, uuid::Uuid), ApiError> {
    Ok((CustomerId::parse(id)?, guid(cart, "cartId", |t| uuid::Uuid::try_parse(t.trim()).ok())?))
}

/// Create a cart (Admin and Sales agents). Only the Azure plan is sold here: one line,
/// `catalogItemId` `DZH318Z0BPS6:0001:DZH318Z0BML6`, quantity 1, billing cycle `one_time`.
/// Retried with the same `MS-RequestId`, it answers as the first time and creates nothing.
#[utoipa::path(
    post,
    path = "/v1/customers/{id}/carts",
    operation_id = "createCart",
    tag = TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
            example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("MS-RequestId" = Option<String>, Header, format = Uuid,
            description = "Retrying a POST with the same id answers as the first time and creates nothing."),
    ),
    request_body = NewCart,
    responses(
        (status = 201, description = "The cart, to check out within 7 days.", body = Cart),
        (status = 403, description = "A Helpdesk agent (code 900009) or a customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
        (status = 422, description = "Not a cart that can be bought here (code 900011).", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    PathId(id): PathId,
    headers: HeaderMap,
    Body(new): Body<NewCart>,
) -> Result<Response, ApiError> {
    let customer = CustomerId::parse(&id)?;
    let key = request_key(&headers, &format!("POST /v1/customers/{customer}/carts"))?;
    let mut writer = state.write();
    writer.store().authorize_order(&actor)?;
    if let Some(reply) = writer.earlier_reply(key.as_deref())? {
        return Ok(replay(reply));
    }
    writer.store().check_cart(&actor, &customer, &new.items())?;
    let cart = Cart::new(writer.new_cart_id(), &new, actor.as_str(), SecondsClock.now());
    let reply = remember(key, StatusCode::CREATED, &cart)?;
    writer.keep_cart(&customer, &cart, reply)?;
    Ok((StatusCode::CREATED, Json(cart)).into_response())
}

/// One of the customer's carts.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/carts/{cartId}",
    operation_id = "readCart",
    tag = TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
            example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("cartId" = uuid::Uuid, Path, description = "The cart's id.",
            example = "c0a1b2c3-d4e5-4f60-8172-839405a6b7c8"),
    ),
    responses(
        (status = 200, description = "The cart: `Active`, or `Ordered` once checked out.", body = Cart),
        (status = 400, description = "An id is not a GUID (code 900004 or 400).", body = ErrorBody),
        (status = 403, description = "A customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No such customer (code 900003) or cart (code 900026).", body = ErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathPair(id, cart): PathPair,
) -> Result<Json<Cart>, ApiError> {
    let (customer, cart_id) = ids(&id, &cart)?;
    let writer = state.write();
    writer.store().customer(&caller, &customer)?;
    writer.cart(&customer, &cart_id)?.map(Json).ok_or(ApiError::CartNotFound(cart))
}

/// Check a cart out (Admin and Sales agents): the order is placed, the Azure plan and its
/// first Azure subscription exist. Refused for a customer who has an Azure plan already, and
/// for a cart that is unknown, expired or checked out already. Retried with the same
/// `MS-RequestId`, it answers as the first time and orders nothing more.
#[utoipa::path(
    post,
    path = "/v1/customers/{id}/carts/{cartId}/checkout",
    operation_id = "checkoutCart",
    tag = TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
            example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("cartId" = uuid::Uuid, Path, description = "The cart's id.",
            example = "c0a1b2c3-d4e5-4f60-8172-839405a6b7c8"),
        ("MS-RequestId" = Option<String>, Header, format = Uuid,
            description = "Retrying a POST with the same id answers as the first time and orders nothing more."),
    ),
    responses(
        (status = 201, description = "The order placed.", body = CartCheckoutResult),
        (status = 400, description = "An id is not a GUID (code 900004 or 400).", body = ErrorBody),
        (status = 403, description = "A Helpdesk agent (code 900009) or a customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No such customer (code 900003) or cart (code 900026).", body = ErrorBody),
        (status = 409, description = "The customer has an Azure plan already (code 900012), the cart expired (code 900027) or was checked out (code 900028).", body = ErrorBody),
        (status = 422, description = "Not a cart that can be bought here (code 900011).", body = ErrorBody),
    )
)]
async fn checkout(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    PathPair(id, cart): PathPair,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (customer, cart_id) = ids(&id, &cart)?;
    let key = request_key(&headers, &format!("POST /v1/customers/{customer}/carts/{cart_id}/checkout"))?;
    let mut writer = state.write();
    writer.store().authorize_order(&actor)?;
    if let Some(reply) = writer.earlier_reply(key.as_deref())? {
        return Ok(replay(reply));
    }
    writer.store().customer(&actor, &customer)?;
    let mut found = writer.cart(&customer, &cart_id)?.ok_or(ApiError::CartNotFound(cart))?;
    if found.status == CartStatus::Ordered {
        return Err(ApiError::CartCheckedOut);
    }
    let now = SecondsClock.now();
    if found.is_expired(now) {
        return Err(ApiError::CartExpired);
    }
    let change = writer.store().decide_order_azure_plan(&actor, &customer, &found.items(), &SecondsClock)?;
    let Change::AzurePlanOrdered(ordered) = &change else {
        return Err(ApiError::Unprocessable("nothing was ordered".to_string()));
    };
    let body = CartCheckoutResult::of(vec![Order::from_domain(&ordered.order)]);
    found.status = CartStatus::Ordered;
    found.last_modified_timestamp = api_types::datetime::format(now);
    found.last_modified_user = actor.as_str().to_string();
    let reply = remember(key, StatusCode::CREATED, &body)?;
    writer.keep_checkout(change, &customer, &found, reply)?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
