//! Customer permissions, as Partner Center has them: who may let which customer buy
//! Azure reservations and savings plans, what that needs, and what gets logged.
//!
//! Plain Rust: this crate knows nothing of Leptos, axum or HTTP. The web app's embedded
//! store and the mock API server both use it, so every rule lives here once.
//!
//! By area: `partner` (the partner's staff and their roles), `customers` (customers, their
//! users, creating one), `subscriptions` (Azure plans, Azure roles, readiness),
//! `permissions` (the self-serve policy and who may change it), `activity` (the Activity
//! log). `store` holds the data and applies decided [`Change`]s.

pub mod activity;
pub mod clock;
pub mod customers;
pub mod dates;
pub mod demo_data;
pub mod error;
pub mod ids;
pub mod partner;
pub mod permissions;
pub mod rng;
pub mod store;
pub mod subscriptions;

pub use activity::{ActivityAction, ActivityRecord};
pub use clock::{Clock, FixedClock};
pub use customers::{
    Address, BillingProfile, Customer, CustomerPage, CustomerSummary, CustomerUser, NewCustomer, UserState,
    UserWithRoles,
};
pub use demo_data::DemoSpec;
pub use error::{DomainError, NewCustomerProblem};
pub use ids::{AzureSubscriptionId, CustomerId, CustomerUserId, Etag, PartnerUserId, SubscriptionId};
pub use partner::{Partner, PartnerRole, PartnerUser};
pub use permissions::{with_permission, Permission, PermissionSet, Precondition, SelfServePolicy};
pub use store::{Change, PartnerStore, PermissionsChange, StoreSnapshot};
pub use subscriptions::{
    AzureRole, AzureSubscriptionRef, BillingType, Offer, Readiness, RoleAssignment, Subscription, SubscriptionStatus,
};
