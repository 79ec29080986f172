//! The Activity log: what was changed about customers' purchases and what they need (their
//! permissions, Azure plans, Azure roles), what customers bought, by whom and when.

mod detail;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::caller::Caller;
use crate::error::DomainError;
use crate::ids::{CustomerId, CustomerUpn, PartnerUserId};
use crate::permissions::PermissionSet;
use crate::store::PartnerStore;

pub use detail::ActivityDetail;

/// The Action column of the Activity log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityAction {
    /// The first permission was granted: the policy now exists.
    CreateCustomerPurchasePermissions,
    /// The set of permissions changed, and some remain.
    UpdateCustomerPurchasePermissions,
    /// The last permission was revoked: the policy is gone.
    DeleteCustomerPurchasePermissions,
    /// An order: the partner bought an Azure plan, or a customer user bought a reservation
    /// or a savings plan on their own.
    CreateOrder,
    /// A customer user was given an Azure role on an Azure subscription.
    CreateRoleAssignment,
    /// A customer user's Azure role on an Azure subscription was removed.
    DeleteRoleAssignment,
    /// The partner returned (cancelled) a customer's reservation, or part of it: refunded.
    CancelReservation,
    /// The partner exchanged a customer's reservation for a new one.
    ExchangeReservation,
    /// The partner changed a reservation's auto-renew.
    UpdateReservation,
    /// The partner changed a savings plan's auto-renew or name.
    UpdateSavingsPlan,
}

impl ActivityAction {
    pub const ALL: [ActivityAction; 10] = [
        Self::CreateCustomerPurchasePermissions,
        Self::UpdateCustomerPurchasePermissions,
        Self::DeleteCustomerPurchasePermissions,
        Self::CreateOrder,
        Self::CreateRoleAssignment,
        Self::DeleteRoleAssignment,
        Self::CancelReservation,
        Self::ExchangeReservation,
        Self::UpdateReservation,
        Self::UpdateSavingsPlan,
    ];

    /// The audit record's `operationType` in Partner Center's API.
    pub fn operation_type(self) -> &'static str {
        match self {
            Self::CreateCustomerPurchasePermissions => "create_self_serve_policy",
            Self::UpdateCustomerPurchasePermissions => "update_self_serve_policy",
            Self::DeleteCustomerPurchasePermissions => "delete_self_serve_policy",
            Self::CreateOrder => "create_order",
            Self::CreateRoleAssignment => "create_role_assignment",
            Self::DeleteRoleAssignment => "delete_role_assignment",
            Self::CancelReservation => "cancel_reservation",
            Self::ExchangeReservation => "exchange_reservation",
            Self::UpdateReservation => "update_reservation",
            Self::UpdateSavingsPlan => "update_savings_plan",
        }
    }

    /// The audit record's `resourceType`.
    pub fn resource_type(self) -> &'static str {
        match self {
            Self::CreateCustomerPurchasePermissions
            | Self::UpdateCustomerPurchasePermissions
            | Self::DeleteCustomerPurchasePermissions => "self_serve_policy",
            Self::CreateOrder => "order",
            Self::CreateRoleAssignment | Self::DeleteRoleAssignment => "role_assignment",
            Self::CancelReservation | Self::ExchangeReservation | Self::UpdateReservation => "reservation",
            Self::UpdateSavingsPlan => "savings_plan",
        }
    }

    pub fn from_operation_type(operation_type: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.operation_type() == operation_type)
    }

    /// Partner Center's own name of the action, which the Activity log shows as it is in
    /// every language.
    pub fn partner_center_name(self) -> &'static str {
        match self {
            Self::CreateCustomerPurchasePermissions => "Create Customer Purchase Permissions",
            Self::UpdateCustomerPurchasePermissions => "Update Customer Purchase Permissions",
            Self::DeleteCustomerPurchasePermissions => "Delete Customer Purchase Permissions",
            Self::CreateOrder => "Create Order",
            Self::CreateRoleAssignment => "Create Role Assignment",
            Self::DeleteRoleAssignment => "Delete Role Assignment",
            Self::CancelReservation => "Cancel Reservation",
            Self::ExchangeReservation => "Exchange Reservation",
            Self::UpdateReservation => "Update Reservation",
            Self::UpdateSavingsPlan => "Update Savings Plan",
        }
    }

    /// Whether this action changed customer permissions (and so has old and new values).
    pub fn is_permissions(self) -> bool {
        self.resource_type() == "self_serve_policy"
    }

    /// The action a change from `old` to `new` is logged as; `None` when nothing changed.
    pub fn for_change(old: &PermissionSet, new: &PermissionSet) -> Option<Self> {
        match (old.is_empty(), new.is_empty()) {
            _ if old == new => None,
            (true, false) => Some(Self::CreateCustomerPurchasePermissions),
            (false, true) => Some(Self::DeleteCustomerPurchasePermissions),
            _ => Some(Self::UpdateCustomerPurchasePermissions),
        }
    }
}

/// One row of the Activity log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityRecord {
    pub id: u64,
    #[serde(with = "time::serde::timestamp")]
    pub at: OffsetDateTime,
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub action: ActivityAction,
    /// The partner user who did it (`None`: a customer user did).
    pub partner_user: Option<PartnerUserId>,
    /// The customer user who did it, for what customers do on their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_user: Option<CustomerUpn>,
    /// The permissions before and after (empty for other actions).
    #[serde(default)]
    pub old_value: PermissionSet,
    #[serde(default)]
    pub new_value: PermissionSet,
    /// What an order or a role assignment was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ActivityDetail>,
}

impl ActivityRecord {
    /// Who did it: their user principal name.
    pub fn user_principal_name(&self) -> &str {
        match (&self.partner_user, &self.customer_user) {
            (Some(partner), _) => partner.as_str(),
            (None, Some(customer)) => customer.as_str(),
            (None, None) => "",
        }
    }

    /// Who did it.
    pub fn by(&self) -> Option<Caller> {
        match (&self.partner_user, &self.customer_user) {
            (Some(partner), _) => Some(Caller::Partner(partner.clone())),
            (None, Some(customer)) => Some(Caller::Customer(customer.clone())),
            (None, None) => None,
        }
    }
}

impl PartnerStore {
    /// Activity records dated from `from` to `to` (both included, UTC), newest first.
    pub fn activity(&self, caller: &PartnerUserId, from: Date, to: Date) -> Result<Vec<ActivityRecord>, DomainError> {
        self.partner_user(caller)?;
        let mut records: Vec<ActivityRecord> =
            self.activity.iter().filter(|r| (from..=to).contains(&r.at.date())).cloned().collect();
        records.sort_unstable_by_key(|r| std::cmp::Reverse((r.at, r.id)));
        Ok(records)
    }

    /// The next Activity record about `customer`, for a change other than permissions.
    pub(crate) fn record(
        &self,
        at: OffsetDateTime,
        customer: &CustomerId,
        action: ActivityAction,
        by: Caller,
        detail: Option<ActivityDetail>,
    ) -> Result<ActivityRecord, DomainError> {
        let customer_name = self.customers.entry(customer)?.name().to_string();
        let (partner_user, customer_user) = match by {
            Caller::Partner(id) => (Some(id), None),
            Caller::Customer(upn) => (None, Some(upn)),
        };
        Ok(ActivityRecord {
            id: self.next_record_id,
            at,
            customer_id: *customer,
            customer_name,
            action,
            partner_user,
            customer_user,
            old_value: PermissionSet::new(),
            new_value: PermissionSet::new(),
            detail,
        })
    }
}
