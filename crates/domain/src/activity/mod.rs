//! The Activity log: what was changed about customer permissions, by whom and when.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::error::DomainError;
use crate::ids::{CustomerId, PartnerUserId};
use crate::permissions::PermissionSet;
use crate::store::PartnerStore;

/// The Action column of the Activity log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActivityAction {
    /// The first permission was granted: the policy now exists.
    CreateCustomerPurchasePermissions,
    /// The set of permissions changed, and some remain.
    UpdateCustomerPurchasePermissions,
    /// The last permission was revoked: the policy is gone.
    DeleteCustomerPurchasePermissions,
}

impl ActivityAction {
    pub const ALL: [ActivityAction; 3] = [
        Self::CreateCustomerPurchasePermissions,
        Self::UpdateCustomerPurchasePermissions,
        Self::DeleteCustomerPurchasePermissions,
    ];

    /// The audit record's `operationType` in Partner Center's API.
    pub fn operation_type(self) -> &'static str {
        match self {
            Self::CreateCustomerPurchasePermissions => "create_self_serve_policy",
            Self::UpdateCustomerPurchasePermissions => "update_self_serve_policy",
            Self::DeleteCustomerPurchasePermissions => "delete_self_serve_policy",
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
        }
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
    pub partner_user: PartnerUserId,
    pub old_value: PermissionSet,
    pub new_value: PermissionSet,
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
}
