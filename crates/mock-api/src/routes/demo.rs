//! The partner, its demo users and their tokens, who is signed in, and the API's OpenAPI
//! document.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use domain::PartnerUser;
use serde_json::{json, Value};

use crate::auth::{token_for, Caller};
use crate::error::ApiError;
use crate::routes::collection;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/demo/users", get(users))
        .route("/v1/partner", get(partner))
        .route("/v1/me", get(me))
        .route("/v1/openapi.json", get(openapi))
}

fn user_json(user: &PartnerUser) -> Value {
    json!({
        "userPrincipalName": user.id,
        "displayName": user.display_name,
        "role": user.role,
        "roleName": user.role.to_string(),
        "mayChangeCustomerPermissions": user.role.may_change_customer_permissions(),
        "token": token_for(user),
    })
}

/// `GET /v1/demo/users` (no token needed): every demo user, with the token to send as
/// `Authorization: Bearer {token}`.
async fn users(State(state): State<AppState>) -> Json<Value> {
    let store = state.read();
    Json(collection(
        store.partner_users().iter().map(user_json).collect(),
    ))
}

/// The OpenAPI 3 document of every route, as checked in.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// `GET /v1/openapi.json` (no token needed).
async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], OPENAPI)
}

/// `GET /v1/partner`.
async fn partner(State(state): State<AppState>, _caller: Caller) -> Json<Value> {
    let store = state.read();
    let partner = store.partner();
    Json(json!({
        "tenantId": partner.tenant_id,
        "companyName": partner.company_name,
        "domain": partner.domain,
        "customerCount": store.customer_count(),
        "attributes": { "objectType": "Partner" },
    }))
}

/// `GET /v1/me`: the user the token signs in.
async fn me(State(state): State<AppState>, Caller(id): Caller) -> Result<Json<Value>, ApiError> {
    let store = state.read();
    Ok(Json(user_json(store.partner_user(&id)?)))
}
