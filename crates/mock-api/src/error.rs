//! Every failure as Partner Center reports it: a status and a body
//! `{"code", "description", "data": [], "source": "PartnerFD"}`.
//!
//! Codes 600039, 600040, 600041 and 2055 are Partner Center's; for the other failures the
//! code is the HTTP status.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::DomainError;
use serde::Serialize;

/// GET or DELETE of a policy that does not exist.
pub const POLICY_NOT_FOUND: u32 = 600039;
/// PUT of a policy that does not exist.
pub const POLICY_NOT_FOUND_FOR_UPDATE: u32 = 600040;
/// POST for a customer that already has a policy.
pub const POLICY_EXISTS: u32 = 600041;
/// The etag sent is not the policy's current one.
pub const STALE_ETAG: u32 = 2055;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("a valid bearer token is required (see GET /v1/demo/users)")]
    Unauthorized,
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("no self-serve policy has the id '{id}'")]
    PolicyNotFound { id: String, code: u32 },
    #[error("customer {0} already has a self-serve policy; read it and PUT the change instead")]
    PolicyExists(String),
    #[error("no route {0}")]
    UnknownRoute(String),
    #[error("this route does not accept that method")]
    MethodNotAllowed,
    #[error("the request body is larger than {0} bytes")]
    PayloadTooLarge(usize),
    #[error("the request body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    /// The change was not saved (and was taken back in memory).
    #[error("the change could not be saved: {0}")]
    Storage(String),
}

/// The Partner Center error body.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub code: u32,
    pub description: String,
    pub data: Vec<String>,
    pub source: &'static str,
}

impl ErrorBody {
    pub fn new(code: u32, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            data: Vec::new(),
            source: "PartnerFD",
        }
    }
}

impl ApiError {
    /// No policy has `id` (shown cut to 100 characters: the id comes from the caller).
    pub fn policy_not_found(id: &str, code: u32) -> Self {
        Self::PolicyNotFound { id: id.chars().take(100).collect(), code }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Domain(error) => match error {
                DomainError::NotAdminAgent { .. } => StatusCode::FORBIDDEN,
                DomainError::UnknownPartnerUser(_) => StatusCode::UNAUTHORIZED,
                DomainError::UnknownCustomer(_) => StatusCode::NOT_FOUND,
                DomainError::InvalidCustomerId(_) => StatusCode::BAD_REQUEST,
                DomainError::StaleEtag => StatusCode::PRECONDITION_FAILED,
                DomainError::NotAllowedToCreateCustomers { .. } => StatusCode::FORBIDDEN,
                DomainError::InvalidNewCustomer(_) => StatusCode::BAD_REQUEST,
                DomainError::DomainTaken(_) => StatusCode::CONFLICT,
            },
            Self::PolicyNotFound { .. } | Self::UnknownRoute(_) => StatusCode::NOT_FOUND,
            Self::PolicyExists(_) => StatusCode::CONFLICT,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Storage(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    pub fn code(&self) -> u32 {
        match self {
            Self::PolicyNotFound { code, .. } => *code,
            Self::PolicyExists(_) => POLICY_EXISTS,
            Self::Domain(DomainError::StaleEtag) => STALE_ETAG,
            _ => u32::from(self.status().as_u16()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody::new(self.code(), self.to_string());
        (self.status(), Json(body)).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => Self::PayloadTooLarge(crate::BODY_LIMIT),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::UnsupportedMediaType,
            _ => Self::BadRequest(rejection.body_text()),
        }
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(error: crate::db::DbError) -> Self {
        Self::Storage(error.to_string())
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
