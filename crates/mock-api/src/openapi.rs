//! The OpenAPI document, generated from the routes (`#[utoipa::path]` on each handler) and
//! the `api_types` (`ToSchema`): served at `GET /v1/openapi.json` and checked in as
//! `openapi.json` (`tests/openapi.rs` fails when they differ).
//!
//! What every operation shares is added here once: the bearer token and its 401, the 400 of
//! a request the schema does not allow, 413 and 415 for bodies, 503 for changes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use api_types::demo::{token_for, Role};
use api_types::ErrorCode;
use utoipa::openapi::path::{Operation, Parameter, ParameterIn, PathItem};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Schema, SchemaType, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Document, Ref, RefOr};
use utoipa::{OpenApi, ToSchema};

/// The scheme every operation but the two open ones asks for (its name is repeated in
/// `ApiDoc`'s `security`).
pub const BEARER: &str = "bearerAuth";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Partner Center customer permissions (mock)",
        version = "1",
        description = "A local stand-in for Partner Center's `/v1` SelfServePolicy API and what the customer-permissions \
            app needs: customers, their subscriptions, users and readiness, carts and orders, and the audit records of \
            the Activity log; and for the Azure Resource Manager routes a customer's side takes: Azure subscriptions, \
            their role assignments, reservation orders and savings plan order aliases.\n\n\
            Every request but `GET /v1/demo/users` and `GET /v1/openapi.json` carries `Authorization: Bearer {token}` \
            with a demo token: a partner user's (Partner Center's `/v1` routes; a customer user's token there gets 403) \
            or a customer user's (`demo-{userPrincipalName}`; a customer user sees only their own company). Every \
            response echoes `MS-CorrelationId` and `MS-RequestId`. Every failure of a `/v1` route is an `ErrorBody` \
            whose `code` says what failed (see its table); every failure of an Azure Resource Manager route is an \
            `ArmErrorBody` whose `error.code` is the same code by name. A refusal the rules decided also carries the \
            refusal itself (`info`, `additionalInfo`). A request that the schema allows never gets 400.",
        license(name = "MIT")
    ),
    security(("bearerAuth" = [])),
    tags(
        (name = crate::routes::policies::TAG, description = "Which customers may buy Azure reservations and savings plans on their own, billed to the partner."),
        (name = crate::routes::customers::TAG, description = "The partner's customers, their subscriptions, users and readiness."),
        (name = crate::routes::carts::TAG, description = "How the partner buys for a customer: the Azure plan, through a cart."),
        (name = crate::routes::orders::TAG, description = "What was bought for a customer, by the partner or by the customer's users, and by whom."),
        (name = crate::routes::audit::TAG, description = "The Activity log."),
        (name = crate::routes::azure_subscriptions::TAG, description = "Azure Resource Manager: a customer's Azure subscriptions."),
        (name = crate::routes::role_assignments::TAG, description = "Azure Resource Manager: Access control (IAM) of an Azure subscription."),
        (name = crate::routes::reservations::TAG, description = "Azure Resource Manager: reservations a customer user buys on their own, billed to the partner."),
        (name = crate::routes::savings_plans::TAG, description = "Azure Resource Manager: savings plans a customer user buys on their own, billed to the partner."),
        (name = crate::routes::requests::TAG, description = "This API's addition, not a Partner Center resource: a customer user asks the partner to exchange, cancel or renew a purchase; the partner approves by doing it (`?approvesRequest=` on the Azure call) or declines with a reason."),
        (name = crate::routes::notifications::TAG, description = "This API's addition, not a Partner Center resource: the partner is told of what its customers' users bought on their own (billed to the partner) and of their requests, each partner user with their own unread count."),
        (name = crate::routes::events::TAG, description = "This API's addition: every kept change as server-sent events, resumable with `Last-Event-ID`."),
        (name = crate::stand_in::TAG, description = "This API's addition, for partner developers testing their own tooling (as WireMock's admin API and LocalStack's fault injection): fault rules that make the server fail on purpose, the journal of the requests it served, a reset to fresh demo data, and snapshots. Open to partner Admin agents and to the admin token the server prints at start-up."),
        (name = crate::routes::demo::TAG, description = "The demo partner, its users and their tokens, and this document."),
    )
)]
struct ApiDoc;

