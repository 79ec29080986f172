//! The domain's errors. Each is a value that callers put into their own words: the server
//! into Partner Center error bodies, the app into a message from its catalogues. Their
//! `Display` is a diagnostic (the value itself), never wording for people.
//!
//! A refusal travels as itself: it is serialized into both error bodies of the API (`info`)
//! and read back by clients as the same value, and [`DomainError::kind`] gives the code it is
//! told apart by on the wire (the table below: one row per variant, so a new refusal is a
//! variant, its row, and its description for developers, [`DomainError::description`]).

use crate::ids::{
    AzureSubscriptionId, CustomerId, CustomerUserId, OrderId, PartnerUserId, RequestId, ReservationOrderId,
    RoleAssignmentId, SubscriptionId,
};
use crate::money::Usd;
use serde::{Deserialize, Serialize};

use crate::partner::PartnerRole;
use crate::permissions::Permission;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{self:?}")]
pub enum DomainError {
    /// Sales and Helpdesk agents see customer permissions read-only.
    NotAdminAgent { user: PartnerUserId, role: PartnerRole },

    /// Nobody signs in with this name.
    UnknownPartnerUser(PartnerUserId),

    UnknownCustomer(CustomerId),

    /// The text (cut to 64 characters) is not a Microsoft ID (a GUID).
    InvalidCustomerId(String),

    /// Helpdesk agents cannot create customers.
    NotAllowedToCreateCustomers { user: PartnerUserId, role: PartnerRole },

    /// The new customer's details are not acceptable.
    InvalidNewCustomer(NewCustomerProblem),

    /// Another customer already has this primary domain.
    DomainTaken(String),

    /// The caller's copy is out of date: someone changed the policy since it was read.
    StaleEtag,

    /// Nobody of a customer signs in with this name (or the user is not active).
    UnknownCustomerUser(String),

    /// Helpdesk agents cannot buy for customers.
    NotAllowedToOrder { user: PartnerUserId, role: PartnerRole },

    /// Only Admin agents give and remove Azure roles (admin-on-behalf-of).
    NotAllowedToManageRoles { user: PartnerUserId, role: PartnerRole },

    /// The cart cannot be checked out as it is.
    InvalidCart(CartProblem),

    /// The customer has an Azure plan already: one per customer.
    AzurePlanExists(CustomerId),

    UnknownSubscription(SubscriptionId),

    /// No such Azure subscription, or not one the caller may see.
    UnknownAzureSubscription(AzureSubscriptionId),

    UnknownOrder(OrderId),

    UnknownReservation(ReservationOrderId),

    /// No savings plan bought under this name (cut to 64 characters).
    UnknownSavingsPlan(String),

    /// The principal is not a user of the subscription's customer.
    UnknownPrincipal(CustomerUserId),

    /// The user holds this role on this subscription already (under another assignment).
    RoleAssignmentExists,

    /// An existing assignment cannot be changed; remove it and assign again.
    RoleAssignmentUpdateNotPermitted(RoleAssignmentId),

    /// The partner has not allowed the customer to buy this product on their own.
    PurchaseNotAllowed { permission: Permission, partner_name: String },

    /// The customer has no active Azure plan or Azure Global subscription.
    NoEligibleSubscriptions,

    /// The buyer is not Owner of this Azure subscription.
    NotOwnerOfSubscription(AzureSubscriptionId),

    /// What was asked for is not acceptable.
    InvalidPurchase(PurchaseProblem),

    /// The reservation order id or savings plan name is another customer's.
    PurchaseIdTaken,

    /// Partner Center is for the partner's staff: a customer user asked for it.
    PartnerUsersOnly,

    /// Customers buy reservations and savings plans themselves: a partner user asked to.
    CustomerUsersOnly,

    /// Only Admin agents exchange, cancel and renew what customers bought (admin-on-behalf-of).
    NotAllowedToManagePurchases { user: PartnerUserId, role: PartnerRole },

    /// A customer cannot exchange, cancel or renew on their own: they ask their partner.
    AskYourPartner { partner_name: String, partner_email: String },

    /// The reservation or savings plan is no longer active (cancelled or expired).
    BenefitNotActive,

    /// Savings plans cannot be cancelled or exchanged (Azure's rule).
    SavingsPlanNotReturnable,

    /// The refund would take the customer's refunds of the last 12 months beyond the limit.
    RefundLimitExceeded { limit: Usd, consumed: Usd, refund: Usd },

