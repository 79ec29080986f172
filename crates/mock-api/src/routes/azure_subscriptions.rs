//! `GET /subscriptions` and `GET /subscriptions/{azureSubscriptionId}`: Azure subscriptions
//! as Azure Resource Manager lists them, with their role assignments (this API's addition).

use api_types::arm::{ArmErrorBody, ArmList};
use api_types::azure_subscription::ArmSubscription;
use axum::extract::State;
use axum::Json;
use domain::AzureSubscriptionId;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{Caller, CustomerCaller};
use crate::error::ApiError;
use crate::extract::PathId;
use crate::routes::guid;
use crate::state::AppState;

pub const TAG: &str = "Azure subscriptions";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(read))
}

/// The signed-in customer user's Azure subscriptions: their company's, suspended ones too
/// (customer users only; a partner user reads one subscription at a time).
#[utoipa::path(
    get,
    path = "/subscriptions",
    operation_id = "listAzureSubscriptions",
    tag = TAG,
    responses(
        (status = 200, description = "The company's Azure subscriptions, each with its role assignments.", body = ArmList<ArmSubscription>),
        (status = 403, description = "A partner user's token (code CustomerUsersOnly).", body = ArmErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    CustomerCaller(upn): CustomerCaller,
) -> Result<Json<ArmList<ArmSubscription>>, ApiError> {
    let mine = state.read().my_azure_subscriptions(&upn)?;
    Ok(Json(ArmList::of(mine.iter().map(ArmSubscription::from_domain).collect())))
}

/// One Azure subscription: to any partner user, and to the users of its customer.
#[utoipa::path(
    get,
    path = "/subscriptions/{azureSubscriptionId}",
    operation_id = "readAzureSubscription",
    tag = TAG,
    params(("azureSubscriptionId" = uuid::Uuid, Path, description = "The Azure subscription.",
        example = "0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11")),
    responses(
        (status = 200, description = "The subscription, with its role assignments.", body = ArmSubscription),
        (status = 400, description = "The id is not a GUID (code 400).", body = ArmErrorBody),
        (status = 404, description = "No Azure subscription the caller may see has this id (code SubscriptionNotFound).", body = ArmErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(azure): PathId,
) -> Result<Json<ArmSubscription>, ApiError> {
    let azure = guid(&azure, "azureSubscriptionId", AzureSubscriptionId::parse)?;
    Ok(Json(ArmSubscription::from_domain(&state.read().azure_subscription(&caller, &azure)?)))
}