/// An OpenAPI 3.1 document; the OpenAPI Specification describes the whole of it.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct OpenApiDocument {
    #[schema(pattern = r"^3\.1\.[0-9]+$", example = "3.1.0")]
    openapi: String,
    info: OpenApiInfo,
    /// Each path with its operations.
    #[schema(value_type = Object)]
    paths: BTreeMap<String, ()>,
    /// The schemas and security schemes.
    #[schema(value_type = Object)]
    components: (),
}

#[derive(ToSchema)]
#[allow(dead_code)]
pub struct OpenApiInfo {
    title: String,
    version: String,
}

/// The document without the routes.
pub fn base() -> Document {
    ApiDoc::openapi()
}

/// The whole document, as served and checked in.
pub fn document() -> Document {
    let mut doc = crate::api().split_for_parts().1;
    finish(&mut doc);
    doc
}

/// [`document`] as pretty JSON with a final newline, made once.
pub fn json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut text = document()
            .to_pretty_json()
            .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
        text.push('\n');
        text
    })
}

/// Adds what every operation shares, once the routes are in.
fn finish(doc: &mut Document) {
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        BEARER,
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(tokens_description()))
                .build(),
        ),
    );
    for (path, item) in doc.paths.paths.iter_mut() {
        let body = if crate::middleware::is_arm_path(path) { "ArmErrorBody" } else { "ErrorBody" };
        for (method, operation) in operations(item) {
            for parameter in operation.parameters.iter_mut().flatten() {
                if let RefOr::T(parameter) = parameter {
                    not_null(parameter);
                }
            }
            let open = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            if !open {
                add_error(
                    operation,
                    body,
                    ErrorCode::Unauthorized,
                    "No known bearer token (code 401).",
                );
            }
            if !open && body == "ErrorBody" {
                add_error(
                    operation,
                    body,
                    ErrorCode::Refusal(domain::RefusalKind::PartnerUsersOnly),
                    "A customer user's token on a partner route (code 900029).",
                );
            }
            let has_query = operation.parameters.as_ref().is_some_and(|ps| {
                ps.iter().any(
                    |p| matches!(p, RefOr::T(p) if matches!(p.parameter_in, ParameterIn::Query)),
                )
            });
            if operation.request_body.is_some() || has_query {
                add_error(
                    operation,
                    body,
                    ErrorCode::BadRequest,
                    "The request is not what the schema allows (code 400); a request the schema allows never gets it.",
                );
            }
            if operation.request_body.is_some() {
                add_error(
                    operation,
                    body,
                    ErrorCode::PayloadTooLarge,
                    "The body is larger than 64 KiB (code 413).",
                );
                add_error(
                    operation,
                    body,
                    ErrorCode::UnsupportedMediaType,
                    "The body is not declared as JSON (code 415).",
                );
            }
            if method != "get" {
                add_error(
                    operation,
                    body,
                    ErrorCode::StorageFailed,
                    "The change could not be saved; nothing changed (code 503).",
                );
            }
        }
    }
}

fn tokens_description() -> String {
    let users: Vec<String> = domain::demo_data::partner_users()
        .iter()
        .map(|u| {
            format!(
                "`{}` ({}, {})",
                token_for(u),
                u.display_name,
                Role::from(u.role).name()
            )
        })
        .collect();
    format!(
        "A demo token, listed by `GET /v1/demo/users`: {}.",
        users.join(", ")
    )
}

/// A parameter that is left out is absent, never `null`.
fn not_null(parameter: &mut Parameter) {
    if let Some(RefOr::T(Schema::Object(object))) = parameter.schema.as_mut() {
        if let SchemaType::Array(types) = &object.schema_type {
            let mut types: Vec<Type> = types
                .iter()
                .filter(|t| **t != Type::Null)
                .cloned()
                .collect();
            if types.len() == 1 {
                object.schema_type = SchemaType::Type(types.remove(0));
            }
        }
    }
}

fn operations(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("post", item.post.as_mut()),
        ("put", item.put.as_mut()),
        ("delete", item.delete.as_mut()),
        ("patch", item.patch.as_mut()),
    ]
    .into_iter()
    .filter_map(|(method, operation)| operation.map(|o| (method, o)))
    .collect()
}

/// A response with an error body (`ErrorBody` or `ArmErrorBody`), unless the operation
/// documents this status already.
fn add_error(operation: &mut Operation, body: &str, code: ErrorCode, description: &str) {
    let status = code.status().to_string();
    if operation.responses.responses.contains_key(&status) {
        return;
    }
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(body)))
        .build();
    let response = ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .build();
    operation
        .responses
        .responses
        .insert(status, RefOr::T(response));
}
