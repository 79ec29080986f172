//! Every failure as Partner Center reports it: an HTTP status and the body
//! `{"code", "description", "data": [], "source": "PartnerFD"}` (the Azure Resource Manager
//! routes answer `{"error": {"code", "message"}}` instead, with the same codes by name: see
//! `arm.rs`). Clients tell failures apart by `code`, never by the status alone: several
//! failures share a status (a 403 may be a Sales agent changing a permission or a Helpdesk
//! agent creating a customer). A client reads either body as an [`ErrorReply`], and
//! [`ErrorReply::domain_error`] gives back the domain's own error.

use domain::DomainError;
use serde::{Deserialize, Serialize};

use crate::arm::ArmError;
use crate::refusal::Refusal;

/// The Partner Center error body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": 900001,
    "description": "only an Admin agent can change customer permissions (isaiah.langer@adatumcloud.onmicrosoft.com is a Sales agent)",
    "data": [],
    "source": "PartnerFD"
})))]
pub struct ErrorBody {
    /// What failed: one of the codes of [`ErrorCode`] (see its table).
    #[cfg_attr(feature = "openapi", schema(schema_with = openapi::code_schema))]
    pub code: u32,
    /// The failure in words, for the developer reading it.
    pub description: String,
    #[serde(default)]
    pub data: Vec<String>,
    /// Always `PartnerFD`.
    pub source: String,
    /// For a refusal the domain decided: the refusal with what it names (this API's
    /// addition), to rebuild it with [`ErrorBody::domain_error`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Refusal, required = false))]
    pub info: Option<Refusal>,
}

impl ErrorBody {
    pub fn new(code: ErrorCode, description: impl Into<String>) -> Self {
        Self {
            code: code.code(),
            description: description.into(),
            data: Vec::new(),
            source: "PartnerFD".to_string(),
            info: None,
        }
    }

    /// The body of a domain error: its own code, and the refusal itself in `info`.
    pub fn of_domain(error: &DomainError, description: impl Into<String>) -> Self {
        Self { info: Some(Refusal::from_domain(error)), ..Self::new(ErrorCode::of_domain(error), description) }
    }

    /// The code as an [`ErrorCode`], if it is one this API gives.
    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(self.code)
    }

    /// The domain error this body reports, if it reports one.
    pub fn domain_error(&self) -> Option<DomainError> {
        self.info.clone().map(Refusal::into_domain)
    }
}

/// A failed reply of either kind, for a client that reads every failure the same way:
/// a Partner Center body (`/v1` routes: `code`, `description`, `info`) or an Azure Resource
/// Manager one (`/subscriptions`, `/providers` routes: `error`). Every field is optional, so
/// either body reads as this.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorReply {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<Refusal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ArmError>,
}

impl ErrorReply {
    /// What failed, from either body.
    pub fn error_code(&self) -> Option<ErrorCode> {
        match (&self.code, &self.error) {
            (Some(code), _) => ErrorCode::from_code(*code),
            (None, Some(error)) => ErrorCode::from_arm_code(&error.code),
            (None, None) => None,
        }
    }

    /// The domain error the reply reports, if it reports one: the same value the embedded
    /// store would have given, to put into the same words.
    pub fn domain_error(&self) -> Option<DomainError> {
        self.info
            .clone()
            .or_else(|| self.error.as_ref().and_then(ArmError::refusal))
            .map(Refusal::into_domain)
    }

    /// The failure in words, for a developer.
    pub fn message(&self) -> &str {
        match (&self.description, &self.error) {
            (Some(description), _) => description,
            (None, Some(error)) => &error.message,
            (None, None) => "",
        }
    }
}

impl ErrorCode {
    /// The code of each domain error: its own, so clients can tell them apart.
    pub fn of_domain(error: &DomainError) -> Self {
        match error {
            DomainError::NotAdminAgent { .. } => Self::NotAdminAgent,
            DomainError::UnknownPartnerUser(_) => Self::UnknownPartnerUser,
            DomainError::UnknownCustomer(_) => Self::UnknownCustomer,
            DomainError::InvalidCustomerId(_) => Self::InvalidCustomerId,
            DomainError::NotAllowedToCreateCustomers { .. } => Self::NotAllowedToCreateCustomers,
            DomainError::InvalidNewCustomer(_) => Self::InvalidNewCustomer,
            DomainError::DomainTaken(_) => Self::DomainTaken,
            DomainError::StaleEtag => Self::StaleEtag,
            DomainError::UnknownCustomerUser(_) => Self::UnknownCustomerUser,
            DomainError::NotAllowedToOrder { .. } => Self::NotAllowedToOrder,
            DomainError::NotAllowedToManageRoles { .. } => Self::NotAllowedToManageRoles,
            DomainError::InvalidCart(_) => Self::InvalidCart,
            DomainError::AzurePlanExists(_) => Self::AzurePlanExists,
            DomainError::UnknownSubscription(_) => Self::UnknownSubscription,
            DomainError::UnknownAzureSubscription(_) => Self::UnknownAzureSubscription,
            DomainError::UnknownOrder(_) => Self::UnknownOrder,
            DomainError::UnknownReservation(_) => Self::UnknownReservation,
            DomainError::UnknownSavingsPlan(_) => Self::UnknownSavingsPlan,
            DomainError::UnknownPrincipal(_) => Self::UnknownPrincipal,
            DomainError::RoleAssignmentExists => Self::RoleAssignmentExists,
            DomainError::RoleAssignmentUpdateNotPermitted(_) => Self::RoleAssignmentUpdateNotPermitted,
            DomainError::PurchaseNotAllowed { .. } => Self::PurchaseNotAllowed,
            DomainError::NoEligibleSubscriptions => Self::NoEligibleSubscriptions,
            DomainError::NotOwnerOfSubscription(_) => Self::NotOwnerOfSubscription,
            DomainError::InvalidPurchase(_) => Self::InvalidPurchase,
            DomainError::PurchaseIdTaken => Self::PurchaseIdTaken,
        }
    }
}

