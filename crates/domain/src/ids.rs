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

/// A Partner Center subscription (Azure plan, Microsoft 365, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SubscriptionId(Uuid);

impl SubscriptionId {
    pub fn from_uuid(id: Uuid) -> Self {
        Self(id)
    }
}

impl fmt::Display for SubscriptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// An Azure subscription under an Azure plan (or a legacy Azure Global subscription).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AzureSubscriptionId(Uuid);

impl AzureSubscriptionId {
    pub fn from_uuid(id: Uuid) -> Self {
        Self(id)
    }
}

impl fmt::Display for AzureSubscriptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// A person in a customer's tenant: their object id (a GUID), as Azure's role assignments
/// name them (`principalId`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerUserId(Uuid);

impl CustomerUserId {
    pub fn from_uuid(id: Uuid) -> Self {
        Self(id)
    }
}

impl fmt::Display for CustomerUserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
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
