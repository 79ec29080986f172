//! `/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments`:
//! Access control (IAM) of a customer's Azure subscription, in Azure Resource Manager's
//! shape. Any partner user, and the users of the customer it belongs to, read; the partner's
//! Admin agents give and remove roles (admin-on-behalf-of).

use api_types::arm::{ArmErrorBody, ArmList};
use api_types::role_assignment::{NewRoleAssignment, RoleAssignmentResource};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::{AzureSubscriptionId, AzureSubscriptionView, Caller as DomainCaller, RoleAssignmentId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Body, PathId, PathPair};
use crate::routes::guid;
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Role assignments";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(read, assign, remove))
}

fn ids(azure: &str, id: &str) -> Result<(AzureSubscriptionId, RoleAssignmentId), ApiError> {
    Ok((
        guid(azure, "azureSubscriptionId", AzureSubscriptionId::parse)?,
        guid(id, "roleAssignmentId", RoleAssignmentId::parse)?,
    ))
}

/// The assignment `id` of the subscription, as Azure answers it.
fn resource(view: &AzureSubscriptionView, id: &RoleAssignmentId) -> Option<RoleAssignmentResource> {
    view.assignments
        .iter()
        .find(|(a, _)| a.id == *id)
        .map(|(a, u)| RoleAssignmentResource::from_domain(a, u))
}

/// The partner user who may write here: a customer user finds only their own company's
/// subscriptions (another's: 404), and then may not write (403).
fn writer_of(state: &AppState, caller: DomainCaller, azure: &AzureSubscriptionId) -> Result<domain::PartnerUserId, ApiError> {
    match caller {
        DomainCaller::Partner(id) => Ok(id),
        customer @ DomainCaller::Customer(_) => {
            state.read().azure_subscription(&customer, azure)?;
            Err(ApiError::Domain(domain::DomainError::PartnerUsersOnly))
        }
    }
}

/// Who holds which role on the subscription.
#[utoipa::path(
    get,
    path = "/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments",
    operation_id = "listRoleAssignments",
    tag = TAG,
    params(("azureSubscriptionId" = uuid::Uuid, Path, description = "The Azure subscription.",
        example = "0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11")),
    responses(
        (status = 200, description = "Its role assignments.", body = ArmList<RoleAssignmentResource>),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No Azure subscription the caller may see has this id (code SubscriptionNotFound).", body = ArmErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(azure): PathId,
) -> Result<Json<ArmList<RoleAssignmentResource>>, ApiError> {
    let azure = guid(&azure, "azureSubscriptionId", AzureSubscriptionId::parse)?;
    let view = state.read().azure_subscription(&caller, &azure)?;
    Ok(Json(ArmList::of(
        view.assignments.iter().map(|(a, u)| RoleAssignmentResource::from_domain(a, u)).collect(),
    )))
}

