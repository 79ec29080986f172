//! What the Azure Resource Manager routes share (`/subscriptions…`, `/providers…`): their
//! error body, their lists, and resource ids such as `/subscriptions/{id}`.

use domain::{AzureSubscriptionId, DomainError};
use serde::{Deserialize, Serialize};

use crate::error::ErrorCode;

/// Azure's error body: `{"error": {"code", "message"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "error": {
        "code": "NotOwnerOfSubscription",
        "message": "You do not have owner or reservation purchaser access on the subscription.",
        "additionalInfo": [ { "type": "Refusal", "info": { "NotOwnerOfSubscription": "2f4a9c1e-7d3b-4e8a-9c6f-1b2d3e4f5a60" } } ]
    }
})))]
pub struct ArmErrorBody {
    pub error: ArmError,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ArmError {
    /// What failed: the `ARM code` column of the table of [`ErrorCode`] (the
    /// `ErrorBody.code` description in this document lists them all).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::error::openapi::arm_code_schema))]
    pub code: String,
    /// The failure in words; for the refusals the customer meets, Azure's own words.
    pub message: String,
    /// For a refusal the domain decided: one entry of type `Refusal`, the refusal itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_info: Vec<ArmErrorInfo>,
}

/// Azure's `additionalInfo` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArmErrorInfo {
    /// `Refusal`.
    #[serde(rename = "type")]
    pub info_type: String,
    /// The refusal itself, as the domain names it (as `ErrorBody.info`).
    #[cfg_attr(feature = "openapi", schema(value_type = Value))]
    pub info: DomainError,
}

impl ArmErrorBody {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { error: ArmError { code: code.arm_code().to_string(), message: message.into(), additional_info: Vec::new() } }
    }

    /// The body of a domain error: its code by name, and the refusal itself.
    pub fn of_domain(error: &DomainError, message: impl Into<String>) -> Self {
        let mut body = Self::new(ErrorCode::Refusal(error.kind()), message);
        body.error.additional_info.push(ArmErrorInfo { info_type: "Refusal".to_string(), info: error.clone() });
        body
    }

    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::from_arm_code(&self.error.code)
    }

    /// The domain error this body reports, if it reports one.
    pub fn domain_error(&self) -> Option<DomainError> {
        self.error.refusal()
    }
}

impl ArmError {
    /// The refusal in `additionalInfo`, if any.
    pub fn refusal(&self) -> Option<DomainError> {
        self.additional_info.iter().find(|i| i.info_type == "Refusal").map(|i| i.info.clone())
    }
}

/// Azure's list: `{"value": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArmList<T> {
    pub value: Vec<T>,
    /// The next page, when there is one (follow it as it is).
    #[serde(rename = "nextLink", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub next_link: Option<String>,
}

impl<T> ArmList<T> {
    pub fn of(value: Vec<T>) -> Self {
        Self { value, next_link: None }
    }
}

/// A GUID, hyphenated (what the schema of an Azure subscription id allows).
pub const GUID_PATTERN: &str = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// `/subscriptions/{id}`: an Azure subscription as a billing scope or an applied scope.
pub fn subscription_scope(azure: &AzureSubscriptionId) -> String {
    format!("/subscriptions/{azure}")
}

/// The Azure subscription of `/subscriptions/{id}` (or of the bare id); `None` otherwise.
pub fn parse_subscription_scope(text: &str) -> Option<AzureSubscriptionId> {
    let text = text.trim();
    let id = match text.get(..15) {
        Some(prefix) if prefix.eq_ignore_ascii_case("/subscriptions/") => &text[15..],
        _ => text,
    };
    AzureSubscriptionId::parse(id.trim_end_matches('/'))
}