    /// An exchange's new reservation must be worth at least what is returned.
    ExchangeBelowReturnedValue { returned: Usd, purchase: Usd },

    /// No such quote (a refund's or an exchange's session), or it expired.
    UnknownQuote,

    UnknownRequest(RequestId),

    /// The request was approved or declined already.
    RequestDecided,

    /// What is asked is not what the request asked for (another purchase, another action).
    RequestMismatch,

    /// This purchase has a request waiting for the partner already.
    RequestPending,

    /// The request's note or the decline's reason is not acceptable.
    InvalidRequestText(RequestTextProblem),

    /// More instances asked to be returned or exchanged than the reservation has.
    QuantityNotAvailable { available: u32 },
}

/// What is wrong with a request's note or a decline's reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestTextProblem {
    /// A decline needs a reason.
    Empty,
    /// More than 500 characters.
    TooLong,
    HasControlCharacters,
}

/// Generates [`RefusalKind`] and [`DomainError::kind`] from the table of codes.
macro_rules! refusal_codes {
    ($( $kind:ident => $code:literal, $status:literal, $name:literal, $meaning:literal; )*) => {
        /// Which refusal a [`DomainError`] is, without what it names: the row of the table of
        /// codes it is told apart by on the wire.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RefusalKind {
            $( #[doc = $meaning] $kind, )*
        }

        impl DomainError {
            /// The row of the table of codes for this refusal.
            pub fn kind(&self) -> RefusalKind {
                match self {
                    $( Self::$kind { .. } => RefusalKind::$kind, )*
                }
            }
        }

        impl RefusalKind {
            pub const ALL: &'static [RefusalKind] = &[$( Self::$kind, )*];

            /// The number clients tell refusals apart by (Partner Center's own where it has
            /// one; 9000xx are the mock API's).
            pub fn code(self) -> u32 {
                match self { $( Self::$kind => $code, )* }
            }

            /// The HTTP status the refusal comes with.
            pub fn status(self) -> u16 {
                match self { $( Self::$kind => $status, )* }
            }

            /// Its name on Azure Resource Manager's routes (`error.code`), Azure's own where
            /// it has one.
            pub fn name(self) -> &'static str {
                match self { $( Self::$kind => $name, )* }
            }

            /// What it means, for developers (the OpenAPI document's table).
            pub fn meaning(self) -> &'static str {
                match self { $( Self::$kind => $meaning, )* }
            }

            pub fn from_code(code: u32) -> Option<Self> {
                match code { $( $code => Some(Self::$kind), )* _ => None }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name { $( $name => Some(Self::$kind), )* _ => None }
            }
        }
    };
}

