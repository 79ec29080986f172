//! `/v1/auditrecords`: the Activity log, as Partner Center's audit records.

use api_types::audit::{AuditQuery, AuditRecord};
use api_types::{Collection, ErrorBody};
use axum::extract::State;
use axum::Json;
use time::{Date, Duration, OffsetDateTime};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::Params;
use crate::state::AppState;

pub const TAG: &str = "Audit records";

/// Without `startDate`, records of the last 30 days.
pub const DEFAULT_DAYS: i64 = 30;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// A date as `2026-11-25` or an RFC 3339 date-time (its UTC date counts).
fn parse_day(name: &str, text: &str) -> Result<Date, ApiError> {
    domain::dates::parse_date(text)
        .or_else(|| api_types::datetime::parse(text).map(|at| at.date()))
        .ok_or_else(|| ApiError::BadRequest(format!("{name} must be a date such as 2026-11-25")))
}

/// The Activity log from `startDate` to `endDate` (both included, UTC), newest first.
#[utoipa::path(
    get,
    path = "/v1/auditrecords",
    operation_id = "listAuditRecords",
    tag = TAG,
    params(AuditQuery),
    responses(
        (status = 200, description = "The records, newest first.", body = Collection<AuditRecord>),
        (status = 422, description = "`startDate` is after `endDate` (code 422).", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    Params(query): Params<AuditQuery>,
) -> Result<Json<Collection<AuditRecord>>, ApiError> {
    let end = match query.end_date.as_deref() {
        Some(text) => parse_day("endDate", text)?,
        None => OffsetDateTime::now_utc().date(),
    };
    let start = match query.start_date.as_deref() {
        Some(text) => parse_day("startDate", text)?,
        None => end.checked_sub(Duration::days(DEFAULT_DAYS)).unwrap_or(end),
    };
    if start > end {
        return Err(ApiError::Unprocessable(format!(
            "startDate {start} is after endDate {end}"
        )));
    }
    let store = state.read();
    let partner = store.partner().tenant_id;
    let to_json =
        |value: &api_types::audit::PolicyValue| serde_json::to_string(value).unwrap_or_default();
    let items = store
        .activity(&caller, start, end)?
        .iter()
        .map(|r| AuditRecord::from_domain(partner, r, to_json))
        .collect();
    Ok(Json(Collection::of(items)))
}
