//! Every failure as Partner Center reports it: an HTTP status and an
//! [`ErrorBody`](api_types::ErrorBody) `{"code", "description", "data": [], "source": "PartnerFD"}`
//! whose `code` ([`ErrorCode`]) tells the failures apart; on the Azure Resource Manager
//! routes, an [`ArmErrorBody`] `{"error": {"code", "message"}}` with the same code by name
//! (see [`crate::middleware::error_bodies`]). Each domain error has its own code and carries
//! the refusal itself, for clients to rebuild it; the descriptions are for the developer
//! reading them, and where a customer meets them, Azure's own words.

use api_types::arm::ArmErrorBody;
use api_types::demo::Role;
use api_types::{ErrorBody, ErrorCode};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{
    CartProblem, CustomerId, DomainError, NewCustomerProblem, Permission, PurchaseProblem, RequestTextProblem,
    RoleAssignmentId,
};

#[derive(Debug, Clone)]
pub enum ApiError {
    /// Not what the schema allows: not JSON, a wrong type, a bad parameter.
    BadRequest(String),
    /// Valid by the schema, but inconsistent (the body names another policy than the URL).
    Unprocessable(String),
    /// No known bearer token.
    Unauthorized,
    /// A rule of the domain refused the request.
    Domain(DomainError),
    /// No policy has this id; `for_update` on a PUT (Partner Center gives it its own code).
    PolicyNotFound {
        id: String,
        for_update: bool,
    },
    /// A POST for a customer who has a policy already.
    PolicyExists(CustomerId),
    UnknownRoute(String),
    MethodNotAllowed,
    PayloadTooLarge,
    UnsupportedMediaType,
    /// The change could not be kept; nothing was changed.
    Storage(String),
    /// The customer has no cart with this id.
    CartNotFound(String),
    CartExpired,
    CartCheckedOut,
    /// The Azure subscription has no role assignment with this id.
    UnknownRoleAssignment(RoleAssignmentId),
    /// `roleDefinitionId` names no role that can be given on this subscription.
    UnknownRoleDefinition(String),
    /// `/_mock` is for partner Admin agents and the admin token.
    StandInAdminOnly,
    UnknownFaultRule(uuid::Uuid),
    UnknownSnapshot(String),
    /// A fault rule answered instead of the route: 429, 500 or 503.
    Injected { status: u16, rule: uuid::Uuid },
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        Self::Domain(error)
    }
}

