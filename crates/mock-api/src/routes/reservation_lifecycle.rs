//! After the purchase, on Azure's Reservations API routes (api-version 2022-11-01): the price
//! quote before a purchase, the refund quote and the return, the exchange quote and the
//! exchange, and one reservation read and patched (auto-renew, name). Partner Admin agents
//! act on the customer's behalf; a quote's `sessionId` is what its return or exchange is made
//! on. `?approvesRequest=` names the customer's request a change does (this API's addition).
//! The rules (who may, the refund limit, the exchange value) are the domain's.

use api_types::arm::ArmErrorBody;
use api_types::purchase::BillingPlanName;
use api_types::request::ApprovesQuery;
use api_types::reservation::{NewReservationOrder, ReservationOrderResource, ReservationResource};
use api_types::reservation_lifecycle::{
    order_of_reservation, Amount, BenefitPatch, BenefitPatchProperties, CalculateExchangeRequest, CalculateRefundRequest, ExchangeRequest,
    ExchangeResponse, PaymentDue, PriceQuoteProperties, PriceQuoteResponse, RefundQuoteResponse, ReturnRequest,
};
use axum::extract::State;
use axum::Json;
use domain::{BenefitId, BillingPlan, Change, Clock, ExchangeQuote, RequestId, ReservationOrderId};
use time::{Date, Month};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Body, Params, PathId, PathPair};
use crate::routes::guid;
use crate::state::{fresh_id, AppState, Quote, SecondsClock, Writer};

pub const TAG: &str = crate::routes::reservations::TAG;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(calculate_price))
        .routes(routes!(calculate_refund))
        .routes(routes!(return_reservation))
        .routes(routes!(calculate_exchange))
        .routes(routes!(exchange))
        .routes(routes!(read_reservation, patch_reservation))
}

/// The customer's request a change does, if `?approvesRequest=` names one.
pub fn approves(query: &ApprovesQuery) -> Result<Option<RequestId>, ApiError> {
    query.approves_request.as_deref().map(|text| guid(text, "approvesRequest", RequestId::parse)).transpose()
}

/// A purchase's new settings as a PATCH asks for them (auto-renew, name; what it leaves out
/// stays as `renew` and the name are), decided and kept.
pub fn keep_settings(
    writer: &mut Writer<'_>,
    caller: &domain::Caller,
    benefit: BenefitId,
    renew: bool,
    patch: BenefitPatchProperties,
    approves: Option<RequestId>,
) -> Result<(), ApiError> {
    let renew = patch.renew.unwrap_or(renew);
    let decided = writer.store().decide_benefit_settings(caller, benefit, renew, patch.display_name.as_deref(), approves, &SecondsClock)?;
    if let Some(change) = decided {
        writer.keep(change, None)?;
    }
    Ok(())
}

/// What a reservation of a reservation order costs before it is bought: the purchase's body
/// (as `PUT reservationOrders/{id}` takes it) → the total and when it is paid.
#[utoipa::path(
    post,
    path = "/providers/Microsoft.Capacity/calculatePrice",
    operation_id = "calculateReservationPrice",
    tag = TAG,
    request_body = NewReservationOrder,
    responses(
        (status = 200, description = "The price: the total billed, and each payment (one upfront, or one a month).", body = PriceQuoteResponse),
        (status = 422, description = "A `Single` scope without its subscription (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn calculate_price(
    Caller(_caller): Caller,
    Body(input): Body<NewReservationOrder>,
) -> Result<Json<PriceQuoteResponse>, ApiError> {
    let id = ReservationOrderId::from_uuid(fresh_id());
    let request = input.into_domain(id).map_err(ApiError::Unprocessable)?;
    request.check()?;
    let price = domain::purchases::catalog::reservation_price(request.size, request.region, request.term, request.quantity);
    let today = SecondsClock.now().date();
    let payments = match request.billing_plan {
        BillingPlan::Upfront => vec![(today, price.total)],
        BillingPlan::Monthly => (0..request.term.months()).map(|k| (months_after(today, k), price.per_month)).collect(),
    };
    Ok(Json(PriceQuoteResponse {
        properties: PriceQuoteProperties {
            billing_currency_total: Amount::usd(price.total),
            pricing_currency_total: Amount::usd(price.total),
            reservation_order_id: id.to_string(),
            is_billing_partner_managed: true,
            is_tax_included: false,
            sku_title: format!("Reserved VM Instance, {}", request.size.sku_name()),
            payment_schedule: payments
                .into_iter()
                .map(|(due, amount)| PaymentDue {
                    due_date: domain::dates::format_date(due),
                    billing_currency_total: Amount::usd(amount),
                    status: "Scheduled".to_string(),
                })
                .collect(),
        },
    }))
}

/// The same day `months` months after `date` (the 28th at most, so every month has it).
fn months_after(date: Date, months: u64) -> Date {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month()) - 1) + months as i64;
    let (year, month) = (index.div_euclid(12) as i32, index.rem_euclid(12) as u8 + 1);
    Month::try_from(month)
        .ok()
        .and_then(|month| Date::from_calendar_date(year, month, date.day().min(28)).ok())
        .unwrap_or(date)
}

