//! `/providers/Microsoft.Capacity/reservationOrders`: Azure reservations a customer user
//! buys on their own, billed to the partner, in Azure Resource Manager's shape. The rules
//! (the partner's permission, an Azure plan, Owner of the subscription) are the domain's.

use api_types::arm::{ArmErrorBody, ArmList};
use api_types::reservation::{NewReservationOrder, PurchasesQuery, ReservationOrderResource, RESERVATION_ORDERS_PATH};
use axum::extract::State;
use axum::Json;
use domain::{BenefitItem, Caller as DomainCaller, ReservationOrderId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{Caller, CustomerCaller};
use crate::error::ApiError;
use crate::extract::{Body, Params, PathId};
use crate::routes::{guid, purchases_page};
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Reservations";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(read, purchase))
}

/// Reservation orders, newest first, a page at a time: a customer user's company's; a partner
/// user's of every customer, or of the one `customerId` names.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.Capacity/reservationOrders",
    operation_id = "listReservationOrders",
    tag = TAG,
    params(PurchasesQuery),
    responses(
        (status = 200, description = "The reservation orders, newest first; `nextLink` when more follow.", body = ArmList<ReservationOrderResource>),
        (status = 404, description = "No customer the caller may see has this id (code CustomerNotFound).", body = ArmErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Params(query): Params<PurchasesQuery>,
) -> Result<Json<ArmList<ReservationOrderResource>>, ApiError> {
    let page = purchases_page(&state, &caller, &query, RESERVATION_ORDERS_PATH, |bought| match &bought.item {
        BenefitItem::Reservation(r) => Some(ReservationOrderResource::from_domain(r).with_origin(&bought.placed_by, &bought.customer_name)),
        BenefitItem::SavingsPlan(_) => None,
    })?;
    Ok(Json(page))
}

/// One reservation order: to any partner user, and to the users of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}",
    operation_id = "readReservationOrder",
    tag = TAG,
    params(("reservationOrderId" = uuid::Uuid, Path, description = "The reservation order's id.",
        example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11")),
    responses(
        (status = 200, description = "The reservation order.", body = ReservationOrderResource),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No reservation order the caller may see has this id (code ReservationOrderNotFound).", body = ArmErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
) -> Result<Json<ReservationOrderResource>, ApiError> {
    let id = guid(&id, "reservationOrderId", ReservationOrderId::parse)?;
    let store = state.read();
    let found = store.reservation(&caller, &id)?;
    Ok(Json(ReservationOrderResource::from_domain(&found).with_origin(&store.placed_by(&found), &store.customer_name(&found.customer_id))))
}

/// Buy a reservation (customer users only), billed to the partner: 200 with the new order
/// (as Azure answers a purchase that completed), and 200 with it again when this reservation
/// order exists already (nothing more is bought).
/// Refused when the partner has not allowed it, without an Azure plan, for a subscription
/// that is not the buyer's, and when the buyer is not its Owner; then nothing is bought
/// and nothing logged.
#[utoipa::path(
    put,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}",
    operation_id = "purchaseReservationOrder",
    tag = TAG,
    params(("reservationOrderId" = uuid::Uuid, Path, description = "A new GUID, chosen by the buyer.",
        example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")),
    request_body = NewReservationOrder,
    responses(
        (status = 200, description = "Bought: the reservation order, and what the partner is billed (the same again when it was bought already: nothing more is bought).", body = ReservationOrderResource),
        (status = 403, description = "The partner has not allowed it (code PurchaseNotAllowedByPartner), no active Azure plan (code NoEligibleSubscriptions), the buyer is not Owner (code NotOwnerOfSubscription), or a partner user's token (code CustomerUsersOnly).", body = ArmErrorBody),
        (status = 404, description = "The subscription is not one of the buyer's (code SubscriptionNotFound).", body = ArmErrorBody),
        (status = 409, description = "Another customer bought under this id (code PurchaseIdTaken).", body = ArmErrorBody),
        (status = 422, description = "A `Single` scope without its subscription (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn purchase(
    State(state): State<AppState>,
    CustomerCaller(buyer): CustomerCaller,
    PathId(id): PathId,
    Body(input): Body<NewReservationOrder>,
) -> Result<Json<ReservationOrderResource>, ApiError> {
    let id = guid(&id, "reservationOrderId", ReservationOrderId::parse)?;
    let request = input.into_domain(id).map_err(ApiError::Unprocessable)?;
    let mut writer = state.write();
    if let Some(change) = writer.store().decide_reservation_purchase(&buyer, request, &SecondsClock)? {
        writer.keep(change, None)?;
    }
    let bought = writer.store().reservation(&DomainCaller::Customer(buyer), &id)?;
    Ok(Json(ReservationOrderResource::from_domain(&bought).with_origin(&writer.store().placed_by(&bought), &writer.store().customer_name(&bought.customer_id))))
}
