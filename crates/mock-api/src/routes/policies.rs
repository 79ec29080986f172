//! `/v1/SelfServePolicy`: a customer's permission to buy Azure reservations and savings
//! plans on its own. Every rule is the domain's; this file only speaks Partner Center.

use api_types::policy::{NewPolicy, PolicyQuery, PolicyUpdate, SelfServePolicy};
use api_types::{Collection, ErrorBody};
use axum::extract::State;
use axum::http::header::IF_MATCH;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use domain::{
    Change, CustomerId, DomainError, Etag, PartnerStore, PartnerUserId, PermissionSet, Precondition,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::{header, Body, Params, PathId};
use crate::routes::{remember, replay, request_key, with_etag};
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "SelfServePolicy";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(read, update, remove))
}

/// The customer a policy id names; a malformed id, another partner's or an unknown
/// customer's is a policy that is not found.
fn customer_of(
    store: &PartnerStore,
    caller: &PartnerUserId,
    id: &str,
    for_update: bool,
) -> Result<CustomerId, ApiError> {
    let not_found = || ApiError::policy_not_found(id, for_update);
    let (partner, customer) = id.split_once('_').ok_or_else(not_found)?;
    let partner = Uuid::try_parse(partner).map_err(|_| not_found())?;
    let customer = CustomerId::parse(customer).map_err(|_| not_found())?;
    if partner != store.partner().tenant_id {
        return Err(not_found());
    }
    match store.customer(caller, &customer) {
        Ok(_) => Ok(customer),
        Err(DomainError::UnknownCustomer(_)) => Err(not_found()),
        Err(other) => Err(other.into()),
    }
}

/// What the caller last read, from `If-Match` (with or without its quotes, possibly weak;
/// `*`: whatever it is now) or else the body's etag; `None` when neither is sent.
fn precondition(headers: &HeaderMap, body_etag: Option<&str>) -> Option<Precondition> {
    let text = header(headers, IF_MATCH.as_str()).or_else(|| body_etag.map(str::to_string))?;
    let text = text.trim();
    if text == "*" {
        return Some(Precondition::Any);
    }
    let text = text.strip_prefix("W/").unwrap_or(text);
    let quoted = text.len() >= 2 && text.starts_with('"') && text.ends_with('"');
    Some(Precondition::Etag(if quoted {
        Etag::new(text)
    } else {
        Etag::new(format!("\"{text}\""))
    }))
}

/// The permissions asked for; the schema asks for at least one (a policy without any does
/// not exist: DELETE it instead).
fn wanted(permissions: &[api_types::policy::PolicyPermission]) -> Result<PermissionSet, ApiError> {
    let wanted = api_types::policy::permission_set(permissions);
    if wanted.is_empty() {
        return Err(ApiError::BadRequest(
            "a policy needs at least one permission; DELETE the policy to revoke them all"
                .to_string(),
        ));
    }
    Ok(wanted)
}

/// The policy a decided change leaves (`None`: no permission left).
fn policy_after(change: &Change) -> Option<&domain::SelfServePolicy> {
    match change {
        Change::Permissions(change) => change.policy.as_ref(),
        _ => None,
    }
}

