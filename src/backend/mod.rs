//! The one interface the UI gets its data through, grouped by area, and its two
//! implementations: the embedded store (the domain's `PartnerStore` in the Wasm, kept in
//! localStorage) and the mock Partner Center API over HTTP.
//!
//! Each area file (`customers.rs`, `permissions.rs`, ...) holds the area's trait and both
//! implementations side by side, so a new operation is written in one place per area. Every
//! call names its caller: who is signed in is the page's business, not the backend's.
//!
//! The first page needs only [`Core`]; the whole [`Backend`] comes with the first page that
//! needs more ([`Operations`]): the mock API's client is one chunk, loaded before the app
//! starts, and the embedded store's operations beyond the first page are another, so that a
//! first visit does not download the rules of every page.

mod activity;
mod azure_access;
mod benefits;
mod browser_clock;
mod customers;
mod demo_data;
mod embedded_store;
mod json;
mod notifications;
mod orders;
mod partner_center_api;
mod permissions;
mod purchases;
mod requests;
mod revision;
mod staff;
mod stand_in;
mod subscriptions;

use std::rc::Rc;

use domain::{Caller, DomainError};

pub use activity::Activity;
pub use azure_access::AzureAccess;
pub use benefits::Benefits;
pub use browser_clock::{random_guid, BrowserClock};
pub use customers::{CustomerList, Customers};
pub use demo_data::DemoData;
pub use embedded_store::{EmbeddedStore, LoadOutcome, STORAGE_KEY_V1, STORAGE_PREFIX};
pub use notifications::Notifications;
pub use orders::Orders;
pub use partner_center_api::PartnerCenterApi;
use partner_center_api::unreadable;
pub use permissions::{Granted, Permissions, PolicyVersion};
pub use purchases::Purchases;
pub use requests::Requests;
pub use revision::Revision;
pub use staff::{SignInList, Staff};
pub use stand_in::StandIn;
pub use subscriptions::Subscriptions;

/// What the first page (the Customers list, with the shell around it) needs: who can sign
/// in, the customer list, starting the demo again, and which backend this is.
pub trait Core: Staff + CustomerList + DemoData {
    fn kind(&self) -> BackendKind;

    /// What this backend has kept so far, bumped after every change it keeps (and every
    /// change kept elsewhere that it hears of).
    fn revision(&self) -> &Revision;

    /// Follows the changes kept elsewhere that `caller` may see (the mock API's event
    /// stream; the embedded store follows the browser's other tabs from the start).
    fn follow_changes(&self, _caller: &Caller) {}

    /// Tells `notify` how many seconds the app waits before asking a busy server again
    /// (`None`: no longer waiting).
    fn on_server_wait(&self, _notify: Box<dyn Fn(Option<u32>)>) {}
}

/// Every area, from one backend.
pub trait Backend:
    Core + Customers + Subscriptions + Permissions + Orders + AzureAccess + Purchases + Benefits + Requests + Notifications + Activity
        + StandIn
{
}

impl<T> Backend for T where
    T: Core
        + Customers
        + Subscriptions
        + Permissions
        + Orders
        + AzureAccess
        + Purchases
        + Benefits
        + Requests
        + Notifications
        + Activity
        + StandIn
{
}

/// Where the whole backend comes from.
#[derive(Clone)]
pub enum Operations {
    /// There from the start (the mock API's client).
    Loaded(Rc<dyn Backend>),
    /// The embedded store's operations, in a chunk loaded on first use.
    OnFirstUse(Rc<EmbeddedStore>),
}

impl Operations {
    /// The whole backend (loading its chunk the first time).
    pub async fn load(self) -> Result<Rc<dyn Backend>, BackendError> {
        match self {
            Self::Loaded(backend) => Ok(backend),
            Self::OnFirstUse(store) => {
                crate::chunks::store_operations(store).await.map_err(|_| BackendError::ChunkUnavailable)
            }
        }
    }
}

/// Which backend is live, as the top bar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendKind {
    Embedded,
    /// The mock Partner Center API at this address ("" for the page's own origin).
    MockApi(String),
}

/// Why a backend call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum BackendError {
    /// A rule of the domain said no, or what was asked for does not exist: the domain's own
    /// error, from either backend (the mock API sends it back in its error body).
    Refused(DomainError),
    /// Nobody is signed in yet, or the server does not know who is.
    NotSignedIn,
    /// The server has no such thing (a cart, a role assignment) outside the domain's rules.
    NotFound,
    /// The browser's storage refused to keep the change (its reason, from the browser).
    Storage(String),
    /// The server could not be reached (the browser's reason), or did not answer in time.
    Network(NetworkProblem),
    /// The server answered with a failure this client has no words for.
    Server { status: u16, code: Option<u32>, message: String },
    /// This backend cannot do that (reset the mock API's data file).
    NotSupported,
    /// The part of the app that does it could not be loaded (network gone, a new deploy).
    ChunkUnavailable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkProblem {
    /// No answer within this many seconds.
    Timeout(u32),
    /// The browser's own words for why the request failed.
    Failed(String),
}

impl From<DomainError> for BackendError {
    fn from(error: DomainError) -> Self {
        Self::Refused(error)
    }
}

impl BackendError {
    pub fn is_unknown_customer(&self) -> bool {
        matches!(self, Self::Refused(DomainError::UnknownCustomer(_)))
    }
}

impl Core for EmbeddedStore {
    fn kind(&self) -> BackendKind {
        BackendKind::Embedded
    }

    fn revision(&self) -> &Revision {
        self.revision()
    }
}

impl Core for PartnerCenterApi {
    fn kind(&self) -> BackendKind {
        BackendKind::MockApi(self.base().to_string())
    }

    fn revision(&self) -> &Revision {
        self.revision()
    }

    fn follow_changes(&self, caller: &Caller) {
        self.follow_changes(caller)
    }

    fn on_server_wait(&self, notify: Box<dyn Fn(Option<u32>)>) {
        self.on_server_wait(notify)
    }
}
