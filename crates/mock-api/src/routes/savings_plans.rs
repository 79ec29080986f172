//! `/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}` and the list of
//! savings plan orders: Azure savings plans a customer user buys on their own, billed to the
//! partner, in Azure Resource Manager's shape. The rules are the domain's.

use api_types::arm::{ArmErrorBody, ArmList};
use api_types::reservation::PurchasesQuery;
use api_types::savings_plan::{NewSavingsPlanOrderAlias, SavingsPlanOrderAliasResource};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::Caller as DomainCaller;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{Caller, CustomerCaller};
use crate::error::ApiError;
use crate::extract::{Body, Params, PathId};
use crate::routes::purchases_customer;
use crate::state::{AppState, SecondsClock};

pub const TAG: &str = "Savings plans";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(read, purchase))
}

/// A customer's savings plans, newest first, each as its order alias.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrders",
    operation_id = "listSavingsPlanOrders",
    tag = TAG,
    params(PurchasesQuery),
    responses(
        (status = 200, description = "The savings plans, newest first.", body = ArmList<SavingsPlanOrderAliasResource>),
        (status = 404, description = "No customer the caller may see has this id (code CustomerNotFound).", body = ArmErrorBody),
        (status = 422, description = "A partner user gave no `customerId` (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Params(query): Params<PurchasesQuery>,
) -> Result<Json<ArmList<SavingsPlanOrderAliasResource>>, ApiError> {
    let store = state.read();
    let customer = purchases_customer(&store, &caller, &query)?;
    let plans = store.savings_plans(&caller, &customer)?;
    Ok(Json(ArmList::of(plans.iter().map(SavingsPlanOrderAliasResource::from_domain).collect())))
}

/// One savings plan, by the name it was bought under: to any partner user, and to the users
/// of the customer who bought it.
#[utoipa::path(
    get,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}",
    operation_id = "readSavingsPlanOrderAlias",
    tag = TAG,
    params(("name" = String, Path, description = "The name it was bought under.",
        pattern = "^[A-Za-z0-9_.-]{1,64}$", example = "litware-compute-2026")),
    responses(
        (status = 200, description = "The savings plan.", body = SavingsPlanOrderAliasResource),
        (status = 404, description = "No savings plan the caller may see has this name (code SavingsPlanOrderAliasNotFound).", body = ArmErrorBody),
    )
)]
async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    PathId(name): PathId,
) -> Result<Json<SavingsPlanOrderAliasResource>, ApiError> {
    Ok(Json(SavingsPlanOrderAliasResource::from_domain(&state.read().savings_plan_by_alias(&caller, &name)?)))
}

/// Buy a savings plan under a name (customer users only), billed to the partner: 201 with
/// it; 200 when a plan was bought under this name already (nothing more is bought). Refused
/// as a reservation is; then nothing is bought and nothing logged.
#[utoipa::path(
    put,
    path = "/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}",
    operation_id = "purchaseSavingsPlan",
    tag = TAG,
    params(("name" = String, Path, description = "The name to buy it under: 1 to 64 letters, digits, `-`, `_` or `.`.",
        pattern = "^[A-Za-z0-9_.-]{1,64}$", example = "compute-2026")),
    request_body = NewSavingsPlanOrderAlias,
    responses(
        (status = 200, description = "A plan was bought under this name already; nothing more is bought.", body = SavingsPlanOrderAliasResource),
        (status = 201, description = "Bought: the savings plan, and what the partner is billed.", body = SavingsPlanOrderAliasResource),
        (status = 403, description = "The partner has not allowed it (code PurchaseNotAllowedByPartner), no active Azure plan (code NoEligibleSubscriptions), the buyer is not Owner (code NotOwnerOfSubscription), or a partner user's token (code CustomerUsersOnly).", body = ArmErrorBody),
        (status = 404, description = "The subscription is not one of the buyer's (code SubscriptionNotFound).", body = ArmErrorBody),
        (status = 409, description = "Another customer bought under this name (code PurchaseIdTaken).", body = ArmErrorBody),
        (status = 422, description = "A `Single` scope without its subscription (code UnprocessableEntity).", body = ArmErrorBody),
    )
)]
async fn purchase(
    State(state): State<AppState>,
    CustomerCaller(buyer): CustomerCaller,
    PathId(name): PathId,
    Body(input): Body<NewSavingsPlanOrderAlias>,
) -> Result<Response, ApiError> {
    let request = input.into_domain(&name).map_err(ApiError::Unprocessable)?;
    let mut writer = state.write();
    let status = match writer.store().decide_savings_plan_purchase(&buyer, request, &SecondsClock)? {
        Some(change) => {
            writer.keep(change, None)?;
            StatusCode::CREATED
        }
        None => StatusCode::OK,
    };
    let bought = writer.store().savings_plan_by_alias(&DomainCaller::Customer(buyer), &name)?;
    Ok((status, Json(SavingsPlanOrderAliasResource::from_domain(&bought))).into_response())
}