/// Policies, of one customer or all.
#[utoipa::path(
    get,
    path = "/v1/SelfServePolicy",
    operation_id = "listSelfServePolicies",
    tag = TAG,
    params(PolicyQuery),
    responses(
        (status = 200, description = "The customer's policy (none while every permission is Off), or every policy.",
            body = Collection<SelfServePolicy>),
        (status = 400, description = "`entity_id` is not a GUID (code 900004).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    Params(query): Params<PolicyQuery>,
) -> Result<Json<Collection<SelfServePolicy>>, ApiError> {
    let store = state.read();
    let partner = store.partner().tenant_id;
    let policies = match query.entity_id.as_deref() {
        Some(entity) => store
            .policy(&caller, &CustomerId::parse(entity)?)?
            .into_iter()
            .collect(),
        None => store.policies(&caller)?,
    };
    Ok(Json(Collection::of(
        policies
            .into_iter()
            .map(|p| SelfServePolicy::from_domain(partner, p))
            .collect(),
    )))
}

/// One policy.
#[utoipa::path(
    get,
    path = "/v1/SelfServePolicy/{id}",
    operation_id = "readSelfServePolicy",
    tag = TAG,
    params(("id" = String, Path, description = "`{partnerTenantId}_{customerTenantId}`",
        example = "6f0c1d2e-aa55-4c8b-9b3e-2f70d1c0ffee_e8d155b9-e946-49bb-b06f-c96c46048034")),
    responses(
        (status = 200, description = "The policy.", body = SelfServePolicy,
            headers(("ETag" = String, description = "The policy's etag, as in `attributes.etag`."))),
        (status = 404, description = "No policy has this id (code 600039).", body = ErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    let store = state.read();
    let customer = customer_of(&store, &caller, &id, false)?;
    let partner = store.partner().tenant_id;
    match store.policy(&caller, &customer)? {
        Some(policy) => Ok(with_etag(
            StatusCode::OK,
            SelfServePolicy::from_domain(partner, policy),
            &policy.etag,
        )),
        None => Err(ApiError::policy_not_found(&id, false)),
    }
}

/// Grant permissions: create the customer's policy. Retried with the same `MS-RequestId`,
/// it answers as the first time and creates nothing.
#[utoipa::path(
    post,
    path = "/v1/SelfServePolicy",
    operation_id = "createSelfServePolicy",
    tag = TAG,
    params(
        ("MS-RequestId" = Option<String>, Header, format = Uuid,
            description = "Retrying a POST with the same id answers as the first time and creates nothing."),
    ),
    request_body = NewPolicy,
    responses(
        (status = 201, description = "The policy, with its etag.", body = SelfServePolicy,
            headers(("ETag" = String, description = "The policy's etag."))),
        (status = 403, description = "Only an Admin agent can change customer permissions (code 900001); a customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No customer has this Microsoft ID (code 900003).", body = ErrorBody),
        (status = 409, description = "The customer already has a policy: PUT the change instead (code 600041).", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    headers: HeaderMap,
    Body(input): Body<NewPolicy>,
) -> Result<Response, ApiError> {
    let customer = input.self_serve_entity.tenant_id;
    let wanted = wanted(&input.permissions)?;
    let key = request_key(&headers, "POST /v1/SelfServePolicy")?;

    let mut writer = state.write();
    // Who may not change permissions gets 403, also when resending someone else's request.
    writer.store().authorize_change(&actor)?;
    if let Some(reply) = writer.earlier_reply(key.as_deref())? {
        return Ok(replay(reply));
    }
    if writer.store().policy(&actor, &customer)?.is_some() {
        return Err(ApiError::PolicyExists(customer));
    }
    let change = writer
        .store()
        .decide_permissions(
            &actor,
            &customer,
            wanted,
            Precondition::Absent,
            &SecondsClock,
        )?
        .ok_or_else(|| ApiError::Unprocessable("no permission was granted".to_string()))?;
    let policy = policy_after(&change)
        .cloned()
        .ok_or_else(|| ApiError::Unprocessable("no permission was granted".to_string()))?;
    let body = SelfServePolicy::from_domain(writer.store().partner().tenant_id, &policy);
    let reply = remember(key, StatusCode::CREATED, &body)?;
    writer.keep(change, reply)?;
    Ok(with_etag(StatusCode::CREATED, body, &policy.etag))
}

/// Change the permissions, with the etag last read: 200 with a new etag, 412 when someone
/// changed the policy since.
#[utoipa::path(
    put,
    path = "/v1/SelfServePolicy/{id}",
    operation_id = "updateSelfServePolicy",
    tag = TAG,
    params(
        ("id" = String, Path, description = "`{partnerTenantId}_{customerTenantId}`",
            example = "6f0c1d2e-aa55-4c8b-9b3e-2f70d1c0ffee_e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("If-Match" = Option<String>, Header,
            description = "The etag last read, instead of `attributes.etag` (which it overrides); `*`: whatever the policy is now."),
    ),
    request_body = PolicyUpdate,
    responses(
        (status = 200, description = "The policy, with a new etag if it changed.", body = SelfServePolicy,
            headers(("ETag" = String, description = "The policy's etag."))),
        (status = 403, description = "Only an Admin agent can change customer permissions (code 900001); a customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No policy has this id (code 600040).", body = ErrorBody),
        (status = 412, description = "The etag is not the policy's current one (code 2055).", body = ErrorBody),
        (status = 422, description = "The body's `id` or `selfServeEntity` names another policy than the URL (code 422).", body = ErrorBody),
    )
)]
async fn update(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    PathId(id): PathId,
    headers: HeaderMap,
    Body(input): Body<PolicyUpdate>,
) -> Result<Response, ApiError> {
    let wanted = wanted(&input.permissions)?;
    let customer = customer_of(&state.read(), &actor, &id, true)?;
    if input
        .id
        .as_deref()
        .is_some_and(|body_id| !body_id.eq_ignore_ascii_case(&id))
    {
        return Err(ApiError::Unprocessable(
            "the body's id is not the policy in the URL".to_string(),
        ));
    }
    if input
        .self_serve_entity
        .as_ref()
        .is_some_and(|e| e.tenant_id != customer)
    {
        return Err(ApiError::Unprocessable(
            "selfServeEntity.tenantID is not the customer of the policy in the URL".to_string(),
        ));
    }
    let body_etag = input.attributes.as_ref().map(|a| a.etag.as_str());
    let precondition = precondition(&headers, body_etag).ok_or_else(|| {
        ApiError::BadRequest(
            "send the etag you last read (attributes.etag or If-Match)".to_string(),
        )
    })?;

    let mut writer = state.write();
    writer.store().authorize_change(&actor)?;
    let partner = writer.store().partner().tenant_id;
    let Some(current) = writer.store().policy(&actor, &customer)?.cloned() else {
        return Err(ApiError::policy_not_found(&id, true));
    };
    match writer.store().decide_permissions(
        &actor,
        &customer,
        wanted,
        precondition,
        &SecondsClock,
    )? {
        // The same permissions: nothing changes, the policy is as it was.
        None => Ok(with_etag(
            StatusCode::OK,
            SelfServePolicy::from_domain(partner, &current),
            &current.etag,
        )),
        Some(change) => {
            let policy = policy_after(&change)
                .cloned()
                .ok_or_else(|| ApiError::policy_not_found(&id, true))?;
            writer.keep(change, None)?;
            Ok(with_etag(
                StatusCode::OK,
                SelfServePolicy::from_domain(partner, &policy),
                &policy.etag,
            ))
        }
    }
}

/// Revoke every permission: the policy is gone.
#[utoipa::path(
    delete,
    path = "/v1/SelfServePolicy/{id}",
    operation_id = "deleteSelfServePolicy",
    tag = TAG,
    params(
        ("id" = String, Path, description = "`{partnerTenantId}_{customerTenantId}`",
            example = "6f0c1d2e-aa55-4c8b-9b3e-2f70d1c0ffee_e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("If-Match" = Option<String>, Header,
            description = "Only if the policy still has this etag (without: whatever it is now)."),
    ),
    responses(
        (status = 204, description = "The policy is gone."),
        (status = 403, description = "Only an Admin agent can change customer permissions (code 900001); a customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No policy has this id (code 600039).", body = ErrorBody),
        (status = 412, description = "`If-Match` is not the policy's current etag (code 2055).", body = ErrorBody),
    )
)]
async fn remove(
    State(state): State<AppState>,
    PartnerCaller(actor): PartnerCaller,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let customer = customer_of(&state.read(), &actor, &id, false)?;
    let precondition = precondition(&headers, None).unwrap_or(Precondition::Any);

    let mut writer = state.write();
    writer.store().authorize_change(&actor)?;
    if writer.store().policy(&actor, &customer)?.is_none() {
        return Err(ApiError::policy_not_found(&id, false));
    }
    let decided = writer.store().decide_permissions(
        &actor,
        &customer,
        PermissionSet::new(),
        precondition,
        &SecondsClock,
    )?;
    if let Some(change) = decided {
        writer.keep(change, None)?;
    }
    Ok(StatusCode::NO_CONTENT)
}
