//! `/v1/customers/{id}/orders`: every order of a customer, the partner's and the customer's
//! own purchases, each with who placed it.

use api_types::order::Order;
use api_types::{Collection, ErrorBody};
use axum::extract::State;
use axum::Json;
use domain::{CustomerId, OrderId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::{PathId, PathPair};
use crate::routes::guid;
use crate::state::AppState;

pub const TAG: &str = "Orders";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(read))
}

/// Every order of the customer, newest first: what the partner bought and what the
/// customer's users bought on their own (billed to the partner either way).
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/orders",
    operation_id = "listOrders",
    tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
        example = "e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The customer's orders, newest first.", body = Collection<Order>),
        (status = 400, description = "The id is not a GUID (code 900004).", body = ErrorBody),
        (status = 403, description = "A customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Json<Collection<Order>>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let orders = state.read().orders(&caller, &id)?;
    Ok(Json(Collection::of(orders.iter().map(Order::from_domain).collect())))
}

/// One order of the customer.
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/orders/{orderId}",
    operation_id = "readOrder",
    tag = TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
            example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("orderId" = uuid::Uuid, Path, description = "The order's id.",
            example = "4b1f0a3c-2d5e-4f60-8a7b-9c0d1e2f3a4b"),
    ),
    responses(
        (status = 200, description = "The order.", body = Order),
        (status = 400, description = "An id is not a GUID (code 900004 or 400).", body = ErrorBody),
        (status = 403, description = "A customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No such customer (code 900003) or order (code 900015).", body = ErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathPair(id, order): PathPair,
) -> Result<Json<Order>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let order = guid(&order, "orderId", OrderId::parse)?;
    Ok(Json(Order::from_domain(&state.read().order(&caller, &id, &order)?)))
}
