//! Every failure as Partner Center reports it: an HTTP status and an
//! [`ErrorBody`](api_types::ErrorBody) `{"code", "description", "data": [], "source": "PartnerFD"}`
//! whose `code` ([`ErrorCode`]) tells the failures apart. Each domain error has its own code;
//! the descriptions are for the developer reading them (the app puts codes into its own words).

use api_types::demo::Role;
use api_types::{ErrorBody, ErrorCode};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{CustomerId, DomainError, NewCustomerProblem};

#[derive(Debug)]
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
            Self::Domain(error) => domain_code(error),
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
        }
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody::new(self.code(), self.description())
    }
}

/// The code of each domain error: its own, so clients can tell them apart.
pub fn domain_code(error: &DomainError) -> ErrorCode {
    match error {
        DomainError::NotAdminAgent { .. } => ErrorCode::NotAdminAgent,
        DomainError::UnknownPartnerUser(_) => ErrorCode::UnknownPartnerUser,
        DomainError::UnknownCustomer(_) => ErrorCode::UnknownCustomer,
        DomainError::InvalidCustomerId(_) => ErrorCode::InvalidCustomerId,
        DomainError::NotAllowedToCreateCustomers { .. } => ErrorCode::NotAllowedToCreateCustomers,
        DomainError::InvalidNewCustomer(_) => ErrorCode::InvalidNewCustomer,
        DomainError::DomainTaken(_) => ErrorCode::DomainTaken,
        DomainError::StaleEtag => ErrorCode::StaleEtag,
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
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.description())
    }
}

impl std::error::Error for ApiError {}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status(), Json(self.body())).into_response()
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