macro_rules! error_codes {
    ($( $name:ident = $code:literal, $status:literal, $arm:literal, $meaning:literal; )*) => {
        /// Every error code this API answers with, and the HTTP status it comes with.
        /// 600039, 600040, 600041 and 2055 are Partner Center's own; the 9000xx codes are
        /// this mock's, for failures Partner Center documents no code for; the others repeat
        /// the HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $( #[doc = $meaning] $name, )*
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$( Self::$name, )*];

            pub fn code(self) -> u32 {
                match self { $( Self::$name => $code, )* }
            }

            /// The HTTP status that comes with this code.
            pub fn status(self) -> u16 {
                match self { $( Self::$name => $status, )* }
            }

            pub fn from_code(code: u32) -> Option<Self> {
                match code { $( $code => Some(Self::$name), )* _ => None }
            }

            /// The `error.code` an Azure Resource Manager route answers with instead (Azure's
            /// own where it has one: `AuthorizationFailed`, `RoleAssignmentExists`, ...).
            pub fn arm_code(self) -> &'static str {
                match self { $( Self::$name => $arm, )* }
            }

            pub fn from_arm_code(code: &str) -> Option<Self> {
                match code { $( $arm => Some(Self::$name), )* _ => None }
            }

            /// A Markdown table of the codes, for the OpenAPI document.
            pub fn table() -> String {
                let mut table = String::from("| code | ARM code | status | meaning |\n| --- | --- | --- | --- |\n");
                $( table.push_str(&format!("| {} | `{}` | {} | {} |\n", $code, $arm, $status, $meaning)); )*
                table
            }
        }
    };
}