refusal_codes! {
    NotAdminAgent => 900001, 403, "NotAdminAgent", "Only an Admin agent can change customer permissions.";
    NotAllowedToCreateCustomers => 900002, 403, "NotAllowedToCreateCustomers", "Only Admin and Sales agents can create customers.";
    UnknownCustomer => 900003, 404, "CustomerNotFound", "No customer has this Microsoft ID (or not one the caller may see).";
    InvalidCustomerId => 900004, 400, "InvalidCustomerId", "The id given is not a Microsoft ID (a GUID).";
    InvalidNewCustomer => 900005, 400, "InvalidNewCustomer", "The new customer's details are not acceptable (the description says which); a body valid by the schema never gets it.";
    DomainTaken => 900006, 409, "DomainTaken", "Another customer already has this primary domain.";
    UnknownPartnerUser => 900007, 401, "UnknownPartnerUser", "The token signs in nobody the partner knows.";
    UnknownCustomerUser => 900008, 401, "InvalidAuthenticationToken", "The token signs in no active customer user.";
    StaleEtag => 2055, 412, "PreconditionFailed", "The etag sent is not the policy's current one: someone changed it since it was read.";
    NotAllowedToOrder => 900009, 403, "NotAllowedToOrder", "Only Admin and Sales agents can buy for customers.";
    NotAllowedToManageRoles => 900010, 403, "AuthorizationFailed", "Only Admin agents can give and remove Azure roles (admin-on-behalf-of).";
    InvalidCart => 900011, 422, "InvalidCart", "The cart cannot be bought as it is: only the Azure plan (`DZH318Z0BPS6:0001:DZH318Z0BML6`), one line, quantity 1, billing cycle `one_time`.";
    AzurePlanExists => 900012, 409, "AzurePlanExists", "The customer already has an Azure plan: one per customer.";
    UnknownSubscription => 900013, 404, "SubscriptionNotFoundForCustomer", "The customer has no subscription with this id.";
    UnknownAzureSubscription => 900014, 404, "SubscriptionNotFound", "No Azure subscription has this id, or not one the caller may see.";
    UnknownOrder => 900015, 404, "OrderNotFound", "The customer has no order with this id.";
    UnknownReservation => 900016, 404, "ReservationOrderNotFound", "No reservation order has this id, or not one the caller may see.";
    UnknownSavingsPlan => 900017, 404, "SavingsPlanOrderAliasNotFound", "No savings plan was bought under this name, or not one the caller may see.";
    UnknownPrincipal => 900018, 422, "PrincipalNotFound", "The principal is not a user of the customer whose Azure subscription this is.";
    RoleAssignmentExists => 900019, 409, "RoleAssignmentExists", "The user holds this role on this subscription already, under another assignment.";
    RoleAssignmentUpdateNotPermitted => 900020, 409, "RoleAssignmentUpdateNotPermitted", "This assignment exists with another user or role: it cannot be changed; remove it and assign again.";
    PurchaseNotAllowed => 900021, 403, "PurchaseNotAllowedByPartner", "The partner has not allowed the customer to buy this product on their own (customer permissions Off).";
    NoEligibleSubscriptions => 900022, 403, "NoEligibleSubscriptions", "You do not have any eligible subscriptions to purchase reservations: the customer has no active Azure plan or Azure Global subscription.";
    NotOwnerOfSubscription => 900023, 403, "NotOwnerOfSubscription", "You do not have owner or reservation purchaser access on the subscription.";
    InvalidPurchase => 900024, 400, "InvalidPurchaseRequest", "The purchase asks for something not acceptable (quantity, commitment, name); a body valid by the schema never gets it.";
    PurchaseIdTaken => 900025, 409, "PurchaseIdTaken", "Another customer bought under this reservation order id or savings plan name.";
    PartnerUsersOnly => 900029, 403, "PartnerUsersOnly", "Only partner users may call this route (a customer user's token was sent).";
    CustomerUsersOnly => 900030, 403, "CustomerUsersOnly", "Only customer users may call this route (a partner user's token was sent): customers buy reservations and savings plans themselves.";
    NotAllowedToManagePurchases => 900033, 403, "NotAllowedToManagePurchases", "Only Admin agents exchange, cancel and renew what customers bought (admin-on-behalf-of).";
    AskYourPartner => 900034, 403, "CustomerCannotManagePurchase", "A CSP customer cannot exchange, cancel or renew a purchase on their own: they ask their partner (named, with its e-mail).";
    BenefitNotActive => 900035, 409, "ReservationNotActive", "The reservation or savings plan is no longer active (cancelled or expired).";
    SavingsPlanNotReturnable => 900036, 409, "SavingsPlanNotReturnable", "Savings plans cannot be cancelled or exchanged; only auto-renew and the name change.";
    RefundLimitExceeded => 900037, 409, "RefundLimitExceeded", "The refund would take the customer's refunds of the last 12 months beyond USD 50,000.";
    ExchangeBelowReturnedValue => 900038, 409, "ExchangeBelowReturnedValue", "The new reservation's total commitment must be at least the remaining value of what is returned.";
    UnknownQuote => 900039, 404, "QuoteNotFound", "No quote has this session id (or it expired): ask for a new quote.";
    UnknownRequest => 900040, 404, "RequestNotFound", "No request has this id, or not one the caller may see.";
    RequestDecided => 900041, 409, "RequestDecided", "The request was approved or declined already.";
    RequestMismatch => 900042, 409, "RequestMismatch", "What is done is not what the request asked for (another purchase or another action).";
    RequestPending => 900043, 409, "RequestPending", "This purchase has a request waiting for the partner already.";
    QuantityNotAvailable => 900045, 422, "QuantityNotAvailable", "More instances asked to be returned or exchanged than the reservation has (the refusal says how many it has).";
    InvalidRequestText => 900044, 400, "InvalidRequestText", "A request's note or a decline's reason is not acceptable (a decline needs a reason; at most 500 characters, no control characters).";
}

