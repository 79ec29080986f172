//! `/v1/SelfServePolicy`: a customer's permission to buy Azure reservations and savings
//! plans on its own. Every rule is the domain's; this file only speaks Partner Center.

use axum::extract::State;
use axum::http::header::IF_MATCH;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use domain::{CustomerId, Etag, PartnerStore, Permission, PermissionSet, SelfServePolicy};
use serde::Deserialize;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::auth::Caller;
use crate::db::StoredReply;
use crate::error::{ApiError, POLICY_NOT_FOUND, POLICY_NOT_FOUND_FOR_UPDATE};
use crate::extract::{header, Body, Params, PathId};
use crate::routes::{collection, json_response, permissions_json, replay, request_key};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/SelfServePolicy", get(list).post(create))
        .route(
            "/v1/SelfServePolicy/{id}",
            get(read).put(update).delete(remove),
        )
}

/// A policy as a client sends it (POST: without id and etag; PUT: the full resource).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PolicyInput {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    self_serve_entity: Option<EntityInput>,
    permissions: Vec<PermissionInput>,
    #[serde(default)]
    attributes: Option<AttributesInput>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EntityInput {
    #[serde(default)]
    self_serve_entity_type: Option<String>,
    #[serde(rename = "tenantID", alias = "tenantId")]
    tenant_id: String,
}

#[derive(Debug, Deserialize)]
struct PermissionInput {
    resource: String,
    action: String,
}

#[derive(Debug, Deserialize)]
struct AttributesInput {
    #[serde(default)]
    etag: Option<String>,
}

impl PolicyInput {
    /// The customer named by `selfServeEntity`, if the body names one.
    fn customer(&self) -> Result<Option<CustomerId>, ApiError> {
        let Some(entity) = &self.self_serve_entity else {
            return Ok(None);
        };
        if let Some(kind) = &entity.self_serve_entity_type {
            if !kind.eq_ignore_ascii_case("customer") {
                return Err(ApiError::BadRequest(format!(
                    "selfServeEntityType must be \"customer\", not \"{}\"",
                    kind.chars().take(40).collect::<String>()
                )));
            }
        }
        Ok(Some(CustomerId::parse(&entity.tenant_id)?))
    }

    /// The permissions asked for; at least one (a policy without any does not exist).
    fn permission_set(&self) -> Result<PermissionSet, ApiError> {
        let mut set = PermissionSet::new();
        for item in &self.permissions {
            let permission = Permission::from_resource_name(&item.resource).ok_or_else(|| {
                ApiError::BadRequest(format!(
                    "unknown resource \"{}\": use AzureReservedInstances or AzureSavingsPlan",
                    item.resource.chars().take(40).collect::<String>()
                ))
            })?;
            if !item.action.eq_ignore_ascii_case("Purchase") {
                return Err(ApiError::BadRequest(
                    "the only action is \"Purchase\"".to_string(),
                ));
            }
            set.insert(permission);
        }
        if set.is_empty() {
            return Err(ApiError::BadRequest(
                "a policy needs at least one permission; DELETE the policy to revoke them all"
                    .to_string(),
            ));
        }
        Ok(set)
    }
}

/// `{partnerTenantId}_{customerTenantId}`.
pub fn policy_id(partner: Uuid, customer: &CustomerId) -> String {
    format!("{}_{}", partner.hyphenated(), customer)
}

/// The customer a policy id names; a malformed id, another partner's or an unknown
/// customer's is a policy that is not found (with `code`).
fn customer_of(store: &PartnerStore, id: &str, code: u32) -> Result<CustomerId, ApiError> {
    let not_found = || ApiError::policy_not_found(id, code);
    let (partner, customer) = id.split_once('_').ok_or_else(not_found)?;
    let partner = Uuid::try_parse(partner).map_err(|_| not_found())?;
    let customer = CustomerId::parse(customer).map_err(|_| not_found())?;
    if partner != store.partner().tenant_id || store.customer(&customer).is_err() {
        return Err(not_found());
    }
    Ok(customer)
}

pub fn policy_json(partner: Uuid, policy: &SelfServePolicy) -> Value {
    let permissions = permissions_json(&policy.permissions);
    json!({
        "id": policy_id(partner, &policy.customer_id),
        "selfServeEntity": { "selfServeEntityType": "customer", "tenantID": policy.customer_id },
        "grantor": { "grantorType": "billToPartner", "tenantID": partner },
        "permissions": permissions,
        "attributes": { "etag": policy.etag.as_str(), "objectType": "SelfServePolicy" },
    })
}

fn policy_response(status: StatusCode, partner: Uuid, policy: &SelfServePolicy) -> Response {
    json_response(
        status,
        policy_json(partner, policy).to_string(),
        Some(&policy.etag),
    )
}

/// An etag as clients send it: with or without its quotes, possibly weak (`W/`).
fn parse_etag(text: &str) -> Etag {
    let text = text.trim();
    let text = text.strip_prefix("W/").unwrap_or(text);
    if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') {
        Etag::new(text)
    } else {
        Etag::new(format!("\"{text}\""))
    }
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    entity_id: Option<String>,
}