/// The reservation order named in the path, and the one named in the body: the same.
fn same_order(path: &ReservationOrderId, named: &str) -> Result<(), ApiError> {
    match order_of_reservation(named) {
        Some(order) if order == *path => Ok(()),
        _ => Err(ApiError::Unprocessable("reservationToReturn.reservationId names another reservation order than the path".to_string())),
    }
}

/// What returning (part of) a reservation would refund now, and the customer's refund limit:
/// any partner user; a customer user is told to ask the partner (code
/// CustomerCannotManagePurchase).
#[utoipa::path(
    post,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}/calculateRefund",
    operation_id = "calculateRefund",
    tag = TAG,
    params(("reservationOrderId" = uuid::Uuid, Path, description = "The reservation order.",
        example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11")),
    request_body = CalculateRefundRequest,
    responses(
        (status = 200, description = "The refund (the remaining prorated value at the lower of the price paid and today's) and the limit: USD 50,000 per customer in any 12 months. Beyond it, `policyErrors` has `RefundLimitExceeded`.", body = RefundQuoteResponse),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase).", body = ArmErrorBody),
        (status = 404, description = "No reservation order the caller may see has this id (code ReservationOrderNotFound).", body = ArmErrorBody),
        (status = 409, description = "The reservation is no longer active (code ReservationNotActive).", body = ArmErrorBody),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 422, description = "More instances than the reservation has (code QuantityNotAvailable), or the body names another reservation order than the path (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn calculate_refund(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
    Body(input): Body<CalculateRefundRequest>,
) -> Result<Json<RefundQuoteResponse>, ApiError> {
    let id = guid(&id, "reservationOrderId", ReservationOrderId::parse)?;
    let asked = &input.properties.reservation_to_return;
    let store = state.read();
    let reservation = store.reservation(&caller, &id)?;
    let quote = store.quote_refund(&caller, &id, asked.quantity, SecondsClock.now())?;
    same_order(&id, &asked.reservation_id)?;
    drop(store);
    let paid = domain::Price {
        per_month: reservation.price.per_month.per(u64::from(reservation.quantity.max(1))).times(u64::from(quote.quantity)),
        total: reservation.price.total.per(u64::from(reservation.quantity.max(1))).times(u64::from(quote.quantity)),
    };
    let session = state.keep_quote(Quote::Refund { order: id, quantity: quote.quantity });
    Ok(Json(RefundQuoteResponse::from_domain(&session.to_string(), &quote, &paid, BillingPlanName::from(reservation.billing_plan))))
}

/// Return (cancel) a reservation, refunded, on a refund quote's session: Admin agents only.
/// Beyond the refund limit it is refused with the limit named; then nothing changes.
#[utoipa::path(
    post,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}/return",
    operation_id = "returnReservation",
    tag = TAG,
    params(("reservationOrderId" = uuid::Uuid, Path, description = "The reservation order.",
        example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11"), ApprovesQuery),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "Returned: the reservation order as it is now (`Cancelled` when all of it was returned).", body = ReservationOrderResource),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase), or a Sales or Helpdesk agent (code NotAllowedToManagePurchases).", body = ArmErrorBody),
        (status = 404, description = "No such reservation order (code ReservationOrderNotFound), no quote has this session (code QuoteNotFound), or no such request to approve (code RequestNotFound).", body = ArmErrorBody),
        (status = 409, description = "Beyond the refund limit (code RefundLimitExceeded), the reservation no longer active (code ReservationNotActive), or the request approved asks for something else (code RequestMismatch) or was decided (code RequestDecided).", body = ArmErrorBody),
        (status = 422, description = "More instances than the reservation has (code QuantityNotAvailable), or the session was quoted for another reservation or quantity, or is an exchange's (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn return_reservation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(id): PathId,
    Params(query): Params<ApprovesQuery>,
    Body(input): Body<ReturnRequest>,
) -> Result<Json<ReservationOrderResource>, ApiError> {
    let id = guid(&id, "reservationOrderId", ReservationOrderId::parse)?;
    let approves = approves(&query)?;
    let asked = &input.properties;
    let mut writer = state.write();
    // Who may is decided before the session is looked at: a customer user is told to ask.
    writer.store().quote_refund(&caller, &id, asked.reservation_to_return.quantity, SecondsClock.now())?;
    let Quote::Refund { order, quantity } = state.quote(&asked.session_id)? else {
        return Err(ApiError::Unprocessable("the session is an exchange quote's, not a refund quote's".to_string()));
    };
    same_order(&id, &asked.reservation_to_return.reservation_id)?;
    if order != id || quantity != asked.reservation_to_return.quantity {
        return Err(ApiError::Unprocessable("the session was quoted for another reservation or quantity".to_string()));
    }
    if let Some(change) = writer.store().decide_return(&caller, &id, quantity, approves, &SecondsClock)? {
        writer.keep(change, None)?;
    }
    state.end_quote(&asked.session_id);
    let returned = writer.store().reservation(&caller, &id)?;
    Ok(Json(ReservationOrderResource::from_domain(&returned).with_origin(&writer.store().placed_by(&returned), &writer.store().customer_name(&returned.customer_id))))
}

/// What exchanging (part of) a reservation for a new one would come to: the remaining value
/// returned, the new reservation's price, and what is payable on top. No fee; it does not
/// count against the refund limit. The new reservation must be worth at least what is
/// returned (otherwise `policyErrors` has `ExchangeBelowReturnedValue`).
#[utoipa::path(
    post,
    path = "/providers/Microsoft.Capacity/calculateExchange",
    operation_id = "calculateExchange",
    tag = TAG,
    request_body = CalculateExchangeRequest,
    responses(
        (status = 200, description = "The quote, with its `sessionId`.", body = ExchangeResponse),
        (status = 400, description = "A name not acceptable (code InvalidPurchaseRequest).", body = ArmErrorBody),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase).", body = ArmErrorBody),
        (status = 404, description = "No such reservation order (code ReservationOrderNotFound), or a subscription not the customer's (code SubscriptionNotFound).", body = ArmErrorBody),
        (status = 409, description = "The reservation is no longer active (code ReservationNotActive).", body = ArmErrorBody),
        (status = 422, description = "More instances than the reservation has (code QuantityNotAvailable); not exactly one reservation to return and one to buy, a savings plan to buy, or a `Single` scope without its subscription (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn calculate_exchange(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Body(input): Body<CalculateExchangeRequest>,
) -> Result<Json<ExchangeResponse>, ApiError> {
    let p = input.properties;
    if !p.savings_plans_to_purchase.is_empty() {
        return Err(ApiError::Unprocessable("an exchange here buys a reservation, not a savings plan".to_string()));
    }
    let ([returning], [purchase]) = (p.reservations_to_exchange.as_slice(), p.reservations_to_purchase.as_slice()) else {
        return Err(ApiError::Unprocessable("an exchange returns one reservation and buys one".to_string()));
    };
    let order = order_of_reservation(&returning.reservation_id)
        .ok_or_else(|| ApiError::Unprocessable("reservationsToExchange[0].reservationId names no reservation".to_string()))?;
    let purchase = purchase.clone().into_domain(ReservationOrderId::from_uuid(fresh_id())).map_err(ApiError::Unprocessable)?;
    let quote = state.read().quote_exchange(&caller, &order, returning.quantity, purchase.clone(), SecondsClock.now())?;
    let session = state.keep_quote(Quote::Exchange { order, quantity: quote.quantity, purchase });
    Ok(Json(ExchangeResponse::from_domain(&session.to_string(), &quote, None)))
}

/// Exchange on an exchange quote's session: the reservation (or part of it) returned and the
/// new one bought for the customer, its order placed by the Admin agent.
#[utoipa::path(
    post,
    path = "/providers/Microsoft.Capacity/exchange",
    operation_id = "exchange",
    tag = TAG,
    params(ApprovesQuery),
    request_body = ExchangeRequest,
    responses(
        (status = 200, description = "Exchanged: what was returned and what was bought (its `reservationOrderId`).", body = ExchangeResponse),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase), or a Sales or Helpdesk agent (code NotAllowedToManagePurchases).", body = ArmErrorBody),
        (status = 404, description = "No quote has this session (code QuoteNotFound), or no such request to approve (code RequestNotFound).", body = ArmErrorBody),
        (status = 409, description = "A new reservation worth less than what is returned (code ExchangeBelowReturnedValue), the reservation no longer active (code ReservationNotActive), its new id taken (code PurchaseIdTaken), or the request approved asks for something else (code RequestMismatch).", body = ArmErrorBody),
        (status = 422, description = "The session is a refund quote's (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn exchange(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Params(query): Params<ApprovesQuery>,
    Body(input): Body<ExchangeRequest>,
) -> Result<Json<ExchangeResponse>, ApiError> {
    let approves = approves(&query)?;
    let session = input.properties.session_id;
    let mut writer = state.write();
    let Quote::Exchange { order, quantity, purchase } = state.quote(&session)? else {
        return Err(ApiError::Unprocessable("the session is a refund quote's, not an exchange quote's".to_string()));
    };
    let change = writer.store().decide_exchange(&caller, &order, quantity, purchase.clone(), approves, &SecondsClock)?;
    let Some(Change::ReservationExchanged(done)) = change else {
        return Err(ApiError::Storage("an exchange decided no exchange".to_string()));
    };
    let quote = ExchangeQuote {
        returning: done.returned,
        quantity: done.quantity,
        returned_value: done.returned_value,
        purchase,
        purchase_total: done.reservation.price.total,
    };
    let new_order = done.reservation.id;
    writer.keep(Change::ReservationExchanged(done), None)?;
    state.end_quote(&session);
    Ok(Json(ExchangeResponse::from_domain(&session, &quote, Some(&new_order))))
}

/// The reservation order and reservation of a reservation's path (the reservation id is
/// the order's one reservation's: 404 otherwise).
fn reservation_ids(order: &str, reservation: &str) -> Result<ReservationOrderId, ApiError> {
    let id = guid(order, "reservationOrderId", ReservationOrderId::parse)?;
    let reservation = guid(reservation, "reservationId", |t| uuid::Uuid::try_parse(t).ok())?;
    if reservation != id.reservation_id() {
        return Err(domain::DomainError::UnknownReservation(id).into());
    }
    Ok(id)
}

/// A reservation: to any partner user, and to the users of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}/reservations/{reservationId}",
    operation_id = "readReservation",
    tag = TAG,
    params(
        ("reservationOrderId" = uuid::Uuid, Path, description = "The reservation order.", example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11"),
        ("reservationId" = uuid::Uuid, Path, description = "Its reservation.", example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10"),
    ),
    responses(
        (status = 200, description = "The reservation.", body = ReservationResource),
        (status = 400, description = "An id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No reservation the caller may see has this id (code ReservationOrderNotFound).", body = ArmErrorBody),
    )
)]
async fn read_reservation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(order, reservation): PathPair,
) -> Result<Json<ReservationResource>, ApiError> {
    let id = reservation_ids(&order, &reservation)?;
    Ok(Json(ReservationResource::from_domain(&state.read().reservation(&caller, &id)?)))
}

