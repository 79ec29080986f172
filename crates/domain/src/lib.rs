//! Customer permissions, as Partner Center has them: who may let which customer buy
//! Azure reservations and savings plans, what that needs, and what gets logged.
//!
//! Plain Rust: this crate knows nothing of Leptos, axum or HTTP. The web app's embedded
//! store and the mock API server both use it, so every rule lives here once.
//!
//! By area: `partner` (the partner's staff and their roles), `customers` (customers, their
//! users, creating one), `subscriptions` (Azure plans, Azure roles, readiness),
//! `permissions` (the self-serve policy and who may change it), `orders` (what was bought
//! for a customer, the Azure plan through a cart), `purchases` (what customer users buy on
//! their own: reservations and savings plans, with the demo price list), `activity` (the
//! Activity log). `store` holds the data and applies decided [`Change`]s. A read or a change
//! names its [`Caller`]: a partner user, or a customer user who sees only their company.

pub mod activity;
pub mod caller;
pub mod clock;
pub mod customers;
pub mod dates;
pub mod demo_data;
pub mod error;
pub mod ids;
pub mod money;
pub mod orders;
pub mod partner;
pub mod permissions;
pub mod purchases;
pub mod rng;
pub mod store;
pub mod subscriptions;

pub use activity::{ActivityAction, ActivityDetail, ActivityRecord};
pub use caller::Caller;
pub use clock::{Clock, FixedClock};
pub use customers::{
    Address, BillingProfile, CompanyUsers, Customer, CustomerPage, CustomerSummary, CustomerUser, NewCustomer,
    UserState, UserWithRoles,
};
pub use demo_data::DemoSpec;
pub use error::{CartProblem, DomainError, NewCustomerProblem, PurchaseProblem, RefusalKind, RequestTextProblem};
pub use ids::{
    AzureSubscriptionId, CustomerId, CustomerUpn, CustomerUserId, Etag, NotificationId, OrderId, PartnerUserId, RequestId,
    ReservationOrderId, RoleAssignmentId, SavingsPlanOrderId, SubscriptionId,
};
pub use money::Usd;
pub use orders::{AzureEntitlement, BillingCycle, CartItem, Order, OrderLineItem, OrderStatus, PlacedBy, ProductKind};
pub use partner::{Partner, PartnerRole, PartnerUser};
pub use permissions::{with_permission, Permission, PermissionSet, Precondition, SelfServePolicy};
pub use purchases::{
    AppliedScope, Benefit, BenefitId, BenefitItem, BenefitStatus, BillingPlan, CustomerRequest, ExchangeQuote, MarkRead,
    Notification, NotificationAbout, NotificationFeed, NotificationsRead, Price,
    PurchasedBenefit, RefundQuote, Region, RequestKind, RequestStatus, Reservation, ReservationRequest, SavingsPlan,
    SavingsPlanRequest, Term, VmSize, REFUND_LIMIT,
};
pub use store::{Change, PartnerStore, PermissionsChange, StoreSnapshot};
pub use subscriptions::{
    AzureRole, AzureSubscriptionRef, AzureSubscriptionView, BillingType, Offer, Readiness, RoleAssignment,
    RoleAssignmentChange, Subscription, SubscriptionStatus,
};
