//! What the Activity log records about customer permissions.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::ids::{CustomerId, PartnerUserId};
use crate::self_serve_policy::PermissionSet;

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
    /// The audit record's `operationType` in Partner Center's API.
    pub fn operation_type(self) -> &'static str {
        match self {
            Self::CreateCustomerPurchasePermissions => "create_self_serve_policy",
            Self::UpdateCustomerPurchasePermissions => "update_self_serve_policy",
            Self::DeleteCustomerPurchasePermissions => "delete_self_serve_policy",
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

impl fmt::Display for ActivityAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CreateCustomerPurchasePermissions => "Create Customer Purchase Permissions",
            Self::UpdateCustomerPurchasePermissions => "Update Customer Purchase Permissions",
            Self::DeleteCustomerPurchasePermissions => "Delete Customer Purchase Permissions",
        })
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
