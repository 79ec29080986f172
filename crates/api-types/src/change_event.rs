//! `GET /v1/events`: every kept change, as server-sent events (**this API's addition**).
//! Each event is `event: change`, `id:` its place in the stream, and `data:` a
//! [`ChangeEvent`]: which customer and what kind of thing changed, so a client reads again
//! only that. A partner user's stream carries every customer's changes; a customer user's,
//! only their company's. After a reconnection the server sends what was missed after
//! `Last-Event-ID`; when it cannot (it restarted, or the gap is too old) it sends one event
//! of kind `everything`: read it all again.

use domain::{Change, CustomerId};
use serde::{Deserialize, Serialize};

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// A customer's purchase permissions (its self-serve policy, the Activity log).
    Permissions,
    /// A customer was created.
    Customer,
    /// An order placed by the partner (an Azure plan) and the subscription it made.
    AzurePlan,
    /// An Azure role given or removed.
    RoleAssignment,
    /// A reservation or savings plan bought, returned, exchanged, renewed, changed or ended
    /// (with its order and its record).
    Purchase,
    /// A customer's request to the partner, made or decided.
    Request,
    /// A partner user read their notifications.
    Notifications,
    /// Anything may have changed (the data was reset or restored, or events were missed).
    Everything,
}

/// One kept change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ChangeEvent {
    /// The customer it is about (none: every customer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Uuid))]
    pub customer_id: Option<CustomerId>,
    pub kind: ChangeKind,
}

impl ChangeEvent {
    /// Read everything again.
    pub const EVERYTHING: Self = Self { customer_id: None, kind: ChangeKind::Everything };

    pub fn of(change: &Change) -> Self {
        let kind = match change {
            Change::Permissions(_) => ChangeKind::Permissions,
            Change::CustomerCreated(_) => ChangeKind::Customer,
            Change::AzurePlanOrdered(_) => ChangeKind::AzurePlan,
            Change::RoleAssigned(_) | Change::RoleRemoved(_) => ChangeKind::RoleAssignment,
            Change::ReservationPurchased(_)
            | Change::SavingsPlanPurchased(_)
            | Change::ReservationReturned(_)
            | Change::ReservationExchanged(_)
            | Change::BenefitUpdated(_)
            | Change::BenefitExpired(_) => ChangeKind::Purchase,
            Change::RequestMade(_) | Change::RequestDeclined(_) => ChangeKind::Request,
            Change::NotificationsRead(_) => ChangeKind::Notifications,
        };
        Self { customer_id: change.customer_id(), kind }
    }
}