/// One role assignment.
#[utoipa::path(
    get,
    path = "/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}",
    operation_id = "readRoleAssignment",
    tag = TAG,
    params(
        ("azureSubscriptionId" = uuid::Uuid, Path, description = "The Azure subscription.",
            example = "0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"),
        ("roleAssignmentId" = uuid::Uuid, Path, description = "The assignment's id (its `name`).",
            example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"),
    ),
    responses(
        (status = 200, description = "The assignment.", body = RoleAssignmentResource),
        (status = 400, description = "An id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No such subscription (code SubscriptionNotFound) or assignment (code RoleAssignmentNotFound).", body = ArmErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(azure, id): PathPair,
) -> Result<Json<RoleAssignmentResource>, ApiError> {
    let (azure, id) = ids(&azure, &id)?;
    let view = state.read().azure_subscription(&caller, &azure)?;
    resource(&view, &id).map(Json).ok_or(ApiError::UnknownRoleAssignment(id))
}

/// Give a customer user a role on the subscription (partner Admin agents): 201 with the new
/// assignment; 200 when this very assignment exists already (nothing changes).
#[utoipa::path(
    put,
    path = "/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}",
    operation_id = "createRoleAssignment",
    tag = TAG,
    params(
        ("azureSubscriptionId" = uuid::Uuid, Path, description = "The Azure subscription.",
            example = "0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"),
        ("roleAssignmentId" = uuid::Uuid, Path, description = "A new GUID, chosen by the caller.",
            example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"),
    ),
    request_body = NewRoleAssignment,
    responses(
        (status = 200, description = "This assignment existed already; nothing changed.", body = RoleAssignmentResource),
        (status = 201, description = "The role is given.", body = RoleAssignmentResource),
        (status = 403, description = "Not an Admin agent (code AuthorizationFailed) or a customer user (code PartnerUsersOnly).", body = ArmErrorBody),
        (status = 404, description = "No Azure subscription the caller may see has this id (code SubscriptionNotFound).", body = ArmErrorBody),
        (status = 409, description = "The user has this role already (code RoleAssignmentExists), or this assignment id has another user or role (code RoleAssignmentUpdateNotPermitted).", body = ArmErrorBody),
        (status = 422, description = "Not a user of this customer (code PrincipalNotFound), or not a role that can be given here (code RoleDefinitionDoesNotExist).", body = ArmErrorBody),
    )
)]
async fn assign(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(azure, id): PathPair,
    Body(input): Body<NewRoleAssignment>,
) -> Result<Response, ApiError> {
    let (azure, id) = ids(&azure, &id)?;
    let actor = writer_of(&state, caller, &azure)?;
    let mut writer = state.write();
    writer.store().authorize_manage_roles(&actor)?;
    let role = input
        .role(&azure)
        .ok_or_else(|| ApiError::UnknownRoleDefinition(input.properties.role_definition_id.chars().take(200).collect()))?;
    let decided = writer.store().decide_assign_role(&actor, &azure, id, &input.properties.principal_id, role, &SecondsClock)?;
    let status = match decided {
        Some(change) => {
            writer.keep(change, None)?;
            StatusCode::CREATED
        }
        None => StatusCode::OK,
    };
    let view = writer.store().azure_subscription(&DomainCaller::Partner(actor), &azure)?;
    let body = resource(&view, &id).ok_or(ApiError::UnknownRoleAssignment(id))?;
    Ok((status, Json(body)).into_response())
}

/// Remove a role assignment (partner Admin agents): 200 with what was removed; 204 when
/// there is no such assignment.
#[utoipa::path(
    delete,
    path = "/subscriptions/{azureSubscriptionId}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentId}",
    operation_id = "deleteRoleAssignment",
    tag = TAG,
    params(
        ("azureSubscriptionId" = uuid::Uuid, Path, description = "The Azure subscription.",
            example = "0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"),
        ("roleAssignmentId" = uuid::Uuid, Path, description = "The assignment's id.",
            example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a"),
    ),
    responses(
        (status = 200, description = "The assignment removed.", body = RoleAssignmentResource),
        (status = 204, description = "There was no such assignment; nothing changed."),
        (status = 400, description = "An id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 403, description = "Not an Admin agent (code AuthorizationFailed) or a customer user (code PartnerUsersOnly).", body = ArmErrorBody),
        (status = 404, description = "No Azure subscription the caller may see has this id (code SubscriptionNotFound).", body = ArmErrorBody),
    )
)]
async fn remove(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathPair(azure, id): PathPair,
) -> Result<Response, ApiError> {
    let (azure, id) = ids(&azure, &id)?;
    let actor = writer_of(&state, caller, &azure)?;
    let mut writer = state.write();
    let Some(change) = writer.store().decide_remove_role(&actor, &azure, &id, &SecondsClock)? else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    let view = writer.store().azure_subscription(&DomainCaller::Partner(actor), &azure)?;
    let body = resource(&view, &id).ok_or(ApiError::UnknownRoleAssignment(id))?;
    writer.keep(change, None)?;
    Ok((StatusCode::OK, Json(body)).into_response())
}
