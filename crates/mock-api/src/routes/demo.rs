//! The partner, its demo users and their tokens, who is signed in, and the API's OpenAPI
//! document.

use api_types::demo::{DemoUser, DemoUsers, Partner};
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::openapi::OpenApiDocument;
use crate::state::AppState;

pub const TAG: &str = "Demo";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(users))
        .routes(routes!(partner))
        .routes(routes!(me))
        .routes(routes!(openapi))
}

/// Every demo partner user (`items`) and every customer user who can sign in, by company
/// (`companies`), each with the token to send as `Authorization: Bearer {token}` (no token
/// needed).
#[utoipa::path(
    get,
    path = "/v1/demo/users",
    operation_id = "listDemoUsers",
    tag = TAG,
    security(()),
    responses((status = 200, description = "The demo users and their tokens.", body = DemoUsers))
)]
async fn users(State(state): State<AppState>) -> Json<DemoUsers> {
    let store = state.read();
    Json(DemoUsers::from_domain(store.partner_users(), &store.companies_to_sign_in_as()))
}

/// The partner whose staff use the product.
#[utoipa::path(
    get,
    path = "/v1/partner",
    operation_id = "readPartner",
    tag = TAG,
    responses((status = 200, description = "The partner.", body = Partner))
)]
async fn partner(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
) -> Result<Json<Partner>, ApiError> {
    let store = state.read();
    store.partner_user(&caller)?;
    Ok(Json(Partner::from_domain(
        store.partner(),
        store.customer_count(),
    )))
}

/// The partner user the token signs in.
#[utoipa::path(
    get,
    path = "/v1/me",
    operation_id = "readMe",
    tag = TAG,
    responses((status = 200, description = "The signed-in partner user.", body = DemoUser))
)]
async fn me(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
) -> Result<Json<DemoUser>, ApiError> {
    let store = state.read();
    Ok(Json(DemoUser::from_domain(store.partner_user(&caller)?)))
}

/// This document (no token needed).
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    operation_id = "readOpenApiDocument",
    tag = TAG,
    security(()),
    responses((status = 200, description = "The OpenAPI document of this API.", body = OpenApiDocument))
)]
async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], crate::openapi::json())
}