impl ApiError {
    /// No policy has `id` (kept to 100 characters: the id comes from the caller).
    pub fn policy_not_found(id: &str, for_update: bool) -> Self {
        Self::PolicyNotFound {
            id: id.chars().take(100).collect(),
            for_update,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            Self::BadRequest(_) => ErrorCode::BadRequest,
            Self::Unprocessable(_) => ErrorCode::Unprocessable,
            Self::Unauthorized => ErrorCode::Unauthorized,
            Self::Domain(error) => ErrorCode::Refusal(error.kind()),
            Self::PolicyNotFound {
                for_update: false, ..
            } => ErrorCode::PolicyNotFound,
            Self::PolicyNotFound {
                for_update: true, ..
            } => ErrorCode::PolicyNotFoundForUpdate,
            Self::PolicyExists(_) => ErrorCode::PolicyExists,
            Self::UnknownRoute(_) => ErrorCode::NotFound,
            Self::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            Self::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            Self::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            Self::Storage(_) => ErrorCode::StorageFailed,
            Self::CartNotFound(_) => ErrorCode::CartNotFound,
            Self::CartExpired => ErrorCode::CartExpired,
            Self::CartCheckedOut => ErrorCode::CartCheckedOut,
            Self::UnknownRoleAssignment(_) => ErrorCode::UnknownRoleAssignment,
            Self::UnknownRoleDefinition(_) => ErrorCode::UnknownRoleDefinition,
            Self::StandInAdminOnly => ErrorCode::StandInAdminOnly,
            Self::UnknownFaultRule(_) => ErrorCode::UnknownFaultRule,
            Self::UnknownSnapshot(_) => ErrorCode::UnknownSnapshot,
            Self::Injected { status: 429, .. } => ErrorCode::TooManyRequests,
            Self::Injected { status: 500, .. } => ErrorCode::ServerError,
            Self::Injected { .. } => ErrorCode::StorageFailed,
        }
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.code().status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The failure in words, for the developer reading the reply.
    pub fn description(&self) -> String {
        match self {
            Self::BadRequest(why) | Self::Unprocessable(why) => why.clone(),
            Self::Unauthorized => {
                "a valid bearer token is required (see GET /v1/demo/users)".to_string()
            }
            Self::Domain(error) => domain_description(error),
            Self::PolicyNotFound { id, .. } => format!("no self-serve policy has the id {id:?}"),
            Self::PolicyExists(customer) => {
                format!("customer {customer} already has a self-serve policy; read it and PUT the change instead")
            }
            Self::UnknownRoute(path) => format!("no route {path:?}"),
            Self::MethodNotAllowed => "this route does not accept that method".to_string(),
            Self::PayloadTooLarge => format!(
                "the request body is larger than {} bytes",
                crate::BODY_LIMIT
            ),
            Self::UnsupportedMediaType => {
                "the request body must be JSON (Content-Type: application/json)".to_string()
            }
            Self::Storage(why) => {
                format!("the change could not be saved, so nothing was changed: {why}")
            }
            Self::CartNotFound(id) => format!("the customer has no cart {id:?}"),
            Self::CartExpired => format!(
                "the cart expired {} days after it was created; create a new one",
                api_types::cart::CART_LIFETIME_DAYS
            ),
            Self::CartCheckedOut => {
                "the cart was checked out already; its order is in the customer's orders".to_string()
            }
            Self::UnknownRoleAssignment(id) => {
                format!("the Azure subscription has no role assignment {id}")
            }
            Self::UnknownRoleDefinition(text) => format!(
                "the role definition {text:?} cannot be given here: Owner, Contributor or Reader of this subscription"
            ),
            Self::StandInAdminOnly => {
                "only a partner Admin agent or the admin token printed at start-up may use /_mock".to_string()
            }
            Self::UnknownFaultRule(id) => format!("no fault rule has the id {id}"),
            Self::UnknownSnapshot(name) => format!("no snapshot is named {name:?}"),
            Self::Injected { status, rule } => format!(
                "fault rule {rule} answered {status} instead of the route; nothing was changed"
            ),
        }
    }

    /// The Partner Center error body.
    pub fn body(&self) -> ErrorBody {
        match self {
            Self::Domain(error) => ErrorBody::of_domain(error, self.description()),
            _ => ErrorBody::new(self.code(), self.description()),
        }
    }

    /// The Azure Resource Manager error body.
    pub fn arm_body(&self) -> ArmErrorBody {
        match self {
            Self::Domain(error) => ArmErrorBody::of_domain(error, self.description()),
            _ => ArmErrorBody::new(self.code(), self.description()),
        }
    }
}

fn domain_description(error: &DomainError) -> String {
    match error {
        DomainError::NotAdminAgent { user, role } => format!(
            "only an Admin agent can change customer permissions ({user} is a {})",
            Role::from(*role).name()
        ),
        DomainError::UnknownPartnerUser(user) => format!("the partner has no user {user}"),
        DomainError::UnknownCustomer(id) => format!("no customer has the Microsoft ID {id}"),
        DomainError::InvalidCustomerId(text) => {
            format!("{text:?} is not a Microsoft ID (a GUID such as 0f6c3c7e-8a1d-4c53-9a55-2b7d1f1e9d20)")
        }
        DomainError::NotAllowedToCreateCustomers { user, role } => format!(
            "only Admin and Sales agents can create customers ({user} is a {})",
            Role::from(*role).name()
        ),
        DomainError::InvalidNewCustomer(problem) => match problem {
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
        DomainError::DomainTaken(domain) => {
            format!("another customer already has the primary domain {domain}")
        }
        DomainError::StaleEtag => {
            "the etag sent is not the policy's current one: someone changed it since \
            it was read; read it again"
                .to_string()
        }
        DomainError::UnknownCustomerUser(upn) => format!("no active customer user signs in as {upn}"),
        DomainError::NotAllowedToOrder { user, role } => format!(
            "only Admin and Sales agents can buy for customers ({user} is a {})",
            Role::from(*role).name()
        ),
        DomainError::NotAllowedToManageRoles { user, role } => format!(
            "only Admin agents can give and remove Azure roles in customers' subscriptions ({user} is a {})",
            Role::from(*role).name()
        ),
        DomainError::InvalidCart(problem) => match problem {
            CartProblem::Empty => "the cart has no line items".to_string(),
            CartProblem::TooManyItems => "a cart here holds one line item: the Azure plan".to_string(),
            CartProblem::UnknownCatalogItem => format!(
                "only the Azure plan ({}) can be bought here",
                domain::orders::AZURE_PLAN_CATALOG_ITEM_ID
            ),
            CartProblem::QuantityNotOne => "the Azure plan is bought with quantity 1".to_string(),
            CartProblem::BillingCycleNotOneTime => {
                "the Azure plan is bought with billing cycle one_time".to_string()
            }
        },
        DomainError::AzurePlanExists(customer) => format!(
            "customer {customer} already has an Azure plan; a customer has one Azure plan, with \
            Azure subscriptions under it"
        ),
        DomainError::UnknownSubscription(id) => format!("the customer has no subscription {id}"),
        DomainError::UnknownAzureSubscription(id) => {
            format!("the subscription {id} could not be found")
        }
        DomainError::UnknownOrder(id) => format!("the customer has no order {id}"),
        DomainError::UnknownReservation(id) => format!("the reservation order {id} could not be found"),
        DomainError::UnknownSavingsPlan(name) => {
            format!("no savings plan was bought under the name {name:?}")
        }
        DomainError::UnknownPrincipal(id) => format!(
            "the principal {id} is not a user of the customer whose Azure subscription this is"
        ),
        DomainError::RoleAssignmentExists => "the role assignment already exists".to_string(),
        DomainError::RoleAssignmentUpdateNotPermitted(id) => format!(
            "the role assignment {id} exists with another principal or role; it cannot be \
            changed: remove it and assign again"
        ),
        DomainError::PurchaseNotAllowed { permission, partner_name } => format!(
            "your partner {partner_name} has not allowed your company to buy {} on its own; the \
            partner can turn on customer permissions in Partner Center",
            match permission {
                Permission::AzureReservations => "Azure reservations",
                Permission::AzureSavingsPlan => "Azure savings plans",
            }
        ),
        DomainError::NoEligibleSubscriptions => {
            "You do not have any eligible subscriptions to purchase reservations.".to_string()
        }
        DomainError::NotOwnerOfSubscription(_) => {
            "You do not have owner or reservation purchaser access on the subscription.".to_string()
        }
        DomainError::InvalidPurchase(problem) => match problem {
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
        DomainError::PurchaseIdTaken => {
            "another customer already bought under this reservation order id or savings plan name"
                .to_string()
        }
        DomainError::PartnerUsersOnly => {
            "only partner users may call this route; this token signs in a customer user".to_string()
        }
        DomainError::CustomerUsersOnly => "only customer users may call this route (a customer user buys \
            reservations and savings plans on their own; the partner buys through carts)"
            .to_string(),
        DomainError::NotAllowedToManagePurchases { user, role } => format!(
            "only Admin agents exchange, cancel and renew customers' purchases ({user} is a {})",
            Role::from(*role).name()
        ),
        DomainError::AskYourPartner { partner_name, partner_email } => format!(
            "Your organization purchased this through a partner, {partner_name}. To exchange, cancel or renew it, \
            ask them ({partner_email})."
        ),
        DomainError::BenefitNotActive => "the reservation or savings plan is no longer active (cancelled or expired)".to_string(),
        DomainError::SavingsPlanNotReturnable => {
            "savings plans cannot be cancelled or exchanged; only auto-renew and the name change".to_string()
        }
        DomainError::RefundLimitExceeded { limit, consumed, refund } => format!(
            "the refund of {} USD would take the customer's refunds of the last 12 months ({} USD) beyond the \
            limit of {} USD",
            refund.as_dollars(),
            consumed.as_dollars(),
            limit.as_dollars()
        ),
        DomainError::ExchangeBelowReturnedValue { returned, purchase } => format!(
            "the new reservation's total commitment ({} USD) must be at least the remaining value returned ({} USD)",
            purchase.as_dollars(),
            returned.as_dollars()
        ),
        DomainError::UnknownQuote => "no quote has this session id (or it expired); ask for a new quote".to_string(),
        DomainError::UnknownRequest(id) => format!("no request {id}"),
        DomainError::RequestDecided => "the request was approved or declined already".to_string(),
        DomainError::RequestMismatch => {
            "what is done is not what the request asked for (another purchase or another action)".to_string()
        }
        DomainError::RequestPending => "this purchase has a request waiting for the partner already".to_string(),
        DomainError::QuantityNotAvailable { available } => format!("the reservation has {available} instances"),
        DomainError::InvalidRequestText(problem) => match problem {
            RequestTextProblem::Empty => "a reason is needed".to_string(),
            RequestTextProblem::TooLong => format!("at most {} characters", domain::purchases::MAX_REQUEST_TEXT),
            RequestTextProblem::HasControlCharacters => "control characters are not allowed".to_string(),
        },
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description())
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    /// The Partner Center body; the error itself rides along, for
    /// [`crate::middleware::error_bodies`] to answer an Azure Resource Manager route in
    /// Azure's shape.
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        response.extensions_mut().insert(self);
        response
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            _ => Self::BadRequest(rejection.body_text()),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        Self::BadRequest(rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> Self {
        Self::BadRequest(rejection.body_text())
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(error: crate::db::DbError) -> Self {
        Self::Storage(error.to_string())
    }
}
