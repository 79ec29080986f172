//! Every failure as Partner Center reports it: an HTTP status and an
//! [`ErrorBody`](api_types::ErrorBody) `{"code", "description", "data": [], "source": "PartnerFD"}`
//! whose `code` ([`ErrorCode`]) tells the failures apart; on the Azure Resource Manager
//! routes, an [`ArmErrorBody`] `{"error": {"code", "message"}}` with the same code by name
//! (see [`crate::middleware::error_bodies`]). Each domain error has its own code and carries
//! the refusal itself, for clients to rebuild it; the descriptions are for the developer
//! reading them, and where a customer meets them, Azure's own words (a refusal's is the
//! domain's, [`DomainError::description`], beside its row in the table of codes).

use api_types::arm::ArmErrorBody;
use api_types::{ErrorBody, ErrorCode};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{
    CustomerId, DomainError, RoleAssignmentId,
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
            Self::Domain(error) => error.description(),
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
