//! Customer permissions, as Partner Center has them: who may let which customer buy
//! Azure reservations and savings plans, what that needs, and what gets logged.
//!
//! Plain Rust: this crate knows nothing of Leptos, axum or HTTP. The web app's embedded
//! store and the mock API server both use it, so every rule lives here once.

pub mod activity_log;
pub mod clock;
pub mod dates;
pub mod demo_data;
pub mod error;
pub mod ids;
pub mod model;
pub mod new_customer;
pub mod readiness;
pub mod rng;
pub mod self_serve_policy;
pub mod store;

pub use activity_log::{ActivityAction, ActivityRecord};
pub use clock::{Clock, FixedClock};
pub use demo_data::DemoSpec;
pub use error::DomainError;
pub use ids::{AzureSubscriptionId, CustomerId, Etag, PartnerUserId, SubscriptionId};
pub use model::{
    Address, AzureRole, BillingProfile, BillingType, Customer, CustomerUser, Offer, Partner,
    PartnerRole, PartnerUser, RoleAssignment, Subscription, SubscriptionStatus,
};
pub use new_customer::NewCustomer;
pub use readiness::{AzureSubscriptionRef, Readiness};
pub use self_serve_policy::{with_permission, Permission, PermissionSet, SelfServePolicy};
pub use store::{CustomerPage, CustomerSummary, PartnerStore, PolicyChange, StoreSnapshot};
