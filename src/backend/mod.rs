//! The one interface the UI gets its data through, and its implementations.
//!
//! The trait is async and returns typed errors, so an HTTP implementation (the mock
//! Partner Center API) fits beside the embedded store without any page changing.

mod browser_clock;
mod embedded_store;
mod json;
mod partner_center_api;
mod wire;

use async_trait::async_trait;
use domain::{
    ActivityRecord, Customer, CustomerId, CustomerPage, DomainError, PartnerUser, PartnerUserId,
    Permission, PermissionSet, Readiness, Subscription,
};
use time::Date;

pub use browser_clock::BrowserClock;
pub use embedded_store::{EmbeddedStore, LoadOutcome, STORAGE_KEY};
pub use partner_center_api::PartnerCenterApi;

/// Why a backend call failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BackendError {
    /// A rule said no (or an id is unknown).
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// The browser's storage refused to keep the change.
    #[error("storage: {0}")]
    Storage(String),
    /// The server could not be reached.
    #[error("network: {0}")]
    Network(String),
    /// The server answered with an error it did not map to a rule.
    #[error("server {status}: {message}")]
    Server { status: u16, message: String },
    /// This backend cannot do that (e.g. reset the mock API's data file).
    #[error("not supported by this backend")]
    NotSupported,
}

/// Which backend is live, as the top bar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendKind {
    Embedded,
    /// The mock Partner Center API at this address ("" for the page's own origin).
    MockApi(String),
}

#[async_trait(?Send)]
pub trait Backend {
    fn kind(&self) -> BackendKind;

    /// Tells the backend who is signed in, for the reads it makes on their behalf.
    fn use_identity(&self, _user: &PartnerUserId) {}

    /// The partner's staff, who can sign in to the demo.
    async fn partner_users(&self) -> Result<Vec<PartnerUser>, BackendError>;

    /// Customers matching `search` (name, domain or Microsoft ID), sorted by name.
    async fn customers(&self, search: &str, offset: usize, limit: usize) -> Result<CustomerPage, BackendError>;

    async fn customer(&self, id: CustomerId) -> Result<Customer, BackendError>;

    async fn subscriptions(&self, id: CustomerId) -> Result<Vec<Subscription>, BackendError>;

    async fn readiness(&self, id: CustomerId) -> Result<Readiness, BackendError>;

    /// The permissions granted to the customer (empty: all Off).
    async fn permissions(&self, id: CustomerId) -> Result<PermissionSet, BackendError>;

    /// Turns one permission On or Off as `actor`; returns the permissions as they are now.
    async fn set_permission(
        &self,
        actor: &PartnerUserId,
        id: CustomerId,
        permission: Permission,
        allowed: bool,
    ) -> Result<PermissionSet, BackendError>;

    /// Activity log records from `from` to `to` (UTC dates, both included), newest first.
    async fn activity(&self, from: Date, to: Date) -> Result<Vec<ActivityRecord>, BackendError>;

    /// Throws away every change and starts again with `extra_customers` generated
    /// customers beside the hand-made ones.
    async fn reset_demo_data(&self, extra_customers: u32) -> Result<(), BackendError>;
}
