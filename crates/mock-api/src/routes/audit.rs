//! `/v1/auditrecords`: the Activity log, as Partner Center's audit records.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use domain::{ActivityRecord, PermissionSet};
use serde::Deserialize;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::{Date, Duration, OffsetDateTime};
use uuid::Uuid;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::Params;
use crate::routes::{collection, permissions_json, rfc3339};
use crate::state::AppState;

/// Without `startDate`, records of the last 30 days.
pub const DEFAULT_DAYS: i64 = 30;

pub fn routes() -> Router<AppState> {
    Router::new().route("/v1/auditrecords", get(list))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AuditQuery {
    start_date: Option<String>,
    end_date: Option<String>,
}

/// A date as `2026-11-25` or an RFC 3339 date-time (its UTC date counts).
fn parse_day(name: &str, text: &str) -> Result<Date, ApiError> {
    domain::dates::parse_date(text)
        .or_else(|| {
            OffsetDateTime::parse(text.trim(), &Rfc3339)
                .ok()
                .map(|at| at.to_offset(time::UtcOffset::UTC).date())
        })
        .ok_or_else(|| ApiError::BadRequest(format!("{name} must be a date such as 2026-11-25")))
}

/// The permissions as Partner Center shows a resource value: the policy's JSON, as text.
fn resource_value(permissions: &PermissionSet) -> String {
    json!({ "permissions": permissions_json(permissions) }).to_string()
}

fn record_json(partner: Uuid, record: &ActivityRecord) -> Value {
    json!({
        "id": record.id.to_string(),
        "partnerId": partner,
        "customerId": record.customer_id,
        "customerName": record.customer_name,
        "userPrincipalName": record.partner_user,
        "resourceType": "self_serve_policy",
        "resourceOldValue": resource_value(&record.old_value),
        "resourceNewValue": resource_value(&record.new_value),
        "operationType": record.action.operation_type(),
        "operationDate": rfc3339(record.at),
        "operationStatus": "succeeded",
        "applicationId": "",
        "attributes": { "objectType": "AuditRecord" },
    })
}

/// `GET /v1/auditrecords?startDate=&endDate=`: both dates included (UTC), newest first.
async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    Params(query): Params<AuditQuery>,
) -> Result<Json<Value>, ApiError> {
    let end = match query.end_date.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(text) => parse_day("endDate", text)?,
        None => OffsetDateTime::now_utc().date(),
    };
    let start = match query.start_date.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(text) => parse_day("startDate", text)?,
        None => end.checked_sub(Duration::days(DEFAULT_DAYS)).unwrap_or(end),
    };
    if start > end {
        return Err(ApiError::BadRequest(
            "startDate is after endDate".to_string(),
        ));
    }
    let store = state.read();
    let partner = store.partner().tenant_id;
    let items = store
        .activity(start, end)
        .iter()
        .map(|r| record_json(partner, r))
        .collect();
    Ok(Json(collection(items)))
}
