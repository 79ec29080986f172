//! Identifiers. Each is parsed once at the edge, so a value of these types is always valid.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::DomainError;

/// A customer's Microsoft ID: the tenant GUID Partner Center and its API use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(Uuid);

impl CustomerId {
    pub fn from_uuid(id: Uuid) -> Self {
        Self(id)
    }

    /// Parses a GUID as typed by a user or found in a URL.
    pub fn parse(text: &str) -> Result<Self, DomainError> {
        Uuid::try_parse(text.trim())
            .map(Self)
            .map_err(|_| DomainError::InvalidCustomerId(text.chars().take(64).collect()))
    }

    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for CustomerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// A partner user, identified by the user principal name they sign in with.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PartnerUserId(String);

impl PartnerUserId {
    pub fn new(upn: impl Into<String>) -> Self {
        Self(upn.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PartnerUserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Declares an identifier that is a GUID: parsed once, written hyphenated, lower case.
macro_rules! guid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub fn from_uuid(id: Uuid) -> Self {
                Self(id)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }

            /// Parses a GUID; `None` for anything else.
            pub fn parse(text: &str) -> Option<Self> {
                Uuid::try_parse(text.trim()).ok().map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    };
}

guid_id!(
    /// A Partner Center subscription (Azure plan, Microsoft 365, ...).
    SubscriptionId
);
guid_id!(
    /// An Azure subscription under an Azure plan (or a legacy Azure Global subscription).
    AzureSubscriptionId
);
guid_id!(
    /// A person in a customer's tenant: their object id, as Azure's role assignments name
    /// them (`principalId`).
    CustomerUserId
);
guid_id!(
    /// A Partner Center order.
    OrderId
);
guid_id!(
    /// An Azure role assignment (its `name` in Azure Resource Manager).
    RoleAssignmentId
);
guid_id!(
    /// An Azure reservation order (`reservationOrderId`).
    ReservationOrderId
);
guid_id!(
    /// An Azure savings plan order.
    SavingsPlanOrderId
);
guid_id!(
    /// A customer's request to the partner (to exchange, cancel or renew a purchase).
    RequestId
);

impl SavingsPlanOrderId {
    /// The one savings plan of the order (Azure's `savingsPlanId`): made from the order's id.
    pub fn plan_id(&self) -> Uuid {
        Uuid::from_u128(self.0.as_u128() ^ 1)
    }
}

impl ReservationOrderId {
    /// The one reservation of the order (Azure's `reservationId`): made from the order's id.
    pub fn reservation_id(&self) -> Uuid {
        Uuid::from_u128(self.0.as_u128() ^ 1)
    }
}

/// A customer user as they sign in: their user principal name (`meganb@contoso.onmicrosoft.com`),
/// in lower case. Its domain names the customer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerUpn(String);

impl CustomerUpn {
    pub fn new(upn: &str) -> Self {
        Self(upn.trim().to_lowercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after `@`: the customer's domain.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, domain)| domain)
    }
}

impl fmt::Display for CustomerUpn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An opaque version tag of a self-serve policy; it changes on every change.
/// Like Partner Center's, the value includes its double quotes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Etag(String);

impl Etag {
    pub(crate) fn from_counter(counter: u64, customer: &CustomerId) -> Self {
        // Mix the customer in so etags of different policies never look alike.
        let mix = counter ^ (customer.as_uuid().as_u128() as u64).rotate_left(17);
        Self(format!("\"{counter:08x}{mix:016x}\""))
    }

    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Etag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
guid_id!(
    /// A partner user's notification: the id of what it tells of (the order of a customer's
    /// own purchase, or the customer's request).
    NotificationId
);
