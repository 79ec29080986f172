//! The self-serve policy: which products a customer may buy on its own, paid by the partner.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{CustomerId, Etag};

/// A product family a customer can be allowed to purchase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Azure reservations; the API calls the resource `AzureReservedInstances`.
    #[serde(rename = "AzureReservedInstances")]
    AzureReservations,
    #[serde(rename = "AzureSavingsPlan")]
    AzureSavingsPlan,
}

impl Permission {
    pub const ALL: [Permission; 2] = [Self::AzureReservations, Self::AzureSavingsPlan];

    /// The `resource` name in Partner Center's API.
    pub fn resource_name(self) -> &'static str {
        match self {
            Self::AzureReservations => "AzureReservedInstances",
            Self::AzureSavingsPlan => "AzureSavingsPlan",
        }
    }

    pub fn from_resource_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.resource_name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::AzureReservations => "Azure reservations",
            Self::AzureSavingsPlan => "Azure savings plan",
        })
    }
}

/// A set of permissions, always in the same order.
pub type PermissionSet = BTreeSet<Permission>;

/// `permissions` with `permission` turned On (`allowed`) or Off, as a switch asks.
pub fn with_permission(mut permissions: PermissionSet, permission: Permission, allowed: bool) -> PermissionSet {
    if allowed {
        permissions.insert(permission);
    } else {
        permissions.remove(&permission);
    }
    permissions
}

/// A customer's policy. It exists while at least one permission is granted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfServePolicy {
    pub customer_id: CustomerId,
    pub permissions: PermissionSet,
    pub etag: Etag,
}

impl SelfServePolicy {
    pub fn allows(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }
}