/// Change a reservation's auto-renew (the follow-on reservation keeps product, region, scope
/// and term, and starts when this one expires) or name: Admin agents only.
#[utoipa::path(
    patch,
    path = "/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}/reservations/{reservationId}",
    operation_id = "updateReservation",
    tag = TAG,
    params(
        ("reservationOrderId" = uuid::Uuid, Path, description = "The reservation order.", example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11"),
        ("reservationId" = uuid::Uuid, Path, description = "Its reservation.", example = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c10"),
        ApprovesQuery,
    ),
    request_body = BenefitPatch,
    responses(
        (status = 200, description = "The reservation as it is now.", body = ReservationResource),
        (status = 403, description = "A customer user (code CustomerCannotManagePurchase) or a Sales or Helpdesk agent (code NotAllowedToManagePurchases).", body = ArmErrorBody),
        (status = 400, description = "A name not acceptable (code InvalidPurchaseRequest).", body = ArmErrorBody),
        (status = 404, description = "No such reservation (code ReservationOrderNotFound), or no such request to approve (code RequestNotFound).", body = ArmErrorBody),
        (status = 409, description = "The reservation is no longer active (code ReservationNotActive), or the request approved asks for something else (code RequestMismatch).", body = ArmErrorBody),
    )
)]
async fn patch_reservation(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(order, reservation): PathPair,
    Params(query): Params<ApprovesQuery>,
    Body(input): Body<BenefitPatch>,
) -> Result<Json<ReservationResource>, ApiError> {
    let id = reservation_ids(&order, &reservation)?;
    let approves = approves(&query)?;
    let mut writer = state.write();
    let renew = writer.store().reservation(&caller, &id)?.renew;
    keep_settings(&mut writer, &caller, BenefitId::Reservation(id), renew, input.properties, approves)?;
    Ok(Json(ReservationResource::from_domain(&writer.store().reservation(&caller, &id)?)))
}
