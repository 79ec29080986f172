//! `/v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements`: the Azure
//! subscriptions under an Azure plan.

use api_types::azure_entitlement::AzureEntitlement;
use api_types::{Collection, ErrorBody};
use axum::extract::State;
use axum::Json;
use domain::{CustomerId, SubscriptionId};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::PartnerCaller;
use crate::error::ApiError;
use crate::extract::PathPair;
use crate::routes::guid;
use crate::state::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The Azure subscriptions under one of the customer's subscriptions (an Azure plan or an
/// Azure Global subscription; none under a licence).
#[utoipa::path(
    get,
    path = "/v1/customers/{id}/subscriptions/{subscriptionId}/azureEntitlements",
    operation_id = "listAzureEntitlements",
    tag = crate::routes::customers::TAG,
    params(
        ("id" = uuid::Uuid, Path, description = "The customer's Microsoft ID.",
            example = "e8d155b9-e946-49bb-b06f-c96c46048034"),
        ("subscriptionId" = uuid::Uuid, Path, description = "The Partner Center subscription.",
            example = "7a1e3c5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c"),
    ),
    responses(
        (status = 200, description = "Its Azure subscriptions.", body = Collection<AzureEntitlement>),
        (status = 400, description = "An id is not a GUID (code 900004 or 400).", body = ErrorBody),
        (status = 403, description = "A customer user's token (code 900029).", body = ErrorBody),
        (status = 404, description = "No such customer (code 900003) or subscription (code 900013).", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    PartnerCaller(caller): PartnerCaller,
    PathPair(id, subscription): PathPair,
) -> Result<Json<Collection<AzureEntitlement>>, ApiError> {
    let id = CustomerId::parse(&id)?;
    let subscription = guid(&subscription, "subscriptionId", SubscriptionId::parse)?;
    let entitlements = state.read().azure_entitlements(&caller, &id, &subscription)?;
    Ok(Json(Collection::of(entitlements.iter().map(AzureEntitlement::from_domain).collect())))
}