/// What is wrong with a cart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CartProblem {
    Empty,
    TooManyItems,
    /// Only the Azure plan can be bought through a cart here.
    UnknownCatalogItem,
    QuantityNotOne,
    BillingCycleNotOneTime,
}

/// What is wrong with a purchase request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PurchaseProblem {
    /// Not from 1 to 1000 instances.
    Quantity,
    /// Less than 0.001 USD an hour.
    CommitmentTooSmall,
    CommitmentTooLarge,
    NameTooLong,
    NameHasControlCharacters,
    /// A savings plan's name: 1 to 64 letters, digits, `-`, `_` or `.`.
    Alias,
}

/// What is wrong with a new customer's details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewCustomerProblem {
    NameEmpty,
    NameTooLong,
    NameHasControlCharacters,
    InvalidDomain,
    InvalidEmail,
}

impl DomainError {
    /// The refusal in words for the developer reading an API reply (the `description` of
    /// Partner Center's error body, the `message` of Azure's), in English as theirs are; where
    /// a customer meets it, Azure's own words. The app words a refusal from its catalogues.
    pub fn description(&self) -> String {
        match self {
            Self::NotAdminAgent { user, role } => format!(
                "only an Admin agent can change customer permissions ({user} is a {})",
                role.name()
            ),
            Self::UnknownPartnerUser(user) => format!("the partner has no user {user}"),
            Self::UnknownCustomer(id) => format!("no customer has the Microsoft ID {id}"),
            Self::InvalidCustomerId(text) => {
                format!("{text:?} is not a Microsoft ID (a GUID such as 0f6c3c7e-8a1d-4c53-9a55-2b7d1f1e9d20)")
            }
            Self::NotAllowedToCreateCustomers { user, role } => format!(
                "only Admin and Sales agents can create customers ({user} is a {})",
                role.name()
            ),
            Self::InvalidNewCustomer(problem) => match problem {
                NewCustomerProblem::NameEmpty => "companyProfile.companyName is empty".to_string(),
                NewCustomerProblem::NameTooLong => {
                    "companyProfile.companyName is longer than 200 characters".to_string()
                }
                NewCustomerProblem::NameHasControlCharacters => {
                    "companyProfile.companyName has control characters".to_string()
                }
                NewCustomerProblem::InvalidDomain => "companyProfile.domain is not a domain name \
                    (labels of letters, digits and inner hyphens, at most 63 characters each)"
                    .to_string(),
                NewCustomerProblem::InvalidEmail => {
                    "billingProfile.email is not an email address".to_string()
                }
            },
            Self::DomainTaken(domain) => {
                format!("another customer already has the primary domain {domain}")
            }
            Self::StaleEtag => {
                "the etag sent is not the policy's current one: someone changed it since \
                it was read; read it again"
                    .to_string()
            }
            Self::UnknownCustomerUser(upn) => format!("no active customer user signs in as {upn}"),
            Self::NotAllowedToOrder { user, role } => format!(
                "only Admin and Sales agents can buy for customers ({user} is a {})",
                role.name()
            ),
            Self::NotAllowedToManageRoles { user, role } => format!(
                "only Admin agents can give and remove Azure roles in customers' subscriptions ({user} is a {})",
                role.name()
            ),
            Self::InvalidCart(problem) => match problem {
                CartProblem::Empty => "the cart has no line items".to_string(),
                CartProblem::TooManyItems => "a cart here holds one line item: the Azure plan".to_string(),
                CartProblem::UnknownCatalogItem => format!(
                    "only the Azure plan ({}) can be bought here",
                    crate::orders::AZURE_PLAN_CATALOG_ITEM_ID
                ),
                CartProblem::QuantityNotOne => "the Azure plan is bought with quantity 1".to_string(),
                CartProblem::BillingCycleNotOneTime => {
                    "the Azure plan is bought with billing cycle one_time".to_string()
                }
            },
            Self::AzurePlanExists(customer) => format!(
                "customer {customer} already has an Azure plan; a customer has one Azure plan, with \
                Azure subscriptions under it"
            ),
            Self::UnknownSubscription(id) => format!("the customer has no subscription {id}"),
            Self::UnknownAzureSubscription(id) => {
                format!("the subscription {id} could not be found")
            }
            Self::UnknownOrder(id) => format!("the customer has no order {id}"),
            Self::UnknownReservation(id) => format!("the reservation order {id} could not be found"),
            Self::UnknownSavingsPlan(name) => {
                format!("no savings plan was bought under the name {name:?}")
            }
            Self::UnknownPrincipal(id) => format!(
                "the principal {id} is not a user of the customer whose Azure subscription this is"
            ),
            Self::RoleAssignmentExists => "the role assignment already exists".to_string(),
            Self::RoleAssignmentUpdateNotPermitted(id) => format!(
                "the role assignment {id} exists with another principal or role; it cannot be \
                changed: remove it and assign again"
            ),
            Self::PurchaseNotAllowed { permission, partner_name } => format!(
                "your partner {partner_name} has not allowed your company to buy {} on its own; the \
                partner can turn on customer permissions in Partner Center",
                match permission {
                    Permission::AzureReservations => "Azure reservations",
                    Permission::AzureSavingsPlan => "Azure savings plans",
                }
            ),
            Self::NoEligibleSubscriptions => {
                "You do not have any eligible subscriptions to purchase reservations.".to_string()
            }
            Self::NotOwnerOfSubscription(_) => {
                "You do not have owner or reservation purchaser access on the subscription.".to_string()
            }
            Self::InvalidPurchase(problem) => match problem {
                PurchaseProblem::Quantity => "properties.quantity must be from 1 to 1000".to_string(),
                PurchaseProblem::CommitmentTooSmall => {
                    "properties.commitment.amount must be at least 0.001 USD an hour".to_string()
                }
                PurchaseProblem::CommitmentTooLarge => {
                    "properties.commitment.amount must be at most 100000 USD an hour".to_string()
                }
                PurchaseProblem::NameTooLong => {
                    "properties.displayName is longer than 64 characters".to_string()
                }
                PurchaseProblem::NameHasControlCharacters => {
                    "properties.displayName has control characters".to_string()
                }
                PurchaseProblem::Alias => "the name must be 1 to 64 letters, digits, '-', '_' or '.'".to_string(),
            },
            Self::PurchaseIdTaken => {
                "another customer already bought under this reservation order id or savings plan name"
                    .to_string()
            }
            Self::PartnerUsersOnly => {
                "only partner users may call this route; this token signs in a customer user".to_string()
            }
            Self::CustomerUsersOnly => "only customer users may call this route (a customer user buys \
                reservations and savings plans on their own; the partner buys through carts)"
                .to_string(),
            Self::NotAllowedToManagePurchases { user, role } => format!(
                "only Admin agents exchange, cancel and renew customers' purchases ({user} is a {})",
                role.name()
            ),
            Self::AskYourPartner { partner_name, partner_email } => format!(
                "Your organization purchased this through a partner, {partner_name}. To exchange, cancel or renew it, \
                ask them ({partner_email})."
            ),
            Self::BenefitNotActive => "the reservation or savings plan is no longer active (cancelled or expired)".to_string(),
            Self::SavingsPlanNotReturnable => {
                "savings plans cannot be cancelled or exchanged; only auto-renew and the name change".to_string()
            }
            Self::RefundLimitExceeded { limit, consumed, refund } => format!(
                "the refund of {} USD would take the customer's refunds of the last 12 months ({} USD) beyond the \
                limit of {} USD",
                refund.as_dollars(),
                consumed.as_dollars(),
                limit.as_dollars()
            ),
            Self::ExchangeBelowReturnedValue { returned, purchase } => format!(
                "the new reservation's total commitment ({} USD) must be at least the remaining value returned ({} USD)",
                purchase.as_dollars(),
                returned.as_dollars()
            ),
            Self::UnknownQuote => "no quote has this session id (or it expired); ask for a new quote".to_string(),
            Self::UnknownRequest(id) => format!("no request {id}"),
            Self::RequestDecided => "the request was approved or declined already".to_string(),
            Self::RequestMismatch => {
                "what is done is not what the request asked for (another purchase or another action)".to_string()
            }
            Self::RequestPending => "this purchase has a request waiting for the partner already".to_string(),
            Self::QuantityNotAvailable { available } => format!("the reservation has {available} instances"),
            Self::InvalidRequestText(problem) => match problem {
                RequestTextProblem::Empty => "a reason is needed".to_string(),
                RequestTextProblem::TooLong => format!("at most {} characters", crate::purchases::MAX_REQUEST_TEXT),
                RequestTextProblem::HasControlCharacters => "control characters are not allowed".to_string(),
            },
        }
    }
}
