//! Customer permissions: which products a customer may buy on its own, paid by the
//! partner (Partner Center's self-serve policy), and the rules for changing them.

mod rules;

use std::collections::BTreeSet;

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

/// What the caller last read of a customer's policy, so a change made on an old copy is
/// refused ([`crate::DomainError::StaleEtag`]) instead of overwriting someone else's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// Whatever the policy is now.
    Any,
    /// The caller read no policy (every permission Off).
    Absent,
    /// The caller read the policy with this etag.
    Etag(Etag),
}

impl Precondition {
    /// The precondition for a change to what was read: the policy's etag, or no policy.
    pub fn from_read(etag: Option<Etag>) -> Self {
        etag.map_or(Self::Absent, Self::Etag)
    }

    /// Whether the policy whose etag is `current` (`None`: no policy) is what was read.
    pub fn holds_for(&self, current: Option<&Etag>) -> bool {
        match self {
            Self::Any => true,
            Self::Absent => current.is_none(),
            Self::Etag(expected) => current == Some(expected),
        }
    }
}