/// `GET /v1/SelfServePolicy?entity_id=` (without `entity_id`: every policy).
async fn list(
    State(state): State<AppState>,
    _caller: Caller,
    Params(query): Params<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let store = state.read();
    let partner = store.partner().tenant_id;
    let items: Vec<Value> = match query
        .entity_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(entity) => {
            let customer = CustomerId::parse(entity)?;
            store
                .policy(&customer)?
                .map(|p| policy_json(partner, p))
                .into_iter()
                .collect()
        }
        None => store
            .policies()
            .into_iter()
            .map(|p| policy_json(partner, p))
            .collect(),
    };
    Ok(Json(collection(items)))
}

/// `GET /v1/SelfServePolicy/{id}`.
async fn read(
    State(state): State<AppState>,
    _caller: Caller,
    PathId(id): PathId,
) -> Result<Response, ApiError> {
    let store = state.read();
    let customer = customer_of(&store, &id, POLICY_NOT_FOUND)?;
    let partner = store.partner().tenant_id;
    match store.policy(&customer)? {
        Some(policy) => Ok(policy_response(StatusCode::OK, partner, policy)),
        None => Err(ApiError::policy_not_found(&id, POLICY_NOT_FOUND)),
    }
}

/// `POST /v1/SelfServePolicy`: 201, or 409 when the customer already has a policy. Retried
/// with the same `MS-RequestId`, it answers as the first time and creates nothing.
async fn create(
    State(state): State<AppState>,
    Caller(actor): Caller,
    headers: HeaderMap,
    Body(input): Body<PolicyInput>,
) -> Result<Response, ApiError> {
    let customer = input.customer()?.ok_or_else(|| {
        ApiError::BadRequest("selfServeEntity.tenantID (the customer) is required".to_string())
    })?;
    let wanted = input.permission_set()?;
    let request_id = request_key(&headers, "POST /v1/SelfServePolicy");

    let mut writer = state.write();
    writer.store().authorize_change(&actor)?;
    if let Some(reply) = writer.earlier_reply(request_id.as_deref())? {
        return Ok(replay(reply));
    }
    if writer.store().policy(&customer)?.is_some() {
        return Err(ApiError::PolicyExists(customer.to_string()));
    }
    let partner = writer.store().partner().tenant_id;
    let change = writer.apply(&actor, &customer, wanted, None, |change| {
        let policy = change.policy.as_ref()?;
        StoredReply::created(request_id, || policy_json(partner, policy).to_string())
    })?;
    match &change.policy {
        Some(policy) => Ok(policy_response(StatusCode::CREATED, partner, policy)),
        None => Err(ApiError::BadRequest(
            "no permission was granted".to_string(),
        )),
    }
}

/// `PUT /v1/SelfServePolicy/{id}` with the etag last read (body `attributes.etag` or
/// `If-Match`): 200 with a new etag, 412 when someone changed it since.
async fn update(
    State(state): State<AppState>,
    Caller(actor): Caller,
    PathId(id): PathId,
    headers: HeaderMap,
    Body(input): Body<PolicyInput>,
) -> Result<Response, ApiError> {
    let wanted = input.permission_set()?;
    let customer = customer_of(&state.read(), &id, POLICY_NOT_FOUND_FOR_UPDATE)?;
    if input
        .id
        .as_deref()
        .is_some_and(|body_id| !body_id.eq_ignore_ascii_case(&id))
    {
        return Err(ApiError::BadRequest(
            "the body's id is not the id in the URL".to_string(),
        ));
    }
    if input.customer()?.is_some_and(|c| c != customer) {
        return Err(ApiError::BadRequest(
            "selfServeEntity.tenantID is not the customer in the URL".to_string(),
        ));
    }
    let etag = header(&headers, IF_MATCH.as_str())
        .or_else(|| input.attributes.as_ref().and_then(|a| a.etag.clone()))
        .map(|text| parse_etag(&text))
        .ok_or_else(|| {
            ApiError::BadRequest(
                "send the etag you last read (attributes.etag or If-Match)".to_string(),
            )
        })?;

    let mut writer = state.write();
    writer.store().authorize_change(&actor)?;
    if writer.store().policy(&customer)?.is_none() {
        return Err(ApiError::policy_not_found(&id, POLICY_NOT_FOUND_FOR_UPDATE));
    }
    let partner = writer.store().partner().tenant_id;
    let change = writer.apply(&actor, &customer, wanted, Some(&etag), |_| None)?;
    match &change.policy {
        Some(policy) => Ok(policy_response(StatusCode::OK, partner, policy)),
        None => Err(ApiError::policy_not_found(&id, POLICY_NOT_FOUND_FOR_UPDATE)),
    }
}

/// `DELETE /v1/SelfServePolicy/{id}` (optionally with `If-Match`): 204, 404 when absent.
async fn remove(
    State(state): State<AppState>,
    Caller(actor): Caller,
    PathId(id): PathId,
    headers: HeaderMap,
) -> Result<StatusCode, ApiError> {
    let customer = customer_of(&state.read(), &id, POLICY_NOT_FOUND)?;
    let etag = header(&headers, IF_MATCH.as_str()).map(|text| parse_etag(&text));

    let mut writer = state.write();
    writer.store().authorize_change(&actor)?;
    if writer.store().policy(&customer)?.is_none() {
        return Err(ApiError::policy_not_found(&id, POLICY_NOT_FOUND));
    }
    writer.apply(
        &actor,
        &customer,
        PermissionSet::new(),
        etag.as_ref(),
        |_| None,
    )?;
    Ok(StatusCode::NO_CONTENT)
}