error_codes! {
    BadRequest = 400, 400, "InvalidRequestContent", "The request is malformed: not JSON, a wrong type, a value outside what the schema allows.";
    Unauthorized = 401, 401, "AuthenticationFailed", "No valid bearer token (see `GET /v1/demo/users`).";
    NotFound = 404, 404, "NotFound", "No such route.";
    MethodNotAllowed = 405, 405, "MethodNotAllowed", "The route does not take this method.";
    PayloadTooLarge = 413, 413, "RequestEntityTooLarge", "The body is larger than 64 KiB.";
    UnsupportedMediaType = 415, 415, "UnsupportedMediaType", "The body is not declared as JSON.";
    Unprocessable = 422, 422, "UnprocessableEntity", "The request is well-formed but asks for something inconsistent (the body names another resource than the URL, a date range that ends before it starts).";
    StorageFailed = 503, 503, "ServiceUnavailable", "The change could not be saved; nothing was changed.";
    PolicyNotFound = 600039, 404, "PolicyNotFound", "No self-serve policy has this id (read or delete).";
    PolicyNotFoundForUpdate = 600040, 404, "PolicyNotFoundForUpdate", "No self-serve policy has this id (update).";
    PolicyExists = 600041, 409, "PolicyExists", "The customer already has a self-serve policy: read it and PUT the change instead.";
    StaleEtag = 2055, 412, "PreconditionFailed", "The etag sent is not the policy's current one: someone changed it since it was read.";
    NotAdminAgent = 900001, 403, "NotAdminAgent", "Only an Admin agent can change customer permissions.";
    NotAllowedToCreateCustomers = 900002, 403, "NotAllowedToCreateCustomers", "Only Admin and Sales agents can create customers.";
    UnknownCustomer = 900003, 404, "CustomerNotFound", "No customer has this Microsoft ID (or not one the caller may see).";
    InvalidCustomerId = 900004, 400, "InvalidCustomerId", "The id given is not a Microsoft ID (a GUID).";
    InvalidNewCustomer = 900005, 400, "InvalidNewCustomer", "The new customer's details are not acceptable (the description says which); a body valid by the schema never gets it.";
    DomainTaken = 900006, 409, "DomainTaken", "Another customer already has this primary domain.";
    UnknownPartnerUser = 900007, 401, "UnknownPartnerUser", "The token signs in nobody the partner knows.";
    UnknownCustomerUser = 900008, 401, "InvalidAuthenticationToken", "The token signs in no active customer user.";
    NotAllowedToOrder = 900009, 403, "NotAllowedToOrder", "Only Admin and Sales agents can buy for customers.";
    NotAllowedToManageRoles = 900010, 403, "AuthorizationFailed", "Only Admin agents can give and remove Azure roles (admin-on-behalf-of).";
    InvalidCart = 900011, 422, "InvalidCart", "The cart cannot be bought as it is: only the Azure plan (`DZH318Z0BPS6:0001:DZH318Z0BML6`), one line, quantity 1, billing cycle `one_time`.";
    AzurePlanExists = 900012, 409, "AzurePlanExists", "The customer already has an Azure plan: one per customer.";
    UnknownSubscription = 900013, 404, "SubscriptionNotFoundForCustomer", "The customer has no subscription with this id.";
    UnknownAzureSubscription = 900014, 404, "SubscriptionNotFound", "No Azure subscription has this id, or not one the caller may see.";
    UnknownOrder = 900015, 404, "OrderNotFound", "The customer has no order with this id.";
    UnknownReservation = 900016, 404, "ReservationOrderNotFound", "No reservation order has this id, or not one the caller may see.";
    UnknownSavingsPlan = 900017, 404, "SavingsPlanOrderAliasNotFound", "No savings plan was bought under this name, or not one the caller may see.";
    UnknownPrincipal = 900018, 422, "PrincipalNotFound", "The principal is not a user of the customer whose Azure subscription this is.";
    RoleAssignmentExists = 900019, 409, "RoleAssignmentExists", "The user holds this role on this subscription already, under another assignment.";
    RoleAssignmentUpdateNotPermitted = 900020, 409, "RoleAssignmentUpdateNotPermitted", "This assignment exists with another user or role: it cannot be changed; remove it and assign again.";
    PurchaseNotAllowed = 900021, 403, "PurchaseNotAllowedByPartner", "The partner has not allowed the customer to buy this product on their own (customer permissions Off).";
    NoEligibleSubscriptions = 900022, 403, "NoEligibleSubscriptions", "You do not have any eligible subscriptions to purchase reservations: the customer has no active Azure plan or Azure Global subscription.";
    NotOwnerOfSubscription = 900023, 403, "NotOwnerOfSubscription", "You do not have owner or reservation purchaser access on the subscription.";
    InvalidPurchase = 900024, 400, "InvalidPurchaseRequest", "The purchase asks for something not acceptable (quantity, commitment, name); a body valid by the schema never gets it.";
    PurchaseIdTaken = 900025, 409, "PurchaseIdTaken", "Another customer bought under this reservation order id or savings plan name.";
    CartNotFound = 900026, 404, "CartNotFound", "The customer has no cart with this id.";
    CartExpired = 900027, 409, "CartExpired", "The cart expired (7 days after it was created): create a new one.";
    CartCheckedOut = 900028, 409, "CartCheckedOut", "The cart was checked out already: its order exists (see the customer's orders).";
    PartnerUsersOnly = 900029, 403, "PartnerUsersOnly", "Only partner users may call this route (a customer user's token was sent).";
    CustomerUsersOnly = 900030, 403, "CustomerUsersOnly", "Only customer users may call this route (a partner user's token was sent): customers buy reservations and savings plans themselves.";
    UnknownRoleAssignment = 900031, 404, "RoleAssignmentNotFound", "The Azure subscription has no role assignment with this id.";
    UnknownRoleDefinition = 900032, 422, "RoleDefinitionDoesNotExist", "`roleDefinitionId` names no role that can be given here (Owner, Contributor, Reader) on this subscription.";
}

#[cfg(feature = "openapi")]
pub(crate) mod openapi {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    use utoipa::openapi::RefOr;

    use super::ErrorCode;

    /// `code`: one of the codes of the table, which the description repeats.
    pub fn code_schema() -> RefOr<Schema> {
        let codes = ErrorCode::ALL.iter().map(|c| c.code());
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Int32)))
            .enum_values(Some(codes))
            .description(Some(format!("What failed; tell failures apart by this code, not by the HTTP status.\n\n{}", ErrorCode::table())))
            .into()
    }

    /// `error.code` of an Azure Resource Manager body: one of the ARM names of the table.
    pub fn arm_code_schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(ErrorCode::ALL.iter().map(|c| c.arm_code())))
            .description(Some("What failed, by name: the `ARM code` column of the table in `ErrorBody.code`; tell failures apart by it, not by the HTTP status."))
            .into()
    }
}
