//! Every failure as Partner Center reports it: an HTTP status and the body
//! `{"code", "description", "data": [], "source": "PartnerFD"}` (the Azure Resource Manager
//! routes answer `{"error": {"code", "message"}}` instead, with the same codes by name: see
//! `arm.rs`). Clients tell failures apart by `code`, never by the status alone: several
//! failures share a status (a 403 may be a Sales agent changing a permission or a Helpdesk
//! agent creating a customer). A client reads either body as an [`ErrorReply`], and
//! [`ErrorReply::domain_error`] gives back the domain's own error.

use domain::{DomainError, RefusalKind};
use serde::{Deserialize, Serialize};

use crate::arm::ArmError;

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
    /// For a refusal the domain decided: the refusal itself, as the domain names it, with
    /// what it names (this API's addition: `{"NotAdminAgent": {"user": …, "role": …}}`,
    /// `"StaleEtag"`), to rebuild it with [`ErrorBody::domain_error`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Value, required = false))]
    pub info: Option<DomainError>,
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
        Self { info: Some(error.clone()), ..Self::new(ErrorCode::Refusal(error.kind()), description) }
    }

    /// The code as an [`ErrorCode`], if it is one this API gives.
    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(self.code)
    }

    /// The domain error this body reports, if it reports one.
    pub fn domain_error(&self) -> Option<DomainError> {
        self.info.clone()
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
    pub info: Option<DomainError>,
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
        self.info.clone().or_else(|| self.error.as_ref().and_then(ArmError::refusal))
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

macro_rules! error_codes {
    ($( $name:ident = $code:literal, $status:literal, $arm:literal, $meaning:literal; )*) => {
        /// Every error code this API answers with, and the HTTP status it comes with: a
        /// refusal the domain decided (its row of the table beside `domain::DomainError`), or
        /// a failure of the API itself (this table). 600039, 600040, 600041 and 2055 are
        /// Partner Center's own; the 9000xx codes are this mock's, for failures Partner Center
        /// documents no code for; the others repeat the HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $( #[doc = $meaning] $name, )*
            /// A refusal the domain decided.
            Refusal(RefusalKind),
        }

        impl ErrorCode {
            /// Every code: the API's own, then every refusal.
            pub fn all() -> Vec<ErrorCode> {
                let mut all = vec![$( Self::$name, )*];
                all.extend(RefusalKind::ALL.iter().map(|kind| Self::Refusal(*kind)));
                all
            }

            pub fn code(self) -> u32 {
                match self { $( Self::$name => $code, )* Self::Refusal(kind) => kind.code() }
            }

            /// The HTTP status that comes with this code.
            pub fn status(self) -> u16 {
                match self { $( Self::$name => $status, )* Self::Refusal(kind) => kind.status() }
            }

            pub fn from_code(code: u32) -> Option<Self> {
                match code { $( $code => Some(Self::$name), )* _ => RefusalKind::from_code(code).map(Self::Refusal) }
            }

            /// The `error.code` an Azure Resource Manager route answers with instead (Azure's
            /// own where it has one: `AuthorizationFailed`, `RoleAssignmentExists`, ...).
            pub fn arm_code(self) -> &'static str {
                match self { $( Self::$name => $arm, )* Self::Refusal(kind) => kind.name() }
            }

            pub fn from_arm_code(code: &str) -> Option<Self> {
                match code { $( $arm => Some(Self::$name), )* _ => RefusalKind::from_name(code).map(Self::Refusal) }
            }

            /// What the code means, for developers.
            pub fn meaning(self) -> &'static str {
                match self { $( Self::$name => $meaning, )* Self::Refusal(kind) => kind.meaning() }
            }

            /// A Markdown table of the codes, for the OpenAPI document.
            pub fn table() -> String {
                let mut table = String::from("| code | ARM code | status | meaning |\n| --- | --- | --- | --- |\n");
                for code in Self::all() {
                    table.push_str(&format!("| {} | `{}` | {} | {} |\n", code.code(), code.arm_code(), code.status(), code.meaning()));
                }
                table
            }
        }

        impl From<RefusalKind> for ErrorCode {
            fn from(kind: RefusalKind) -> Self {
                Self::Refusal(kind)
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
    TooManyRequests = 429, 429, "TooManyRequests", "Too many requests: wait the seconds `Retry-After` says, then ask again; nothing was changed (a fault rule of `/_mock/faults` stages it).";
    ServerError = 500, 500, "InternalServerError", "The server failed; nothing was changed (a fault rule of `/_mock/faults` stages it).";
    StorageFailed = 503, 503, "ServiceUnavailable", "The service is unavailable: the change could not be saved (or a fault rule of `/_mock/faults` said so); nothing was changed.";
    PolicyNotFound = 600039, 404, "PolicyNotFound", "No self-serve policy has this id (read or delete).";
    PolicyNotFoundForUpdate = 600040, 404, "PolicyNotFoundForUpdate", "No self-serve policy has this id (update).";
    PolicyExists = 600041, 409, "PolicyExists", "The customer already has a self-serve policy: read it and PUT the change instead.";
    CartNotFound = 900026, 404, "CartNotFound", "The customer has no cart with this id.";
    CartExpired = 900027, 409, "CartExpired", "The cart expired (7 days after it was created): create a new one.";
    CartCheckedOut = 900028, 409, "CartCheckedOut", "The cart was checked out already: its order exists (see the customer's orders).";
    UnknownRoleAssignment = 900031, 404, "RoleAssignmentNotFound", "The Azure subscription has no role assignment with this id.";
    UnknownRoleDefinition = 900032, 422, "RoleDefinitionDoesNotExist", "`roleDefinitionId` names no role that can be given here (Owner, Contributor, Reader) on this subscription.";
    StandInAdminOnly = 900090, 403, "StandInAdminOnly", "Only partner Admin agents and the admin token the server printed at start-up may use `/_mock` (this API's addition).";
    UnknownFaultRule = 900091, 404, "FaultRuleNotFound", "No fault rule has this id (it was removed, or it expired).";
    UnknownSnapshot = 900092, 404, "SnapshotNotFound", "No snapshot has this name (snapshots last until the server stops).";
}

#[cfg(feature = "openapi")]
pub(crate) mod openapi {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
    use utoipa::openapi::RefOr;

    use super::ErrorCode;

    /// `code`: one of the codes of the table, which the description repeats.
    pub fn code_schema() -> RefOr<Schema> {
        let codes = ErrorCode::all().into_iter().map(|c| c.code());
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
            .enum_values(Some(ErrorCode::all().into_iter().map(|c| c.arm_code())))
            .description(Some("What failed, by name: the `ARM code` column of the table in `ErrorBody.code`; tell failures apart by it, not by the HTTP status."))
            .into()
    }
}
