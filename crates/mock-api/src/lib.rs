//! A local stand-in for Partner Center's customer-permissions REST API (`/v1`), and for the
//! few Azure Resource Manager routes a customer buys through (`/subscriptions…`,
//! `/providers…`): axum in front of the domain crate's `PartnerStore`, kept in a SQLite file.
//!
//! Every body is an `api_types` value, errors included (`ErrorBody`, with an `ErrorCode`);
//! `MS-CorrelationId` and `MS-RequestId` are echoed; browsers may call it from any origin.
//! The routes are registered with utoipa-axum, so the OpenAPI document ([`openapi`]) is
//! generated from the same handlers and types that serve the requests.

pub mod auth;
pub mod db;
pub mod error;
pub mod events;
pub mod extract;
pub mod middleware;
pub mod openapi;
pub mod routes;
pub mod stand_in;
pub mod state;

use std::future::Future;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderName, Method, Uri};
use axum::Router;
use tokio::net::TcpListener;
use tower_http::cors::{Any, CorsLayer};
use utoipa_axum::router::OpenApiRouter;

pub use error::ApiError;
pub use state::{AppState, Opened};

/// The largest request body accepted (413 beyond).
pub const BODY_LIMIT: usize = 64 * 1024;

/// The Partner Center headers a browser may send and read.
pub const MS_HEADERS: [&str; 3] = ["ms-correlationid", "ms-requestid", "ms-continuationtoken"];

/// Every route, with its part of the OpenAPI document ([`openapi::document`]).
pub fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .merge(routes::policies::routes())
        .merge(routes::customers::routes())
        .merge(routes::azure_entitlements::routes())
        .merge(routes::carts::routes())
        .merge(routes::orders::routes())
        .merge(routes::audit::routes())
        .merge(routes::demo::routes())
        .merge(routes::azure_subscriptions::routes())
        .merge(routes::role_assignments::routes())
        .merge(routes::reservations::routes())
        .merge(routes::reservation_lifecycle::routes())
        .merge(routes::requests::routes())
        .merge(routes::notifications::routes())
        .merge(routes::savings_plans::routes())
        .merge(routes::events::routes())
        .merge(stand_in::routes())
}

/// The whole API.
pub fn app(state: AppState) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers(
            [
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                header::ACCEPT,
            ]
            .into_iter()
            .chain(MS_HEADERS.map(HeaderName::from_static))
            .collect::<Vec<_>>(),
        )
        .expose_headers(
            [header::ETAG]
                .into_iter()
                .chain(MS_HEADERS.map(HeaderName::from_static))
                .collect::<Vec<_>>(),
        );
    let (routes, _) = api().split_for_parts();
    routes
        .fallback(unknown_route)
        .method_not_allowed_fallback(wrong_method)
        .with_state(state.clone())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(middleware::error_bodies))
        .layer(axum::middleware::from_fn_with_state(state.clone(), stand_in::faults::apply_faults))
        .layer(axum::middleware::from_fn(middleware::echo_ms_headers))
        .layer(axum::middleware::from_fn_with_state(state, stand_in::journal::keep_requests))
        .layer(cors)
}

async fn unknown_route(uri: Uri) -> ApiError {
    ApiError::UnknownRoute(uri.path().chars().take(200).collect())
}

async fn wrong_method() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Serves the API on `listener` until `shutdown` completes, then finishes the requests
/// under way.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
