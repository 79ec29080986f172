//! Every failure as Partner Center reports it: an HTTP status and the body
//! `{"code", "description", "data": [], "source": "PartnerFD"}`. Clients tell failures apart
//! by `code`, never by the status alone: several failures share a status (a 403 may be a
//! Sales agent changing a permission or a Helpdesk agent creating a customer).

use serde::{Deserialize, Serialize};

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
}

impl ErrorBody {
    pub fn new(code: ErrorCode, description: impl Into<String>) -> Self {
        Self { code: code.code(), description: description.into(), data: Vec::new(), source: "PartnerFD".to_string() }
    }

    /// The code as an [`ErrorCode`], if it is one this API gives.
    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_code(self.code)
    }
}

macro_rules! error_codes {
    ($( $name:ident = $code:literal, $status:literal, $meaning:literal; )*) => {
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

            /// A Markdown table of the codes, for the OpenAPI document.
            pub fn table() -> String {
                let mut table = String::from("| code | status | meaning |\n| --- | --- | --- |\n");
                $( table.push_str(&format!("| {} | {} | {} |\n", $code, $status, $meaning)); )*
                table
            }
        }
    };
}

error_codes! {
    BadRequest = 400, 400, "The request is malformed: not JSON, a wrong type, a value outside what the schema allows.";
    Unauthorized = 401, 401, "No valid bearer token (see `GET /v1/demo/users`).";
    NotFound = 404, 404, "No such route.";
    MethodNotAllowed = 405, 405, "The route does not take this method.";
    PayloadTooLarge = 413, 413, "The body is larger than 64 KiB.";
    UnsupportedMediaType = 415, 415, "The body is not declared as JSON.";
    Unprocessable = 422, 422, "The request is well-formed but asks for something inconsistent (the body names another resource than the URL, a date range that ends before it starts).";
    StorageFailed = 503, 503, "The change could not be saved; nothing was changed.";
    PolicyNotFound = 600039, 404, "No self-serve policy has this id (read or delete).";
    PolicyNotFoundForUpdate = 600040, 404, "No self-serve policy has this id (update).";
    PolicyExists = 600041, 409, "The customer already has a self-serve policy: read it and PUT the change instead.";
    StaleEtag = 2055, 412, "The etag sent is not the policy's current one: someone changed it since it was read.";
    NotAdminAgent = 900001, 403, "Only an Admin agent can change customer permissions.";
    NotAllowedToCreateCustomers = 900002, 403, "Only Admin and Sales agents can create customers.";
    UnknownCustomer = 900003, 404, "No customer has this Microsoft ID.";
    InvalidCustomerId = 900004, 400, "The id given is not a Microsoft ID (a GUID).";
    InvalidNewCustomer = 900005, 400, "The new customer's details are not acceptable (the description says which); a body valid by the schema never gets it.";
    DomainTaken = 900006, 409, "Another customer already has this primary domain.";
    UnknownPartnerUser = 900007, 401, "The token signs in nobody the partner knows.";
}

#[cfg(feature = "openapi")]
mod openapi {
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
}
