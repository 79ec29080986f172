//! The routes of `/_mock`: fault rules, the request journal, reset and snapshots.

use api_types::stand_in::{Count, FaultRule, JournalEntry, JournalQuery, NewFaultRule, NewSnapshot, Reset, Snapshot};
use api_types::{Collection, ErrorBody};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use domain::{DemoSpec, PartnerStore};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{StandInAdmin, TAG};
use crate::error::ApiError;
use crate::extract::{Body, Params};
use crate::state::{AppState, SecondsClock};

/// The most generated customers a reset makes.
const MAX_CUSTOMERS: u32 = 10_000;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_faults, add_fault, clear_faults))
        .routes(routes!(remove_fault))
        .routes(routes!(list_requests, clear_requests))
        .routes(routes!(count_requests))
        .routes(routes!(reset))
        .routes(routes!(list_snapshots, take_snapshot))
        .routes(routes!(restore_snapshot))
}

/// The fault rules in force, oldest first (the order they are tried in), with how often each
/// matched and applied.
#[utoipa::path(get, path = "/_mock/faults", operation_id = "listFaultRules", tag = TAG,
    responses(
        (status = 200, description = "The rules.", body = Collection<FaultRule>),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn list_faults(State(state): State<AppState>, _: StandInAdmin) -> Json<Collection<FaultRule>> {
    Json(Collection::of(state.stand_in().faults.list()))
}

/// Adds a fault rule, tried after the ones before it.
#[utoipa::path(post, path = "/_mock/faults", operation_id = "addFaultRule", tag = TAG,
    request_body = NewFaultRule,
    responses(
        (status = 201, description = "The rule, in force.", body = FaultRule),
        (status = 400, description = "Not a rule its schema allows (code 400).", body = ErrorBody),
        (status = 422, description = "A rule the schema allows but that cannot apply: `maxMs` below `ms`, a status other than 500 or 503 (code 422).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn add_fault(
    State(state): State<AppState>,
    _: StandInAdmin,
    Body(rule): Body<NewFaultRule>,
) -> Result<(StatusCode, Json<FaultRule>), ApiError> {
    Ok((StatusCode::CREATED, Json(state.stand_in().faults.add(rule)?)))
}

/// Removes every fault rule.
#[utoipa::path(delete, path = "/_mock/faults", operation_id = "clearFaultRules", tag = TAG,
    responses(
        (status = 204, description = "No rule is left."),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn clear_faults(State(state): State<AppState>, _: StandInAdmin) -> StatusCode {
    state.stand_in().faults.clear();
    StatusCode::NO_CONTENT
}

/// Removes one fault rule.
#[utoipa::path(delete, path = "/_mock/faults/{id}", operation_id = "removeFaultRule", tag = TAG,
    params(("id" = uuid::Uuid, Path, description = "The rule's id.", example = "0b6f2a8e-3c1d-4e5f-9a7b-2c4d6e8f0a1b")),
    responses(
        (status = 204, description = "Removed."),
        (status = 400, description = "The id is not a GUID (code 400).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
        (status = 404, description = "No rule has this id (code 900091).", body = ErrorBody),
    ))]
async fn remove_fault(State(state): State<AppState>, _: StandInAdmin, Path(id): Path<String>) -> Result<StatusCode, ApiError> {
    let id = crate::routes::guid(&id, "id", |t| uuid::Uuid::parse_str(t).ok())?;
    state.stand_in().faults.remove(id)?;
    Ok(StatusCode::NO_CONTENT)
}

/// The requests the server served (but `/_mock`'s), newest first, as the filters say.
#[utoipa::path(get, path = "/_mock/requests", operation_id = "listServedRequests", tag = TAG,
    params(JournalQuery),
    responses(
        (status = 200, description = "The requests, newest first.", body = Collection<JournalEntry>),
        (status = 400, description = "A filter does not parse (code 400).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn list_requests(
    State(state): State<AppState>,
    _: StandInAdmin,
    Params(query): Params<JournalQuery>,
) -> Result<Json<Collection<JournalEntry>>, ApiError> {
    Ok(Json(Collection::of(state.stand_in().journal.list(&checked(query)?))))
}

/// A journal query within its schema: a status from 100 to 599, `since` at most 4294967295.
fn checked(query: JournalQuery) -> Result<JournalQuery, ApiError> {
    if query.status.is_some_and(|s| !(100..=599).contains(&s)) {
        return Err(ApiError::BadRequest("status is from 100 to 599".to_string()));
    }
    if query.since.is_some_and(|s| s > u64::from(u32::MAX)) {
        return Err(ApiError::BadRequest("since is at most 4294967295".to_string()));
    }
    if query.limit.is_some_and(|l| l == 0 || l > 10_000) {
        return Err(ApiError::BadRequest("limit is from 1 to 10000".to_string()));
    }
    Ok(query)
}

/// How many served requests match the filters ("exactly one purchase was sent").
#[utoipa::path(get, path = "/_mock/requests/count", operation_id = "countServedRequests", tag = TAG,
    params(JournalQuery),
    responses(
        (status = 200, description = "How many.", body = Count),
        (status = 400, description = "A filter does not parse (code 400).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn count_requests(State(state): State<AppState>, _: StandInAdmin, Params(query): Params<JournalQuery>) -> Result<Json<Count>, ApiError> {
    Ok(Json(Count { count: state.stand_in().journal.count(&checked(query)?) }))
}

/// Forgets every served request.
#[utoipa::path(delete, path = "/_mock/requests", operation_id = "clearServedRequests", tag = TAG,
    responses(
        (status = 204, description = "The journal is empty."),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn clear_requests(State(state): State<AppState>, _: StandInAdmin) -> StatusCode {
    state.stand_in().journal.clear();
    StatusCode::NO_CONTENT
}

/// Starts again from the demo data, with `customers` generated customers of `seed`: every
/// change, cart and remembered reply is gone (fault rules, the journal and snapshots stay).
/// Event streams are told to read everything again.
#[utoipa::path(post, path = "/_mock/reset", operation_id = "resetData", tag = TAG,
    request_body = Reset,
    responses(
        (status = 204, description = "Fresh demo data."),
        (status = 400, description = "More than 10,000 customers, or not a body of this shape (code 400).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
        (status = 503, description = "The data file could not be written; nothing changed (code 503).", body = ErrorBody),
    ))]
async fn reset(State(state): State<AppState>, _: StandInAdmin, Body(reset): Body<Reset>) -> Result<StatusCode, ApiError> {
    if reset.customers > MAX_CUSTOMERS || reset.seed > i32::MAX as u32 {
        return Err(ApiError::BadRequest(format!("customers is at most {MAX_CUSTOMERS}, seed at most 2147483647")));
    }
    use domain::Clock;
    let spec = DemoSpec::new(reset.customers, SecondsClock.now()).with_seed(u64::from(reset.seed));
    state.replace(PartnerStore::demo(spec).snapshot())?;
    Ok(StatusCode::NO_CONTENT)
}

/// The snapshots taken, by name.
#[utoipa::path(get, path = "/_mock/snapshots", operation_id = "listSnapshots", tag = TAG,
    responses(
        (status = 200, description = "The snapshots.", body = Collection<Snapshot>),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn list_snapshots(State(state): State<AppState>, _: StandInAdmin) -> Json<Collection<Snapshot>> {
    let snapshots = state.stand_in().snapshots();
    Json(Collection::of(snapshots.iter().map(|(name, (_, taken))| Snapshot { name: name.clone(), taken: taken.clone() }).collect()))
}

/// Takes a snapshot of all the data under a name (one of that name is replaced); it lasts
/// until the server stops.
#[utoipa::path(post, path = "/_mock/snapshots", operation_id = "takeSnapshot", tag = TAG,
    request_body = NewSnapshot,
    responses(
        (status = 201, description = "Taken.", body = Snapshot),
        (status = 400, description = "The name is not 1 to 64 letters, digits, `-`, `_` or `.` (code 400).", body = ErrorBody),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
    ))]
async fn take_snapshot(
    State(state): State<AppState>,
    _: StandInAdmin,
    Body(asked): Body<NewSnapshot>,
) -> Result<(StatusCode, Json<Snapshot>), ApiError> {
    if !domain::purchases::is_valid_alias(&asked.name) {
        return Err(ApiError::BadRequest("name is 1 to 64 letters, digits, -, _ or .".to_string()));
    }
    let snapshot = state.read().snapshot();
    let taken = api_types::datetime::format(time::OffsetDateTime::now_utc());
    state.stand_in().snapshots().insert(asked.name.clone(), (snapshot, taken.clone()));
    Ok((StatusCode::CREATED, Json(Snapshot { name: asked.name, taken })))
}

/// Puts the data back as it was when the snapshot was taken; event streams are told to read
/// everything again.
#[utoipa::path(post, path = "/_mock/snapshots/{name}/restore", operation_id = "restoreSnapshot", tag = TAG,
    params(("name" = String, Path, description = "The snapshot's name.", example = "before-test")),
    responses(
        (status = 204, description = "Restored."),
        (status = 403, description = "Neither the admin token nor a partner Admin agent's (code 900090).", body = ErrorBody),
        (status = 404, description = "No snapshot has this name (code 900092).", body = ErrorBody),
        (status = 503, description = "The data file could not be written; nothing changed (code 503).", body = ErrorBody),
    ))]
async fn restore_snapshot(State(state): State<AppState>, _: StandInAdmin, Path(name): Path<String>) -> Result<StatusCode, ApiError> {
    let snapshot = state.stand_in().snapshots().get(&name).map(|(snapshot, _)| snapshot.clone());
    let snapshot = snapshot.ok_or_else(|| ApiError::UnknownSnapshot(name.chars().take(64).collect()))?;
    state.replace(snapshot)?;
    Ok(StatusCode::NO_CONTENT)
}
