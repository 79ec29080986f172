//! `/v1/notifications`: the partner's notifications of customers' own purchases and
//! requests, each partner user with their own read state. **This API's addition**: Partner
//! Center does not tell a partner of a customer's self-service purchase. Partner users only
//! (a customer user's token: 403).

use api_types::notification::{MarkNotificationsRead, NotificationList};
use api_types::ErrorBody;
use axum::extract::State;
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::Body;
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Notifications (this API's addition)";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(mark_read))
}

/// The caller's notifications, newest first: every reservation or savings plan a customer
/// user bought on their own (not renewals, not the partner's orders) with the amount billed
/// to the partner, and every request a customer user made; with the caller's read flags and
/// unread count.
#[utoipa::path(
    get,
    path = "/v1/notifications",
    operation_id = "listNotifications",
    tag = TAG,
    responses(
        (status = 200, description = "The caller's notifications, newest first.", body = NotificationList),
    )
)]
async fn list(State(state): State<AppState>, PartnerCaller(caller): PartnerCaller) -> Result<Json<NotificationList>, ApiError> {
    let feed = state.read().notifications(&domain::Caller::Partner(caller))?;
    Ok(Json(NotificationList::from_domain(&feed)))
}

/// Marks the caller's notifications read: those named in `ids`, or with `all`, every one
/// there is now. Ids of no notification of the caller's are ignored. Answers the
/// notifications as they are then. Only the caller's read state changes.
#[utoipa::path(
    post,
    path = "/v1/notifications/read",
    operation_id = "markNotificationsRead",
    tag = TAG,
    request_body = MarkNotificationsRead,
    responses(
        (status = 200, description = "Marked: the caller's notifications, newest first.", body = NotificationList),
        (status = 400, description = "The body is not such an object (code 400).", body = ErrorBody),
    )
)]
async fn mark_read(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    Body(input): Body<MarkNotificationsRead>,
) -> Result<Json<NotificationList>, ApiError> {
    let caller = domain::Caller::Partner(caller);
    let mut writer = state.write();
    if let Some(change) = writer.store().decide_mark_read(&caller, input.into_domain(), &SecondsClock)? {
        writer.keep(change, None)?;
    }
    Ok(Json(NotificationList::from_domain(&writer.store().notifications(&caller)?)))
}
